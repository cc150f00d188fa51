// Use case: the import kinds and their fields, from the one catalogue in fields.ts.
import { type Actor, assertCan } from '../../platform/auth/actor';
import { IMPORT_KINDS, type ImportKind, KIND_FIELDS } from './fields';

export interface ImportKindDto {
  kind: ImportKind;
  fields: Array<{ name: string; type: string; required: boolean; description: string; aliases: string[] }>;
}

export function listImportKinds(actor: Actor): { items: ImportKindDto[] } {
  assertCan(actor, 'ledger:read');
  return {
    items: IMPORT_KINDS.map((kind) => ({
      kind,
      fields: KIND_FIELDS[kind].map(({ name, type, required, description, aliases }) => ({
        name,
        type,
        required,
        description,
        aliases,
      })),
    })),
  };
}
