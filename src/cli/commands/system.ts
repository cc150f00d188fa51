import type { Command } from 'commander';
import { startServer } from '../../app/serve';
import { loadConfig } from '../../platform/config';
import { migrate } from '../../platform/db/migrate';
import { openStore } from '../../platform/db/store';
import { printJson } from '../context';

export function registerSystemCommands(program: Command): void {
  program
    .command('migrate')
    .description(
      'apply database migrations (PGlite in HUIKUAN_DATA_DIR, or HUIKUAN_MIGRATE_DATABASE_URL / DATABASE_URL)',
    )
    .action(async () => {
      const config = loadConfig();
      const store = await openStore({
        databaseUrl: config.migrateDatabaseUrl ?? config.databaseUrl,
        dataDir: config.dataDir,
      });
      try {
        printJson(await migrate(store));
      } finally {
        await store.close();
      }
    });

  program
    .command('serve')
    .description('run the API and web app')
    .option('--demo-if-empty', 'load the demo data set when the store has no customers')
    .action(async (options: { demoIfEmpty?: boolean }) => {
      await startServer({ demoIfEmpty: Boolean(options.demoIfEmpty) });
    });
}
