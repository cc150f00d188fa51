// Roles and the rights they grant: the one table that says who may do what. Every route declares the right
// it needs (`config.permission`); the request hook checks it against the actor built from these grants.
// Row scoping (a collector sees only assigned customers, a salesperson only own customers) is decided here
// too and applied by the SQL helpers in src/platform/auth/actor.ts.
import type { Actor, CustomerScope } from '../platform/auth/actor';

export const ROLES = [
  'admin',
  'credit_manager',
  'collection_manager',
  'collector',
  'salesperson',
  'finance',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员 admin',
  credit_manager: '信用经理 credit manager',
  collection_manager: '催收主管 collection manager',
  collector: '催收员 collector',
  salesperson: '业务员 salesperson',
  finance: '财务 finance',
  auditor: '审计 auditor',
};

/**
 * Every right a route may require. `public` needs no sign-in; `authenticated` needs a signed-in user and
 * nothing more (own profile, own tokens, sign-out). A route whose permission is not listed here fails the
 * route-rules test, so a new right must be added here, with the roles that get it.
 */
export const RIGHTS = [
  'ledger:read',
  'ledger:write',
  'payments:write',
  'imports:write',
  'reports:read',
  'collections:read', // cases, worklists, tasks, promises, strategies (read)
  'collections:write', // work on cases: promises, plans, tasks, status
  'strategies:write', // collection strategies and their assignment rules
  // Company-wide collections, beyond any one portfolio: run the engine (every customer, any as-of date) and
  // read simulations (their results are the whole company's AR and DSO). Collection managers, not collectors.
  'collections:manage',
  'simulations:read',
  'credit:read',
  'credit:write',
  'admin',
  'audit:read',
] as const;
export type Right = (typeof RIGHTS)[number];
export const PSEUDO_RIGHTS = ['public', 'authenticated'] as const;

/**
 * Rights over what belongs to no one entity: users with their roles and tokens, the selling entities and
 * company-wide settings (`admin`), the audit log, which records every entity (`audit:read`), the
 * company-wide collections rights, and the collection strategies with their assignment rules and customer
 * overrides (`strategies:write`), which every entity's cases follow. They count only from a grant for all entities: an administrator of one
 * entity holds every other right there, but cannot make itself or anyone else more than that, nor read the
 * other entities' history.
 */
export const GLOBAL_ONLY_RIGHTS: readonly Right[] = [
  'admin',
  'audit:read',
  'collections:manage',
  'simulations:read',
  'strategies:write',
];

const READ_RIGHTS = RIGHTS.filter((right) => right.endsWith(':read'));

/** The grants. Admin holds everything; the auditor reads everything and may change nothing. */
export const ROLE_RIGHTS: Record<Role, readonly string[]> = {
  admin: ['*'],
  credit_manager: ['ledger:read', 'reports:read', 'collections:read', 'credit:read', 'credit:write'],
  collection_manager: [
    'ledger:read',
    'ledger:write',
    'reports:read',
    'collections:read',
    'collections:write',
    'strategies:write',
    'collections:manage',
    'simulations:read',
  ],
  // Collectors and salespeople see their own portfolio's cases, aging and statements too: every query
  // applies the same customer scope as the lists, so the numbers cover only their customers. 业务员 follow
  // up on what they sold, so they read their customers' cases but do not work them.
  collector: ['ledger:read', 'reports:read', 'collections:read', 'collections:write'],
  salesperson: ['ledger:read', 'reports:read', 'collections:read'],
  finance: [
    'ledger:read',
    'ledger:write',
    'payments:write',
    'imports:write',
    'reports:read',
    'collections:read',
  ],
  auditor: [...READ_RIGHTS, 'audit:read'],
};

/** How far a role sees into the customers: all of them, or only those assigned to the user. */
const ROLE_SCOPE: Record<Role, 'all' | 'collector' | 'salesperson'> = {
  admin: 'all',
  credit_manager: 'all',
  collection_manager: 'all',
  collector: 'collector',
  salesperson: 'salesperson',
  finance: 'all',
  auditor: 'all',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface RoleGrant {
  role: Role;
  /** null: every selling entity. */
  entityId: number | null;
}

export interface ActorUser {
  id: number;
  username: string;
  displayName: string;
}

/** The rights one grant gives: a grant for one entity leaves out the global-only rights (`*` included). */
function grantRights(grant: RoleGrant): readonly string[] {
  const rights = ROLE_RIGHTS[grant.role];
  if (grant.entityId === null) return rights;
  const concrete: readonly string[] = rights.includes('*') ? RIGHTS : rights;
  return concrete.filter((right) => !(GLOBAL_ONLY_RIGHTS as readonly string[]).includes(right));
}

/** What a read-only API token keeps of its owner's rights: the `:read` ones. */
function readOnly(rights: ReadonlySet<string>): Set<string> {
  const concrete = rights.has('*') ? RIGHTS : [...rights];
  return new Set(concrete.filter((right) => right.endsWith(':read')));
}

/**
 * The actor for a signed-in user. Grants are combined: rights are the union, customers are unrestricted
 * as soon as one role sees all of them, and entities are unrestricted as soon as one grant is for all
 * entities. (Rights are not kept apart per entity: a user who is finance in one entity and collector in
 * another holds the finance rights in the entities of both grants.) The global-only rights come only from
 * grants for all entities. A read-only API token keeps only the `:read` rights.
 */
export function actorFor(user: ActorUser, grants: RoleGrant[], tokenScope?: 'read' | 'write'): Actor {
  const granted = new Set<string>();
  for (const grant of grants) for (const right of grantRights(grant)) granted.add(right);
  const permissions = tokenScope === 'read' ? readOnly(granted) : granted;
  const scopes = new Set(grants.map((grant) => ROLE_SCOPE[grant.role]));
  const customerScope: CustomerScope | null = scopes.has('all')
    ? null
    : {
        collectorUserIds: scopes.has('collector') ? [user.id] : [],
        salespersonUserIds: scopes.has('salesperson') ? [user.id] : [],
      };
  const entityIds =
    grants.length > 0 && grants.some((grant) => grant.entityId === null)
      ? null
      : [...new Set(grants.map((grant) => grant.entityId as number))].sort((a, b) => a - b);
  return { userId: user.id, name: user.username, permissions, customerScope, entityIds };
}

/** Nobody: what an unauthenticated request acts as. Sees no customer and no entity, holds no right. */
export const ANONYMOUS_ACTOR: Actor = {
  userId: null,
  name: 'anonymous',
  permissions: new Set(),
  customerScope: { collectorUserIds: [], salespersonUserIds: [] },
  entityIds: [],
};
