// Helpers for the import tests: fixture paths, temporary files, and a shortcut to run an import.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportKind } from '../../src/ledger/import/fields';
import { importFile } from '../../src/ledger/import/import-file';
import type { ImportMapping } from '../../src/ledger/import/mapping';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import type { Store } from '../../src/platform/db/store';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

export const fixture = (name: string) => join(FIXTURES, name);
export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

const scratch = mkdtempSync(join(tmpdir(), 'huikuan-import-test-'));

/** Writes a temporary file for one test and returns its path. */
export function tempFile(name: string, content: string | Buffer | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

export function runImport(
  store: Store,
  kind: ImportKind,
  filePath: string,
  options: { mapping?: ImportMapping; dryRun?: boolean; actor?: Actor } = {},
) {
  return importFile(store, options.actor ?? SYSTEM_ACTOR, {
    kind,
    filePath,
    mapping: options.mapping,
    dryRun: options.dryRun,
  });
}

/** Invoices as `number: amount currency issue→due customer` lines, for exact comparisons. */
export async function invoiceLines(store: Store): Promise<string[]> {
  const rows = await store.db
    .selectFrom('invoice')
    .innerJoin('customer', 'customer.id', 'invoice.customer_id')
    .innerJoin('entity', 'entity.id', 'invoice.entity_id')
    .select([
      'entity.code as entity',
      'invoice.number',
      'invoice.amount',
      'invoice.currency',
      'invoice.issue_date',
      'invoice.due_date',
      'customer.code as customer',
    ])
    .orderBy('invoice.number')
    .execute();
  return rows.map(
    (r) =>
      `${r.entity}/${r.number}: ${r.amount} ${r.currency.trim()} ${r.issue_date}→${r.due_date} ${r.customer}`,
  );
}
