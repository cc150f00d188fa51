// One process at a time on a PGlite data folder: a second opening is refused naming the holder, a lock left
// by a process that is gone is taken over, and closing the store frees the folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, LOCK_FILE, liveHolder } from '../src/platform/db/data-dir-lock';
import { openStore } from '../src/platform/db/store';
import type { AppError } from '../src/platform/errors';

describe('the PGlite data folder lock', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'huikuan-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opening of the folder while the first is open, and frees it on close', async () => {
    const dataDir = fresh();
    const first = await openStore({ dataDir });
    try {
      await expect(openStore({ dataDir })).rejects.toMatchObject({
        code: 'DATA_DIR_LOCKED',
        message: expect.stringContaining(`is in use by another huikuan process (pid ${process.pid}`),
      });
      expect(liveHolder(dataDir)?.pid).toBe(process.pid);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const again = await openStore({ dataDir });
    await again.close();
  });

  it('takes over a lock whose process is gone', () => {
    const dataDir = fresh();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const deadPid = Number(gone.stdout.toString());
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: deadPid, hostname: hostname(), role: 'server', command: 'serve', port: 1 }),
    );
    expect(liveHolder(dataDir)).toBeNull();
    const lock = acquireDataDirLock(dataDir);
    expect(liveHolder(dataDir)).toMatchObject({ pid: process.pid, role: 'cli' });
    lock.release();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('names a live server holding the folder, in English and Chinese', () => {
    const dataDir = fresh();
    writeFileSync(
      join(dataDir, LOCK_FILE),
      JSON.stringify({
        pid: process.ppid,
        hostname: hostname(),
        role: 'server',
        command: 'serve',
        port: 3000,
      }),
    );
    let refused: AppError | undefined;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      refused = error as AppError;
    }
    expect(refused).toMatchObject({ code: 'DATA_DIR_LOCKED', messageCode: 'dataDirLocked' });
    expect(refused?.message).toContain(`is in use by a huikuan server (pid ${process.ppid}, port 3000)`);
    expect(refused?.message).toContain('try again when it has finished');
    expect(refused?.localized('zh-CN')).toContain(
      `正被huikuan 服务器（进程 ${process.ppid}，端口 3000）使用`,
    );
    expect(refused?.localized('zh-CN')).toContain('请在它结束后重试');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
  });
});
