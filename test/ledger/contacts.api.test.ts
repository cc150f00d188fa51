import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../src/app/server';
import { listContacts } from '../../src/ledger/contacts/list-contacts';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { collectorActor, type Ledger, seedLedger } from './customers.fixtures';

describeEachStore('contacts API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = await seedLedger(store().db);
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates, lists primary first, updates, and deletes contacts', async () => {
    const url = `/api/customers/${ledger.customers.c001}/contacts`;
    const first = await api.post(url, {
      name: '王会计',
      role: 'finance',
      mobile: '13800000000',
      isPrimary: true,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({
      id: expect.any(Number),
      customerId: ledger.customers.c001,
      name: '王会计',
      role: 'finance',
      title: null,
      phone: null,
      mobile: '13800000000',
      email: null,
      wechat: null,
      channels: { email: true, sms: true, phone: true, letter: true },
      doNotContact: false,
      preferredHours: null,
      language: null,
      isPrimary: true,
    });
    const boss = await api.post(url, {
      name: '李总',
      role: 'owner',
      email: 'li@example.cn',
      channels: { sms: false },
      preferredHours: '09:00-12:00',
      isPrimary: true,
    });
    expect(boss.statusCode, boss.body).toBe(201);
    // Only one primary contact per customer: the newer one took over.
    const listed = await api.get(url);
    expect(
      listed.json().items.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary]),
    ).toEqual([
      ['李总', true],
      ['王会计', false],
    ]);
    const patched = await api.patch(`/api/contacts/${first.json().id}`, {
      doNotContact: true,
      channels: { phone: false },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      doNotContact: true,
      channels: { email: true, sms: true, phone: false, letter: true },
      mobile: '13800000000',
    });
    const detail = await api.get(`/api/customers/${ledger.customers.c001}`);
    expect(detail.json().contacts.map((c: { name: string }) => c.name)).toEqual(['李总', '王会计']);
    const deleted = await api.delete(`/api/contacts/${first.json().id}`);
    expect(deleted.statusCode).toBe(204);
    expect((await api.get(url)).json().items.map((c: { name: string }) => c.name)).toEqual(['李总']);
    expect((await api.delete(`/api/contacts/${first.json().id}`)).statusCode).toBe(404);
  });

  it('rejects bad fields, duplicate names and unknown customers', async () => {
    const url = `/api/customers/${ledger.customers.c002}/contacts`;
    const bad = await api.post(url, { name: '张三', email: 'not-an-email', preferredHours: '18:00-09:00' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['email', 'preferredHours']);
    const badRole = await api.post(url, { name: '张三', role: 'boss' });
    expect(badRole.statusCode).toBe(400);
    expect((await api.post(url, { name: '张三' })).statusCode).toBe(201);
    const duplicate = await api.post(url, { name: '张三' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toBe('This customer already has a contact named 张三');
    expect((await api.post('/api/customers/99999999/contacts', { name: 'x' })).statusCode).toBe(404);
    expect((await api.get('/api/customers/99999999/contacts')).statusCode).toBe(404);
    expect((await api.patch('/api/contacts/99999999', { name: 'x' })).statusCode).toBe(404);
  });

  it('hides contacts of customers outside a collector scope', async () => {
    const li = collectorActor(ledger.users.li);
    await expect(listContacts(store().db, li, { customerId: ledger.customers.c002 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const own = await listContacts(store().db, li, { customerId: ledger.customers.c001 });
    expect(own.items.map((c) => c.name)).toEqual(['李总']);
  });
});
