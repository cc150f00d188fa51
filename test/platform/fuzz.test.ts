// A seeded fuzz run over the API's list, filter and create routes and the CLI's read commands: bad values of
// every kind (NUL and other control characters, huge strings, impossible dates, prototype names, deep JSON,
// tampered cursors, numbers out of range) must give a 4xx or a clear CLI error — never a 500, and never a
// stack trace in a body or on standard error. A failure names the seed, the route and the value to repeat it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCommands } from '../../src/cli/commands';
import { reportCliError } from '../../src/cli/context';
import { authTestServer } from '../auth/helpers';
import { seedLedger } from '../ledger/customers.fixtures';
import { cliRunner, usePgliteDataDir } from '../support/cli';
import { type ApiClient, apiClient } from '../support/http';
import { prng } from '../support/random';
import { describeEachStore } from '../support/stores';

const SEED = Number(process.env.FUZZ_SEED ?? 20261207);

/** Query encoding; a lone surrogate cannot be encoded, so it goes as the invalid UTF-8 bytes it would be. */
const enc = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Bad values for a text field, a query parameter or a CLI option. */
const BAD_TEXT = [
  'a\u0000b',
  '\u0000',
  'x\u001b[31mred\u001b[0m',
  'line\r\nbreak',
  '\u007f\u0085\u009b',
  '\ud800',
  'x'.repeat(100_000),
  '',
  ' ',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  '2026-01-01T25:61:00Z',
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '-__proto__',
  "' or '1'='1",
  '%_\\',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'NaN',
  '[]',
  '{}',
  '!!!not-base64!!!',
  b64({ a: 1 }),
  b64([{ x: 1 }, 1]),
  b64(['2026-01-01', 'x']),
  b64(['code', null, 1e30]),
  deepJson(5000),
];

/** Bad values for a JSON body field (everything above, and values of the wrong type). */
const BAD_JSON: unknown[] = [
  ...BAD_TEXT,
  null,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  1.5,
  true,
  [],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { admin: true } } },
  ['a\u0000'],
];

/** A stack trace or a source path in what a user sees. */
const STACK = /\n\s+at |node_modules|\/src\/[\w/-]+\.ts|\bTypeError\b|\bRangeError\b|\bReferenceError\b/;

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[];
        requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
};

// Routes that sign the fuzzer out, change its own rights, or start long jobs are left to their own tests.
const SKIP = /^\/api\/(auth|users|tokens)\b|engine|simulat|jobs|imports|\/run\b|verify|worker/;

describeEachStore('fuzz: the API', (store) => {
  let server: FastifyInstance;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await authTestServer(store());
    admin = await apiClient(server, 'admin');
    await admin.post('/api/entities', { code: 'FZ', name: '模糊测试', baseCurrency: 'CNY' });
    await admin.post('/api/customers', { code: 'FZ-1', name: '模糊客户' });
  });
  afterAll(() => server.close());

  it(`answers every bad value with a 4xx and no stack trace (seed ${SEED})`, {
    timeout: 600_000,
  }, async () => {
    await server.ready();
    const spec = server.swagger() as Spec;
    const random = prng(SEED);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    let requests = 0;
    const check = async (label: string, response: { statusCode: number; body: string }) => {
      requests++;
      expect(response.statusCode, label).toBeLessThan(500);
      expect(response.body, label).not.toMatch(STACK);
    };
    for (const [template, operations] of Object.entries(spec.paths)) {
      if (SKIP.test(template)) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const path = template.replace(/\{[^}]+\}/g, () => (random() < 0.7 ? '1' : enc(pick(BAD_TEXT))));
        const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        if (method === 'get') {
          for (const name of query) {
            for (let i = 0; i < 3; i++) {
              const value = pick(BAD_TEXT);
              const url = `${path}?${name}=${enc(value)}`;
              await check(`GET ${url.slice(0, 200)}`, await admin.get(url));
            }
          }
          // Several bad parameters at once.
          const all = query.map((name) => `${name}=${enc(pick(BAD_TEXT))}`).join('&');
          await check(`GET ${path}?${all.slice(0, 200)}`, await admin.get(`${path}?${all}`));
          continue;
        }
        if (method === 'delete') continue;
        const fields = Object.keys(
          operation.requestBody?.content?.['application/json']?.schema?.properties ?? {},
        );
        const send = (payload: string) =>
          admin.inject({
            method: method.toUpperCase() as 'POST',
            url: path,
            payload,
            headers: { 'content-type': 'application/json' },
          });
        for (const field of fields) {
          for (let i = 0; i < 3; i++) {
            const body = Object.fromEntries(
              fields.map((f) => [f, f === field ? pick(BAD_JSON) : pick(BAD_JSON)]),
            );
            await check(`${method} ${path} ${field}`, await send(JSON.stringify(body)));
          }
        }
        await check(`${method} ${path} deep`, await send(`{"x":${deepJson(100_000)}}`));
        await check(`${method} ${path} proto`, await send('{"__proto__":{"admin":true}}'));
        await check(`${method} ${path} not json`, await send('{"a":'));
      }
    }
    expect(requests).toBeGreaterThan(300);
  });
});

describe('fuzz: the CLI', () => {
  usePgliteDataDir('huikuan-fuzz-cli-', seedLedger);
  const run = cliRunner(registerCommands);

  // Read commands and a few writes that bad values must stop; options that write files are left out.
  const COMMANDS: [string[], string[]][] = [
    [
      ['customers', 'list'],
      ['--q', '--region', '--segment', '--sort', '--limit', '--cursor'],
    ],
    [['customers', 'show'], ['']],
    [
      ['invoices', 'list'],
      ['--customer', '--status', '--q', '--currency', '--sort', '--limit', '--cursor'],
    ],
    [
      ['payments', 'list'],
      ['--customer', '--status', '--limit'],
    ],
    [['payments', 'show'], ['']],
    [
      ['audit', 'search'],
      ['--from', '--to', '--table', '--op', '--actor', '--row-id', '--q', '--limit'],
    ],
    [
      ['report', 'aging'],
      ['--entity', '--customer', '--currency', '--as-of', '--by'],
    ],
    [
      ['report', 'statement'],
      ['--customer', '--from', '--to', '--entity'],
    ],
    [
      ['cases', 'list'],
      ['--status', '--due-by', '--customer', '--sort', '--cursor'],
    ],
    [['cases', 'show'], ['']],
    [['strategies', 'show'], ['']],
    [
      ['rates', 'list'],
      ['--from', '--to', '--date'],
    ],
    [
      ['payments', 'record'],
      ['--customer', '--reference', '--date', '--amount', '--currency'],
    ],
  ];

  it(`gives a clear error, not a stack trace, for every bad value (seed ${SEED})`, {
    timeout: 600_000,
  }, async () => {
    const random = prng(SEED + 1);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    // The CLI's own arguments never carry a NUL (the OS cannot pass one); everything else can be typed.
    const values = BAD_TEXT.filter((v) => !v.includes('\u0000') && v.length < 10_000);
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    let runs = 0;
    try {
      for (const [command, options] of COMMANDS) {
        for (const option of options) {
          // One value per option: each run opens the store (about 2 s), FUZZ_SEED varies the values.
          for (let i = 0; i < 1; i++) {
            const value = pick(values);
            const args = option === '' ? [...command, value] : [...command, option, value];
            if (command[1] === 'record')
              args.push('--customer', 'C001', '--date', '2026-03-01', '--amount', '1');
            const label = `huikuan ${args.map((a) => JSON.stringify(a.slice(0, 60))).join(' ')}`;
            stderr = '';
            const error = await run(...args).then(
              () => null,
              (e: unknown) => e,
            );
            runs++;
            if (error && (error as { code?: string }).code?.startsWith?.('commander.')) continue;
            if (error) expect(reportCliError(error, false), `${label}: ${String(error)}`).toBe(2);
            expect(stderr, label).not.toMatch(STACK);
          }
        }
      }
    } finally {
      spy.mockRestore();
    }
    expect(runs).toBeGreaterThan(40);
  });
});
