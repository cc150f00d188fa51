// Starts the server for `npm start` and `huikuan serve`: migrate, optionally seed the demo, listen.
// On PGlite the server holds its data folder alone (src/platform/db/data-dir-lock.ts); `huikuan` commands
// run meanwhile are sent to it through a local credential (src/cli/local-server.ts).
import { randomBytes } from 'node:crypto';
import { localCliRoutes, writeLocalToken } from '../cli/local-server';
import { openApp } from './app';
import { loadConfig } from './config';
import { buildServer } from './http/server';
import { onStartHooks } from './start-hooks';

export async function startServer(options: { demoIfEmpty: boolean }): Promise<void> {
  const config = loadConfig();
  const app = await openApp(config, { role: 'server' });
  const lock = app.store.dataDirLock;
  for (const hook of onStartHooks) await hook(app, options);
  const server = await buildServer(app);
  const localToken = lock ? randomBytes(32).toString('base64url') : null;
  if (localToken) await server.register(localCliRoutes, { token: localToken });
  let removeToken = () => {};
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    removeToken();
    await server.close();
    await app.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await server.listen({ port: config.port, host: config.host });
  const port = (server.server.address() as { port: number }).port;
  if (lock && localToken) {
    removeToken = writeLocalToken(config.dataDir, localToken);
    lock.update({ port, host: config.host });
  }
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const store = app.store.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    `\nhuikuan is running on ${store}\n  web app:  ${base}/\n  API docs: ${base}/docs\n\n`,
  );
}
