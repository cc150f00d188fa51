// Errors reach the client as a kind (`code`), a catalog message code with named params and an English
// message; the web and the CLI translate the code (src/shared/messages). Before, a taken username came back
// as "Already exists: Key (username)=(…) already exists." and a missing case as "Case 720 not found", which a
// zh-CN user saw in English.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AppError, msg, notFound } from '../src/platform/errors';
import { formatMessage, localeFrom, localizeReason } from '../src/shared/messages';
import { authTestServer } from './auth/helpers';
import { type ApiClient, apiClient } from './support/http';
import { describeEachStore } from './support/stores';

describeEachStore('error messages with codes', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;
  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
  });
  afterAll(() => server.close());

  it('a taken unique key names the field and the value, in both languages', async () => {
    const user = { username: 'li.lei', displayName: '李雷', password: 'a long enough password 1', roles: [] };
    expect((await admin.post('/api/users', user)).statusCode).toBe(201);
    const again = await admin.post('/api/users', user);
    expect(again.statusCode).toBe(409);
    const error = again.json().error;
    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageCode: 'alreadyExists',
      params: { field: 'username', value: 'li.lei' },
      message: 'username li.lei already exists',
    });
    expect(formatMessage('zh-CN', error.messageCode, error.params)).toBe('用户名为“li.lei”的记录已存在');
  });

  it('a missing record is coded, and its kind of record translates', async () => {
    const response = await admin.get('/api/collections/cases/987654');
    expect(response.statusCode).toBe(404);
    const error = response.json().error;
    expect(error).toMatchObject({ code: 'NOT_FOUND', messageCode: 'notFound', params: { key: '987654' } });
    expect(formatMessage('zh-CN', error.messageCode, error.params)).toBe('案件 987654 不存在');
  });

  it('a request that fails validation and a missing route are coded too', async () => {
    const invalid = await admin.post('/api/users', { username: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'INVALID_INPUT', messageCode: 'invalidRequest' });
    const missing = await admin.get('/api/no-such-route');
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', messageCode: 'noRoute' });
  });
});

it('a coded error keeps its code and params; notFound is coded', () => {
  const closed = new AppError('CONFLICT', msg('caseClosed', { id: 7 }));
  expect(closed.toPayload()).toEqual({
    code: 'CONFLICT',
    message: 'Case 7 is closed',
    messageCode: 'caseClosed',
    params: { id: 7 },
  });
  expect(closed.localized('zh-CN')).toBe('案件 7 已结案');
  const missing = notFound('Customer', 7);
  expect(missing.message).toBe('Customer 7 not found');
  expect(missing.localized('zh-CN')).toBe('客户 7 不存在');
});

it('the CLI locale comes from --locale, else LANG', () => {
  expect(localeFrom(['node', 'huikuan', 'cases', '--locale', 'zh-CN'], {})).toBe('zh-CN');
  expect(localeFrom(['node', 'huikuan', '--locale=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
  expect(localeFrom(['node', 'huikuan'], { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
  expect(localeFrom(['node', 'huikuan'], { LANG: 'C.UTF-8' })).toBe('en');
});

it('recurring problem reasons translate, with the value kept', () => {
  expect(localizeReason('zh-CN', '"2024-02-30" is not a real calendar date')).toBe(
    '“2024-02-30”不是实际存在的日期',
  );
  expect(localizeReason('zh-CN', 'required')).toBe('必填');
  expect(localizeReason('en', 'required')).toBe('required');
  expect(localizeReason('zh-CN', 'something new')).toBe('something new');
});
