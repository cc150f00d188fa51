// The first start: request logs stay out of the way (debug, not info), and what the person starting the
// server must read (the demo's sign-ins) comes last, after the banner and after what the start hooks log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/app/serve';
import { buildServer } from '../src/app/server';
import type { AppContext } from '../src/platform/app';
import { loadConfig } from '../src/platform/config';
import { openStore } from '../src/platform/db/store';

/** A logger at `level` whose lines land in `lines`. */
function capturingLogger(level: string, lines: Record<string, unknown>[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return pino({ level }, sink);
}

describe('start-up output', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs requests at debug: nothing at the default info level, one line each at debug', {
    timeout: 120_000,
  }, async () => {
    // /api/health only asks the database for the time: an empty store, without migrations, will do.
    const store = await openStore({ inMemory: true });
    // Nor a deprecation warning at start (FSTDEP023: disableRequestLogging belongs to the log controller).
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      for (const [level, expected] of [
        ['info', 0],
        ['debug', 3],
      ] as const) {
        const lines: Record<string, unknown>[] = [];
        const app: AppContext = {
          config: { ...loadConfig({ NODE_ENV: 'test' }), logLevel: level },
          store,
          logger: capturingLogger(level, lines),
        };
        const server = await buildServer(app);
        for (let i = 0; i < 3; i++) await server.inject({ method: 'GET', url: '/api/health' });
        await server.close();
        const requests = lines.filter((line) => line.req || /request/.test(String(line.msg)));
        expect(requests, level).toHaveLength(expected);
        if (expected > 0) expect(requests[0]).toMatchObject({ level: 20, method: 'GET', statusCode: 200 });
      }
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings.filter((warning) => warning.name === 'FastifyDeprecation')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await store.close();
    }
  });

  it('prints the start hooks’ notices after the banner, last', { timeout: 120_000 }, async () => {
    const printed: string[] = [];
    const running = await startServer({
      demoIfEmpty: true,
      config: { ...loadConfig({ NODE_ENV: 'test' }), port: 0, dataDir },
      signals: false,
      print: (text) => printed.push(text),
      hooks: [
        async (_app, { notice }) => notice?.('FIRST NOTICE\n'),
        async (_app, { notice }) => {
          printed.push('a hook logs while it works\n');
          notice?.('SIGN-INS\n');
        },
        async () => {},
      ],
    });
    await running.close();
    const text = printed.join('');
    const banner = text.indexOf('huikuan is running');
    expect(banner).toBeGreaterThan(text.indexOf('a hook logs while it works'));
    expect(text.indexOf('FIRST NOTICE')).toBeGreaterThan(banner);
    expect(text.indexOf('SIGN-INS')).toBeGreaterThan(text.indexOf('FIRST NOTICE'));
    expect(text.trimEnd().endsWith('SIGN-INS')).toBe(true);
  });
});
