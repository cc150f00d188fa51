// Starts the server for `npm start` and `huikuan serve`: migrate, optionally seed the demo, listen.
import { openApp } from './app';
import { loadConfig } from './config';
import { buildServer } from './http/server';
import { onStartHooks } from './start-hooks';

export async function startServer(options: { demoIfEmpty: boolean }): Promise<void> {
  const config = loadConfig();
  const app = await openApp(config);
  for (const hook of onStartHooks) await hook(app, options);
  const server = await buildServer(app);
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    await server.close();
    await app.store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await server.listen({ port: config.port, host: config.host });
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${(server.server.address() as { port: number }).port}`;
  const store = app.store.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(
    `\nhuikuan is running on ${store}\n  web app:  ${base}/\n  API docs: ${base}/docs\n\n`,
  );
}
