// Bad input over HTTP is a 400 naming the field, never a 500: control characters in any text filter or body,
// JSON nested too deep, prototype names as sort keys, tampered cursors, impossible dates.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import { authTestServer } from '../auth/helpers';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore } from '../support/stores';

interface QueryRoute {
  path: string;
  params: string[];
}

/** Every GET route's text query parameters, from the OpenAPI document (so a new route is covered too). */
async function textQueryRoutes(server: FastifyInstance): Promise<QueryRoute[]> {
  await server.ready();
  const spec = server.swagger() as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string; schema?: { type?: string } }[] }>
    >;
  };
  const routes: QueryRoute[] = [];
  for (const [path, operations] of Object.entries(spec.paths)) {
    const get = operations.get;
    const params = (get?.parameters ?? [])
      .filter((p) => p.in === 'query' && p.schema?.type === 'string')
      .map((p) => p.name);
    if (params.length > 0) routes.push({ path: path.replace(/\{[^}]+\}/g, '1'), params });
  }
  return routes;
}

export function expectFieldError(
  response: { statusCode: number; json(): unknown },
  field: string,
  label: string,
) {
  expect(response.statusCode, label).toBe(400);
  const body = response.json() as { error: { code: string; problems?: { field?: string | null }[] } };
  expect(body.error.code, label).toBe('INVALID_INPUT');
  expect(
    body.error.problems?.map((p) => p.field),
    label,
  ).toContain(field);
}

describeEachStore('bad input over HTTP', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
    await admin.post('/api/customers', { code: 'BAD-1', name: '坏输入客户' });
  });
  afterAll(() => server.close());

  it('refuses a NUL or other control character in every text filter with a 400 naming it', async () => {
    const routes = await textQueryRoutes(server);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    let probes = 0;
    for (const route of routes) {
      for (const param of route.params) {
        for (const bad of ['a\u0000b', 'x\u001b[31m', 'y\u007f']) {
          const url = `${route.path}?${param}=${encodeURIComponent(bad)}`;
          expectFieldError(await admin.get(url), param, url);
          probes++;
        }
      }
    }
    expect(probes).toBeGreaterThan(60);
  });

  it('refuses a NUL in a path parameter and in a JSON body, naming the field', async () => {
    expectFieldError(await admin.get(`/api/customers/${encodeURIComponent('1\u0000')}`), 'id', 'path');
    const created = await admin.post('/api/customers', { code: 'NUL\u0000CODE', name: 'x' });
    expectFieldError(created, 'code', 'customer code');
    const nested = await admin.post('/api/customers', {
      code: 'NUL-2',
      name: 'ok',
      attributes: { note: { inner: 'a\u0000b' } },
    });
    expectFieldError(nested, 'attributes.note.inner', 'nested attribute');
  });

  it('refuses JSON nested 100,000 deep, or attributes deeper than a form would make, naming the field', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const body = `{"code":"DEEP-1","name":"deep","attributes":${deep}}`;
    const created = await admin.inject({
      method: 'POST',
      url: '/api/customers',
      payload: body,
      headers: { 'content-type': 'application/json' },
    });
    expectFieldError(created, 'attributes.a.a', 'deep body');
    const arrays = `{"code":"DEEP-2","name":"deep","attributes":{"list":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const list = await admin.inject({
      method: 'POST',
      url: '/api/customers',
      payload: arrays,
      headers: { 'content-type': 'application/json' },
    });
    expectFieldError(list, 'attributes.list', 'deep arrays');
    let nested: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 12; i++) nested = { level: nested };
    expectFieldError(
      await admin.post('/api/customers', { code: 'DEEP-3', name: 'deep', attributes: nested }),
      'attributes',
      'attributes 13 deep',
    );
    const customer = (await admin.get('/api/customers?q=BAD-1')).json().items[0];
    expectFieldError(
      await admin.patch(`/api/customers/${customer.id}`, { attributes: nested }),
      'attributes',
      'update',
    );
  });

  it('marks every API answer, data or error, as not to be cached', async () => {
    for (const url of [
      '/api/customers',
      '/api/customers/999999',
      '/api/customers?sort=nope',
      '/api/auth/me',
    ]) {
      const response = await admin.get(url);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    const csv = await admin.get('/api/audit/export?format=csv&table=customer');
    expect(csv.headers['cache-control']).toBe('no-store');
  });

  it('keeps line breaks and tabs in free text', async () => {
    // Line breaks and tabs in free text are fine.
    const note = await admin.post('/api/customers', {
      code: 'NL-1',
      name: 'ok',
      attributes: { memo: 'a\n\tb' },
    });
    expect(note.statusCode).toBe(201);
  });
});

describeEachStore('prototype names and tampered cursors over HTTP', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
  });
  afterAll(() => server.close());

  const PROTO_KEYS = [
    '__proto__',
    'constructor',
    'toString',
    'valueOf',
    'hasOwnProperty',
    '-__proto__',
    '-toString',
  ];

  it('refuses prototype names as sort keys on every sorted list', async () => {
    for (const list of ['customers', 'invoices', 'payments', 'credit-notes', 'collections/cases']) {
      for (const key of PROTO_KEYS) {
        const url = `/api/${list}?sort=${encodeURIComponent(key)}`;
        expectFieldError(await admin.get(url), 'sort', url);
      }
    }
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('refuses tampered task cursors as the case list does (one reader, readKeysetCursor)', async () => {
    const cursors = [
      '!!!not-base64!!!',
      'eyJ',
      b64([1]),
      b64(['2026-01-01', 'x']),
      b64(['2026-01-01', 1.5]),
      b64(['2026-01-01', 0]),
      b64(['2026-01-01', -7]),
      b64(['2026-02-30', 1]),
      b64([20260101, 1]),
      b64([null, 1]),
      b64(['2026-01-01', 1e30]),
    ];
    for (const cursor of cursors) {
      const url = `/api/collections/tasks?status=all&cursor=${encodeURIComponent(cursor)}`;
      expectFieldError(await admin.get(url), 'cursor', url);
    }
    // What the list itself makes is still read.
    const good = await admin.get(`/api/collections/tasks?status=all&cursor=${b64(['2026-01-01', 1])}`);
    expect(good.statusCode).toBe(200);
  });

  it('refuses tampered case cursors', async () => {
    const cursors = [
      '!!!not-base64!!!',
      'eyJ', // a cut-off JSON object
      b64({ a: 1 }),
      b64([1]),
      b64([{ x: 1 }, 1]),
      b64([[1, 2], 1]),
      b64(['2026-01-01', 'x']),
      b64(['2026-01-01', 1.5]),
      b64(['not a date', 1]),
      b64([null, 1]),
      b64([true, 1]),
      b64(['2026-01-01', 1e30]),
    ];
    for (const sort of ['nextActionOn', 'amount', '-daysPastDue', 'openedOn', 'id']) {
      for (const cursor of cursors) {
        const url = `/api/collections/cases?sort=${sort}&cursor=${encodeURIComponent(cursor)}`;
        expectFieldError(await admin.get(url), 'cursor', url);
      }
    }
  });
});

describeEachStore('audit date filters', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
    await admin.post('/api/customers', { code: 'AUD-1', name: '审计客户' });
  });
  afterAll(() => server.close());

  it('filters by a date or a timestamp on both ends', async () => {
    // The business day (Asia/Shanghai) may already be tomorrow in UTC.
    const tomorrow = addDays(new Date().toISOString().slice(0, 10), 1);
    for (const query of [
      `from=2026-01-01`,
      `to=2999-12-31`,
      `from=2000-01-01&to=${tomorrow}`,
      'from=2020-01-01T08:00:00Z',
    ]) {
      const response = await admin.get(`/api/audit?table=customer&${query}`);
      expect(response.statusCode, query).toBe(200);
      expect(response.json().items.length, query).toBeGreaterThan(0);
    }
    const none = await admin.get('/api/audit?table=customer&to=2000-01-01');
    expect(none.json().items).toEqual([]);
  });

  it('refuses impossible dates and times, naming the field, before an export starts', async () => {
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['to=2026-13-01', 'to'],
      ['from=2026-01-01T25:00:00Z', 'from'],
      ['to=2026-02-29T10:00', 'to'],
    ]) {
      expectFieldError(await admin.get(`/api/audit?${query}`), field, query);
      expectFieldError(await admin.get(`/api/audit/export?format=csv&${query}`), field, `export ${query}`);
    }
    const csv = await admin.get('/api/audit/export?format=csv&table=customer&from=2026-01-01');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('AUD-1');
  });
});

describeEachStore('codes and names in headers', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;
  let entityId: number;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
    entityId = (await admin.post('/api/entities', { code: 'HDR', name: '表头', baseCurrency: 'CNY' })).json()
      .id;
  });
  afterAll(() => server.close());

  it('refuses control characters in codes and names on create and update', async () => {
    expectFieldError(
      await admin.post('/api/customers', { code: 'CR\r\nLF', name: 'x' }),
      'code',
      'CRLF code',
    );
    expectFieldError(await admin.post('/api/customers', { code: 'TAB\tX', name: 'x' }), 'code', 'tab code');
    expectFieldError(
      await admin.post('/api/customers', { code: 'ESC-1', name: 'red \u001b[31m name' }),
      'name',
      'escape in name',
    );
    const ok = await admin.post('/api/customers', { code: 'CTL-1', name: 'fine' });
    expect(ok.statusCode).toBe(201);
    expectFieldError(await admin.patch(`/api/customers/${ok.json().id}`, { name: 'a\nb' }), 'name', 'update');
    expectFieldError(
      await admin.post('/api/entities', { code: 'E\r1', name: 'x', baseCurrency: 'CNY' }),
      'code',
      'entity',
    );
  });

  it('names an export after a code with quotes, semicolons and Chinese, encoded per RFC 6266 / 5987', async () => {
    const code = '华-1"; filename=evil.exe';
    const created = await admin.post('/api/customers', { code, name: '表头客户' });
    expect(created.statusCode).toBe(201);
    const csv = await admin.get(
      `/api/reports/statement?customerId=${created.json().id}&entityId=${entityId}&from=2026-01-01&to=2026-01-31&format=csv`,
    );
    expect(csv.statusCode).toBe(200);
    const disposition = String(csv.headers['content-disposition']);
    expect(disposition).toBe(
      `attachment; filename="statement-_-1__ filename=evil.exe-2026-01-31.csv"; filename*=UTF-8''statement-%E5%8D%8E-1%22%3B%20filename%3Devil.exe-2026-01-31.csv`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe(`statement-${code}-2026-01-31.csv`);
  });
});

describeEachStore('customer codes are normalised', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
  });
  afterAll(() => server.close());

  it('stores codes in NFKC without invisible characters, so a look-alike is the same code', async () => {
    const created = await admin.post('/api/customers', { code: '\ufeffＦＷ\u200b-1\u200d', name: '全角' });
    expect(created.statusCode).toBe(201);
    expect(created.json().code).toBe('FW-1');
    const again = await admin.post('/api/customers', { code: 'FW\u200b-1', name: '零宽' });
    expect(again.statusCode).toBe(409);
    const list = await admin.get(`/api/customers?q=${encodeURIComponent('ＦＷ-1')}`);
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(['FW-1']);
  });

  it('refuses a code that only differs from a stored one after normalisation', async () => {
    // A code stored before codes were normalised (or by another tool).
    await store().db.insertInto('customer').values({ code: 'LG\u200b-1', name: '旧数据' }).execute();
    const created = await admin.post('/api/customers', { code: 'LG-1', name: '新' });
    expectFieldError(created, 'code', 'look-alike of a stored code');
    const other = (await admin.post('/api/customers', { code: 'LG-2', name: '另一个' })).json();
    expectFieldError(await admin.patch(`/api/customers/${other.id}`, { code: 'ＬＧ-1' }), 'code', 'update');
  });
});

describeEachStore('customer groups without loops', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
  });
  afterAll(() => server.close());

  it('refuses a parent that would close a loop (C1 → C2 → C1, and longer)', async () => {
    const c1 = (await admin.post('/api/customers', { code: 'LOOP-1', name: '一' })).json().id;
    const c2 = (await admin.post('/api/customers', { code: 'LOOP-2', name: '二', parentId: c1 })).json().id;
    const c3 = (await admin.post('/api/customers', { code: 'LOOP-3', name: '三', parentId: c2 })).json().id;
    expectFieldError(await admin.patch(`/api/customers/${c1}`, { parentId: c2 }), 'parentId', 'two');
    expectFieldError(await admin.patch(`/api/customers/${c1}`, { parentId: c3 }), 'parentId', 'three');
    expectFieldError(await admin.patch(`/api/customers/${c1}`, { parentId: c1 }), 'parentId', 'self');
    const moved = await admin.patch(`/api/customers/${c3}`, { parentId: c1 });
    expect(moved.statusCode).toBe(200);
  });
});
