// One process at a time on a PGlite data folder. PGlite is an embedded PostgreSQL that keeps its pages in
// the opening process's memory and writes them back on close: a second process on the same folder works on
// its own copy and one of the two silently loses its writes. So whoever opens the folder first writes
// `huikuan.lock` (pid, what it runs, the server's port once it listens) with an exclusive create; everyone
// else is refused with a clear message until that process ends. A lock whose process is gone (kill -9,
// power cut) is stale and taken over.
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError, type CodedMessage, msg } from '../errors';

export const LOCK_FILE = 'huikuan.lock';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** 'server' once a server listens on the folder; else what the process runs ('cli', 'worker', ...). */
  role: string;
  /** The command line, to tell the person what holds the folder. */
  command: string;
  startedAt: string;
  /** The server's port (role 'server'). */
  port?: number;
  host?: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Rewrites the lock with more about its holder (the server's port once it listens). */
  update(changes: Partial<LockHolder>): void;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, another user's
  }
}

function readHolder(path: string): LockHolder | 'unreadable' | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder?.pid) ? holder : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** A lock is live when its process runs on this machine (another machine's lock cannot be checked: live). */
function isLive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  return alive(holder.pid);
}

/** Who holds the folder now, or null when nobody does (no lock, or a stale one). */
export function liveHolder(dataDir: string): LockHolder | null {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  if (holder === null || holder === 'unreadable') return null;
  return isLive(holder) ? holder : null;
}

/** Who holds the folder, as a message of the catalog (a parameter of `dataDirLocked`). */
export function describeHolder(holder: LockHolder): CodedMessage {
  if (holder.role === 'server') {
    return holder.port
      ? msg('lockHolderServer', { pid: holder.pid, port: holder.port })
      : msg('lockHolderServerStarting', { pid: holder.pid });
  }
  return msg('lockHolderProcess', { pid: holder.pid, command: holder.command || holder.role });
}

/** DATA_DIR_LOCKED: the folder, who holds it and what to do (`hint`, by default: wait, or delete the lock). */
export function dataDirLockedError(dataDir: string, holder: LockHolder, hint?: CodedMessage) {
  const lockPath = join(dataDir, LOCK_FILE);
  return new AppError(
    'DATA_DIR_LOCKED',
    msg('dataDirLocked', {
      dataDir,
      holder: describeHolder(holder),
      hint: hint ?? msg('lockHintWait', { lockPath }),
    }),
    { holder: { dataDir, pid: holder.pid, role: holder.role, port: holder.port ?? null } },
  );
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the folder for this process or throws DATA_DIR_LOCKED naming who holds it. The lock is removed by
 * `release()` and, as a last resort, when the process exits normally.
 */
export function acquireDataDirLock(dataDir: string, role = 'cli'): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    role,
    command: process.argv.slice(2).join(' ').slice(0, 200),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHolder(path);
    if (current === null) continue; // released meanwhile
    if (current === 'unreadable') {
      // Being written this very moment, or left half-written by a crash: give a writer a moment.
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (attempt < 20 && age < 2000) {
        sleepSync(50);
        continue;
      }
    } else if (isLive(current)) {
      throw dataDirLockedError(dataDir, current);
    }
    // Stale: move it aside under a name of our own (atomic, so two takers cannot both remove it) and retry.
    if (attempt > 20) throw dataDirLockedError(dataDir, current === 'unreadable' ? holder : current);
    // If another taker replaced it between our look and the move, we moved a live lock: put it back.
    const seen = JSON.stringify(current);
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readHolder(aside);
    if (JSON.stringify(moved) !== seen) {
      try {
        linkSync(aside, path);
      } catch {
        // a third process took the folder meanwhile; the next look names it
      }
    }
    unlinkSync(aside);
  }

  let released = false;
  const onExit = () => lock.release();
  const lock: DataDirLock = {
    path,
    holder,
    update(changes) {
      Object.assign(holder, changes);
      if (!released) writeFileSync(path, JSON.stringify(holder));
    },
    release() {
      if (released) return;
      released = true;
      process.removeListener('exit', onExit);
      const current = readHolder(path);
      if (current && current !== 'unreadable' && current.pid === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      }
    },
  };
  process.on('exit', onExit);
  return lock;
}
