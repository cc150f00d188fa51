// The running application's shared parts: configuration, store and logger. Created once by `serve`, the
// CLI and tests, and handed to routes, commands and jobs.
import { type Config, loadConfig } from './config';
import { migrate } from './db/migrate';
import { openStore, type Store } from './db/store';
import { createLogger, type Logger } from './logger';

export interface AppContext {
  config: Config;
  store: Store;
  logger: Logger;
}

export async function openApp(
  config: Config = loadConfig(),
  options: {
    migrate?: boolean /** PGlite: what this process is, for the data folder's lock. */;
    role?: string;
  } = {},
): Promise<AppContext> {
  const logger = createLogger(config.logLevel);
  if (options.migrate !== false && config.migrateDatabaseUrl) {
    // The owner applies the migrations over a connection of its own; the application never holds it.
    const owner = await openStore({ databaseUrl: config.migrateDatabaseUrl, maxConnections: 1 });
    try {
      const outcome = await migrate(owner);
      if (outcome.applied.length > 0) logger.info({ applied: outcome.applied }, 'migrations applied');
    } finally {
      await owner.close();
    }
  }
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    lockRole: options.role,
  });
  if (options.migrate !== false && !config.migrateDatabaseUrl) {
    const outcome = await migrate(store);
    if (outcome.applied.length > 0) logger.info({ applied: outcome.applied }, 'migrations applied');
  }
  return { config, store, logger };
}
