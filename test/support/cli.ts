// CLI tests run the commands in-process against a PGlite data directory of their own:
//   const dataDir = usePgliteDataDir('huikuan-payments-cli-', seedLedger);
//   const run = cliRunner(registerPaymentCommands, registerAllocationCommands);
//   expect(await run('payments', 'show', 'P-1')).toContain(...);
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, vi } from 'vitest';
import { linkFeatures } from '../../src/app/feature-links';
import { migrate } from '../../src/platform/db/migrate';
import { type Db, openStore } from '../../src/platform/db/store';

/**
 * For the enclosing describe: a fresh PGlite data directory (named `<prefix>…` in the temp folder), migrated
 * and filled by `seed` before its tests, set as HUIKUAN_DATA_DIR while they run, and removed afterwards.
 * Returns the directory's path.
 */
export function usePgliteDataDir(prefix: string, seed?: (db: Db) => Promise<unknown>): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const previous = process.env.HUIKUAN_DATA_DIR;

  beforeAll(async () => {
    const store = await openStore({ dataDir });
    await migrate(store);
    if (seed) await seed(store.db);
    await store.close();
    process.env.HUIKUAN_DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env.HUIKUAN_DATA_DIR = previous;
    rmSync(dataDir, { recursive: true, force: true });
  });
  return dataDir;
}

/**
 * `run(...args)` parses `huikuan <args>` with the commands the `register` functions add to a fresh program
 * (errors thrown rather than exiting) and returns what they wrote to stdout.
 */
export function cliRunner(
  ...register: ((program: Command) => void)[]
): (...args: string[]) => Promise<string> {
  return async (...args) => {
    let output = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output += String(chunk);
      return true;
    });
    try {
      // Linked as the real program links them (cli/program.ts): approval kinds, late interest, import kinds.
      linkFeatures();
      const program = new Command().exitOverride();
      for (const add of register) add(program);
      await program.parseAsync(['node', 'huikuan', ...args]);
    } finally {
      spy.mockRestore();
    }
    return output;
  };
}
