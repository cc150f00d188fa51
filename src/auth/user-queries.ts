// Queries for users (app_user), their roles and sign-in state. The only place here that knows the tables.
import { sql } from 'kysely';
import type { Db, Tx } from '../platform/db/store';
import { escapeLike } from './audit-queries';
import type { Role, RoleGrant } from './roles';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

const USER_COLUMNS = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.email',
  'app_user.password_hash',
  'app_user.disabled_at',
  'app_user.created_at',
] as const;

export function findUserByUsername(db: Db | Tx, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(USER_COLUMNS).where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Db | Tx, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function selectGrants(db: Db | Tx, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_role')
    .select(['role', 'entity_id'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ role: row.role as Role, entityId: row.entity_id }));
}

export interface UserListRow extends UserRow {
  roles: { role: Role; entityId: number | null; entityCode: string | null }[];
  last_login_at: Date | null;
  locked_until: Date | null;
}

export interface UserFilter {
  q?: string;
  role?: Role;
  includeDisabled?: boolean;
  ids?: number[];
}

/** Users with their roles, by username. Small table: one page of at most `limit` rows. */
export async function selectUsers(db: Db | Tx, filter: UserFilter, limit = 500): Promise<UserListRow[]> {
  let query = db
    .selectFrom('app_user')
    .leftJoin('login_state', 'login_state.user_id', 'app_user.id')
    .select(USER_COLUMNS)
    .select(['login_state.last_login_at', 'login_state.locked_until'])
    .select(
      sql<UserListRow['roles']>`coalesce((
        select json_agg(json_build_object('role', r.role, 'entityId', r.entity_id, 'entityCode', e.code)
                        order by r.role, e.code nulls first)
        from user_role r left join entity e on e.id = r.entity_id
        where r.user_id = app_user.id), '[]'::json)`.as('roles'),
    )
    .orderBy('app_user.username')
    .limit(limit);
  if (!filter.includeDisabled) query = query.where('app_user.disabled_at', 'is', null);
  if (filter.ids) query = query.where('app_user.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('app_user.username', 'ilike', pattern), eb('app_user.display_name', 'ilike', pattern)]),
    );
  }
  if (filter.role) {
    const role = filter.role;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role')
          .select('user_role.id')
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .where('user_role.role', '=', role),
      ),
    );
  }
  return query.execute();
}

export async function insertUser(
  tx: Tx,
  values: { username: string; displayName: string; email: string | null; passwordHash: string | null },
): Promise<number> {
  const row = await tx
    .insertInto('app_user')
    .values({
      username: values.username,
      display_name: values.displayName,
      email: values.email,
      password_hash: values.passwordHash,
      password_changed_at: values.passwordHash ? new Date() : null,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  passwordHash?: string;
  disabled?: boolean;
}

export async function updateUser(tx: Tx, id: number, patch: UserPatch): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({
      ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.passwordHash !== undefined
        ? { password_hash: patch.passwordHash, password_changed_at: new Date() }
        : {}),
      ...(patch.disabled !== undefined
        ? { disabled_at: patch.disabled ? sql<Date>`coalesce(disabled_at, now())` : null }
        : {}),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function addGrants(tx: Tx, userId: number, grants: RoleGrant[]): Promise<void> {
  if (grants.length === 0) return;
  await sql`insert into user_role (user_id, role, entity_id)
            select ${userId}, g.role, g.entity_id
            from jsonb_to_recordset(${JSON.stringify(grants.map((g) => ({ role: g.role, entity_id: g.entityId })))}::jsonb)
                 as g(role text, entity_id bigint)
            on conflict (user_id, role, coalesce(entity_id, 0)) do nothing`.execute(tx);
}

export async function removeGrants(tx: Tx, userId: number, grants: RoleGrant[]): Promise<void> {
  for (const grant of grants) {
    let query = tx.deleteFrom('user_role').where('user_id', '=', userId).where('role', '=', grant.role);
    query =
      grant.entityId === null
        ? query.where('entity_id', 'is', null)
        : query.where('entity_id', '=', grant.entityId);
    await query.execute();
  }
}

export async function removeAllGrants(tx: Tx, userId: number): Promise<void> {
  await tx.deleteFrom('user_role').where('user_id', '=', userId).execute();
}

/** Enabled users holding admin for all entities, other than `exceptUserId`. */
export async function countOtherAdmins(tx: Tx, exceptUserId: number): Promise<number> {
  const row = await tx
    .selectFrom('user_role')
    .innerJoin('app_user', 'app_user.id', 'user_role.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_role.role', '=', 'admin')
    .where('user_role.entity_id', 'is', null)
    .where('app_user.disabled_at', 'is', null)
    .where('app_user.id', '<>', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function entityIdsByCode(db: Db | Tx, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('entity').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

export async function existingEntityIds(db: Db | Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('entity').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

/** Whether a user exists and is disabled, by id (for assignment checks). */
export async function findUserState(
  db: Db | Tx,
  id: number,
): Promise<{ displayName: string; disabled: boolean } | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(['display_name', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { displayName: row.display_name, disabled: row.disabled_at !== null };
}

export async function anyUserWithRole(db: Db | Tx): Promise<boolean> {
  const row = await db.selectFrom('user_role').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface StaffRow {
  id: number;
  displayName: string;
  roles: Array<'collector' | 'salesperson'>;
}

/**
 * The people customers are assigned to, for pickers: active users holding the collector or salesperson
 * role in one of `entityIds` (null: any) or for all entities; only `onlyUserId` when given. Searched by
 * display name only, so that the list cannot be used to find usernames.
 */
export async function selectAssignableStaff(
  db: Db | Tx,
  filter: { entityIds: number[] | null; onlyUserId?: number; q?: string },
): Promise<StaffRow[]> {
  let query = db
    .selectFrom('app_user')
    .innerJoin('user_role', 'user_role.user_id', 'app_user.id')
    .select([
      'app_user.id',
      'app_user.display_name as displayName',
      sql<Array<'collector' | 'salesperson'>>`array_agg(distinct user_role.role order by user_role.role)`.as(
        'roles',
      ),
    ])
    .where('app_user.disabled_at', 'is', null)
    .where('user_role.role', 'in', ['collector', 'salesperson'])
    .groupBy(['app_user.id', 'app_user.display_name'])
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .limit(2000);
  const { entityIds } = filter;
  if (entityIds) {
    const ids = entityIds.length ? entityIds : [-1];
    query = query.where(
      sql<boolean>`(user_role.entity_id is null or user_role.entity_id = any(${ids}::bigint[]))`,
    );
  }
  if (filter.onlyUserId !== undefined) query = query.where('app_user.id', '=', filter.onlyUserId);
  if (filter.q) query = query.where('app_user.display_name', 'ilike', `%${escapeLike(filter.q)}%`);
  return query.execute();
}

/** Every user's id and names, for a copy of the data that keeps who is assigned what (the simulator). */
export function selectUserNames(
  db: Db | Tx,
): Promise<Array<{ id: number; username: string; display_name: string }>> {
  return db.selectFrom('app_user').select(['id', 'username', 'display_name']).orderBy('id').execute();
}
