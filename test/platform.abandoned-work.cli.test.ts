// On PGlite the process that opens the data folder is its only user (the folder lock), so a 'running' import
// batch or engine run found then was left by a process that was killed: the CLI shows it failed, with why.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { registerCollectionsCommands } from '../src/cli/commands/engine';
import { registerImportCommands } from '../src/cli/commands/import';
import { cliRunner, usePgliteDataDir } from './support/cli';

describe('huikuan imports / engine runs after a killed import and engine run', { timeout: 240_000 }, () => {
  usePgliteDataDir('huikuan-abandoned-cli-', async (db) => {
    // What `kill -9` in the middle of an import and of an engine cycle leaves behind.
    await sql`insert into import_batch (kind, file_name, file_sha256, status, lease_until)
              values ('invoices', '应收.csv', ${'0'.repeat(64)}, 'running', now() + interval '2 minutes')`.execute(
      db,
    );
    await sql`insert into engine_run (kind, as_of, lease_until)
              values ('full', '2026-03-15', now() + interval '2 minutes')`.execute(db);
  });
  const run = cliRunner(registerImportCommands, registerCollectionsCommands);

  it('lists them as failed with the reason, not running', async () => {
    const batches = JSON.parse(await run('imports', '--json'));
    expect(batches).toEqual([
      expect.objectContaining({
        fileName: '应收.csv',
        status: 'failed',
        errors: [
          expect.objectContaining({
            reason: expect.stringMatching(/^abandoned: the process running it ended/),
          }),
        ],
      }),
    ]);
    const text = await run('engine', 'runs');
    expect(text).toMatch(/^#1 full +as of 2026-03-15 +failed /);
    expect(text).toContain('abandoned: the process running it ended before it finished');
    expect(text).toContain('已中断');
  });
});
