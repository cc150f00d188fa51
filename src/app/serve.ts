// Starts the server for `npm start` and `huikuan serve`: migrate, run the start hooks, listen, and print
// the hooks' notices (the demo's sign-ins) last, where the logs before them cannot scroll them away.
// On PGlite the server holds its data folder alone (src/platform/db/data-dir-lock.ts); `huikuan` commands
// run meanwhile are sent to it through a local credential (src/cli/local-server.ts).
import { randomBytes } from 'node:crypto';
import { localCliRoutes, writeLocalToken } from '../cli/local-server';
import { openApp } from '../platform/app';
import { type Config, loadConfig } from '../platform/config';
import type { StartHook } from '../platform/start-hooks';
import { buildServer } from './server';
import { onStartHooks } from './start-hooks';

export interface StartOptions {
  demoIfEmpty: boolean;
  config?: Config;
  hooks?: StartHook[];
  print?: (text: string) => void;
  /** Stop on SIGINT and SIGTERM (default); tests that start and close a server turn it off. */
  signals?: boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const config = options.config ?? loadConfig();
  const print = options.print ?? ((text: string) => process.stdout.write(text));
  const app = await openApp(config, { role: 'server' });
  const lock = app.store.dataDirLock;
  const notices: string[] = [];
  const notice = (text: string) => notices.push(text);
  for (const hook of options.hooks ?? onStartHooks)
    await hook(app, { demoIfEmpty: options.demoIfEmpty, notice });
  const server = await buildServer(app);
  const localToken = lock ? randomBytes(32).toString('base64url') : null;
  if (localToken) await server.register(localCliRoutes, { token: localToken });
  let removeToken = () => {};
  const close = async () => {
    removeToken();
    await server.close();
    await app.store.close();
  };
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    await close();
    process.exit(0);
  };
  if (options.signals !== false) {
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
  }
  await server.listen({ port: config.port, host: config.host });
  const port = (server.server.address() as { port: number }).port;
  if (lock && localToken) {
    removeToken = writeLocalToken(config.dataDir, localToken);
    lock.update({ port, host: config.host });
  }
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const store = app.store.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  print(
    `\nhuikuan is running on ${store}\n  web app:  ${base}/\n  API docs: ${base}/docs\n` +
      '  (each request is logged at LOG_LEVEL=debug)\n',
  );
  for (const text of notices) print(text);
  print('\n');
  return { url: base, close };
}
