// Checks on user fields and role grants shared by the create and update use cases.

import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/store';
import { AppError, type FieldProblem, invalid, msg } from '../platform/errors';
import { passwordProblems } from './password-rules';
import { isRole, ROLES, type RoleGrant } from './roles';
import { entityIdsByCode, existingEntityIds } from './user-queries';

export interface GrantInput {
  role: string;
  /** One entity by id or by code; neither means all entities. */
  entityId?: number | null;
  entityCode?: string | null;
}

const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,99}$/u;

export function checkUsername(username: string, problems: FieldProblem[]): void {
  if (!USERNAME.test(username)) {
    problems.push({
      field: 'username',
      value: username,
      reason: 'use 1–100 letters, digits, dots, dashes, underscores or @, starting with a letter or digit',
    });
  }
}

export function checkDisplayName(displayName: string, problems: FieldProblem[]): void {
  if (displayName.trim().length === 0 || displayName.length > 200) {
    problems.push({ field: 'displayName', value: displayName, reason: 'must be 1–200 characters' });
  }
}

export function checkPassword(password: string, username: string, problems: FieldProblem[]): void {
  for (const reason of passwordProblems(password, username)) problems.push({ field: 'password', reason });
}

export function checkEmail(email: string | null | undefined, problems: FieldProblem[]): void {
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email))) {
    problems.push({ field: 'email', value: email, reason: 'is not an email address' });
  }
}

/** Turns role inputs into grants, checking role names and that the entities exist. */
export async function resolveGrants(db: Db | Tx, inputs: GrantInput[]): Promise<RoleGrant[]> {
  const problems: FieldProblem[] = [];
  const codes = inputs.flatMap((input) => (input.entityCode ? [input.entityCode] : []));
  const byCode = await entityIdsByCode(db, codes);
  const ids = inputs.flatMap((input) => (typeof input.entityId === 'number' ? [input.entityId] : []));
  const known = await existingEntityIds(db, ids);
  const grants: RoleGrant[] = [];
  inputs.forEach((input, index) => {
    const field = `roles[${index}]`;
    if (!isRole(input.role)) {
      problems.push({ field: `${field}.role`, value: input.role, reason: `use one of ${ROLES.join(', ')}` });
      return;
    }
    let entityId: number | null = null;
    if (input.entityCode) {
      entityId = byCode.get(input.entityCode) ?? null;
      if (entityId === null) {
        problems.push({ field: `${field}.entityCode`, value: input.entityCode, reason: 'no such entity' });
        return;
      }
    } else if (typeof input.entityId === 'number') {
      if (!known.has(input.entityId)) {
        problems.push({
          field: `${field}.entityId`,
          value: String(input.entityId),
          reason: 'no such entity',
        });
        return;
      }
      entityId = input.entityId;
    }
    grants.push({ role: input.role, entityId });
  });
  if (problems.length) throw invalid(msg('rolesInvalid'), problems);
  return grants;
}

/**
 * Refuses grants — given or taken away — beyond the acting user's own entities: a role for all entities
 * needs someone who acts for all entities. (`admin` counts only from a grant for all entities, so an
 * entity's administrator does not reach user administration at all; this guards the grant path itself.)
 */
export function assertGrantable(actor: Actor, grants: RoleGrant[]): void {
  const own = actor.entityIds;
  if (own === null) return;
  const outside = grants.filter((grant) => grant.entityId === null || !own.includes(grant.entityId));
  if (outside.length > 0) {
    throw new AppError('FORBIDDEN', msg('rolesOutsideEntities'));
  }
}

/** The grants in one list and not in the other, both ways: what a change of roles gives or takes away. */
export function changedGrants(before: RoleGrant[], after: RoleGrant[]): RoleGrant[] {
  const key = (grant: RoleGrant) => `${grant.role}@${grant.entityId ?? '*'}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return [
    ...after.filter((grant) => !beforeKeys.has(key(grant))),
    ...before.filter((grant) => !afterKeys.has(key(grant))),
  ];
}
