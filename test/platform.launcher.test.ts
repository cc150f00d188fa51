// `npx huikuan …` runs bin/huikuan.js. Killing it, even with SIGKILL, must end the command: no node child
// may run on (and, say, commit an import after the operator stopped it).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, liveHolder } from '../src/platform/db/data-dir-lock';

async function until(check: () => boolean, what: string, ms = 240_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('bin/huikuan.js', { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-launcher-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leaves no process of the command behind when it is killed with SIGKILL', async () => {
    // `worker` runs until stopped; while it runs it holds the data folder's lock, naming its process.
    const launcher = spawn(process.execPath, ['bin/huikuan.js', 'worker', '--poll', '100'], {
      env: { ...process.env, HUIKUAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => launcher.once('exit', resolve));
    await until(() => liveHolder(dataDir) !== null, 'the worker to open the store');
    const worker = liveHolder(dataDir)?.pid;
    launcher.kill('SIGKILL');
    await exited;
    // Whatever process ran the command is gone with the launcher: nobody holds the folder any more.
    await until(() => liveHolder(dataDir) === null, 'the command to end', 5_000).catch(() => {
      if (worker && worker !== launcher.pid) process.kill(worker, 'SIGKILL'); // do not leave it running
    });
    expect(liveHolder(dataDir), `process ${worker} still runs the command`).toBeNull();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true); // stale, taken over by the next opening
  });
});
