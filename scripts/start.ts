// `npm start`: build the web app when its build is missing or older than its sources, then serve the API
// and the app on the embedded store, loading the demo data set when the store is empty.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { reportCliError } from '../src/cli/context';
import { loadConfig } from '../src/platform/config';
import { dataDirLockedError, liveHolder } from '../src/platform/db/data-dir-lock';
import { startServer } from '../src/platform/serve';

// A server (or command) already on the PGlite folder: say so now, before building anything.
const config = loadConfig();
const holder = config.databaseUrl ? null : liveHolder(config.dataDir);
if (holder) {
  process.exitCode = reportCliError(dataDirLockedError(config.dataDir, holder));
  process.exit();
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = 'web/dist/index.html';
const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs < Math.max(newestMtime('web/src'), statSync('web/index.html').mtimeMs);
if (stale) {
  process.stdout.write('building the web app…\n');
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
await startServer({ demoIfEmpty: true }).catch((error) => {
  process.exitCode = reportCliError(error); // e.g. the data folder is in use by another server
});
