// An administrator (or auditor) of one selling entity holds the role's rights in that entity, but not the
// global-only ones (GLOBAL_ONLY_RIGHTS in src/auth/roles.ts): administering users, their roles and tokens,
// and reading the audit log need a grant for all entities. Before, an entity's `admin` got the `*` right and
// could PUT its own roles to become administrator of everything.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createToken } from '../../src/auth/create-token';
import { setUserRoles } from '../../src/auth/set-user-roles';
import { findUserByUsername, selectGrants } from '../../src/auth/user-queries';
import { type Actor, SYSTEM_ACTOR } from '../../src/platform/auth/actor';
import { type ApiClient, apiClient, apiClientFor } from '../support/http';
import { describeEachStore } from '../support/stores';
import { authTestServer } from './helpers';

describeEachStore('administrators of one entity', (store) => {
  let server: FastifyInstance;
  let entityAdmin: ApiClient;
  let entityAuditor: ApiClient;
  let admin: ApiClient;
  let otherId: number;
  let entityA: number;
  let entityB: number;

  beforeAll(async () => {
    server = await authTestServer(store());
    const db = store().db;
    const entity = async (code: string, name: string) =>
      (
        await sql<{ id: number }>`insert into entity (code, name, base_currency)
          values (${code}, ${name}, 'CNY') returning id`.execute(db)
      ).rows[0].id;
    entityA = await entity('ENT-A', '苏州恒达');
    entityB = await entity('ENT-B', '宁波远航');
    entityAdmin = await apiClientFor(server, {
      username: 'admin.ent-a',
      roles: [{ role: 'admin', entityCode: 'ENT-A' }],
    });
    entityAuditor = await apiClientFor(server, {
      username: 'auditor.ent-a',
      roles: [{ role: 'auditor', entityCode: 'ENT-A' }],
    });
    const other = await apiClientFor(server, {
      username: 'finance.ent-b',
      roles: [{ role: 'finance', entityCode: 'ENT-B' }],
    });
    otherId = other.userId as number;
    admin = await apiClient(server, 'admin');
  });
  afterAll(() => server.close());

  const grantsOf = (userId: number) => selectGrants(store().db, userId);

  it('cannot make itself administrator of all entities, nor of another entity', async () => {
    const self = entityAdmin.userId as number;
    for (const roles of [
      [{ role: 'admin' }],
      [{ role: 'admin', entityCode: 'ENT-B' }],
      [{ role: 'auditor' }],
    ]) {
      const response = await entityAdmin.put(`/api/users/${self}/roles`, { roles });
      expect(response.statusCode, JSON.stringify(roles)).toBe(403);
    }
    expect(await grantsOf(self)).toEqual([{ role: 'admin', entityId: entityA }]);
  });

  it('administers no other user: no roles, no new users, no changes, no list', async () => {
    const roles = await entityAdmin.put(`/api/users/${otherId}/roles`, {
      roles: [{ role: 'admin' }],
    });
    expect(roles.statusCode).toBe(403);
    expect(await grantsOf(otherId)).toEqual([{ role: 'finance', entityId: entityB }]);
    const created = await entityAdmin.post('/api/users', {
      username: 'made.by.entity.admin',
      displayName: '冒名管理员',
      password: 'a long enough password 2024',
      roles: [{ role: 'admin' }],
    });
    expect(created.statusCode).toBe(403);
    expect(await findUserByUsername(store().db, 'made.by.entity.admin')).toBeUndefined();
    expect((await entityAdmin.patch(`/api/users/${otherId}`, { disabled: true })).statusCode).toBe(403);
    expect((await entityAdmin.get('/api/users')).statusCode).toBe(403);
  });

  it('makes, lists and revokes nobody else’s API tokens', async () => {
    const made = await entityAdmin.post('/api/tokens', { userId: otherId, name: 'not mine', scope: 'write' });
    expect(made.statusCode).toBe(403);
    expect((await entityAdmin.get('/api/tokens?all=true')).statusCode).toBe(403);
    expect((await entityAdmin.get(`/api/tokens?userId=${otherId}`)).statusCode).toBe(403);
    const theirs = await createToken(store().db, SYSTEM_ACTOR, {
      userId: otherId,
      name: 'theirs',
      scope: 'read',
    });
    expect((await entityAdmin.delete(`/api/tokens/${theirs.id}`)).statusCode).toBe(404);
    // Its own tokens are its own business.
    expect((await entityAdmin.post('/api/tokens', { name: 'mine', scope: 'read' })).statusCode).toBe(201);
  });

  it('reads no audit log, and neither does an auditor of one entity; an auditor of all does', async () => {
    for (const client of [entityAdmin, entityAuditor]) {
      for (const url of ['/api/audit', '/api/audit/export', '/api/audit/verify']) {
        expect((await client.get(url)).statusCode, url).toBe(403);
      }
    }
    const auditor = await apiClient(server, 'auditor');
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
  });

  it('keeps every other right of the role in its own entity', async () => {
    const me = await entityAdmin.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    const rights = me.json().rights as string[];
    expect(rights).toEqual(expect.arrayContaining(['ledger:write', 'payments:write', 'imports:write']));
    expect(rights).not.toContain('admin');
    expect(rights).not.toContain('audit:read');
    expect(me.json().entityIds).toEqual([entityA]);
    expect((await entityAdmin.get('/api/customers')).statusCode).toBe(200);
  });

  it('an administrator of all entities still grants any role', async () => {
    const response = await admin.put(`/api/users/${otherId}/roles`, {
      roles: [{ role: 'finance', entityCode: 'ENT-B' }, { role: 'auditor' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await grantsOf(otherId)).toEqual(
      expect.arrayContaining([
        { role: 'finance', entityId: entityB },
        { role: 'auditor', entityId: null },
      ]),
    );
  });

  it('refuses, on the grant path itself, roles beyond the acting user’s entities', async () => {
    // An actor holding `admin` but acting for entity A only (as a hand-made actor, e.g. a future role, might).
    const limited: Actor = {
      userId: entityAdmin.userId,
      name: 'admin.ent-a',
      permissions: new Set(['*']),
      customerScope: null,
      entityIds: [entityA],
    };
    for (const roles of [[{ role: 'admin' }], [{ role: 'credit_manager', entityId: entityB }]]) {
      await expect(
        setUserRoles(store().db, limited, { id: otherId, mode: 'grant', roles }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    // Taking away a role for all entities is beyond it too.
    await expect(
      setUserRoles(store().db, limited, { id: otherId, mode: 'replace', roles: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setUserRoles(store().db, limited, {
      id: otherId,
      mode: 'grant',
      roles: [{ role: 'collector', entityId: entityA }],
    });
    expect(await grantsOf(otherId)).toContainEqual({ role: 'collector', entityId: entityA });
  });
});
