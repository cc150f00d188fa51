import type { Kysely, Transaction } from 'kysely';
import type { RawConnection } from './connection';
import type { DataDirLock } from './data-dir-lock';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface PinnedConnection {
  raw: RawConnection;
  /** A Kysely bound to the same connection as `raw`, so both see one transaction. */
  db: Db;
}

/** The database the application runs on: embedded PGlite or PostgreSQL, one SQL dialect. */
export interface Store {
  kind: 'pglite' | 'postgres';
  /** Pooled access for ordinary queries and `db.transaction()`. */
  db: Db;
  /**
   * Pins one connection for work that mixes COPY with queries in one transaction (imports, demo data).
   * On PGlite this holds the only connection: do not use `store.db` inside the callback.
   */
  withConnection<T>(fn: (conn: PinnedConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite on a folder: this process's exclusive lock on it, released by `close()`. */
  dataDirLock?: DataDirLock;
}

/** Runs fn inside BEGIN/COMMIT on a pinned connection, rolling back on any error. */
export async function inPinnedTransaction<T>(
  store: Store,
  fn: (conn: PinnedConnection) => Promise<T>,
): Promise<T> {
  return store.withConnection(async (conn) => {
    await conn.raw.exec('begin');
    try {
      const result = await fn(conn);
      await conn.raw.exec('commit');
      return result;
    } catch (error) {
      await conn.raw.exec('rollback');
      throw error;
    }
  });
}

export interface StoreOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** PGlite only: keep everything in memory (tests). */
  inMemory?: boolean;
  maxConnections?: number;
  /** PGlite on a folder: what this process is, written into the folder's lock ('server', 'cli', ...). */
  lockRole?: string;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    const { openPostgresStore } = await import('./postgres-store');
    return openPostgresStore(options.databaseUrl, options.maxConnections);
  }
  const { openPgliteStore } = await import('./pglite-store');
  if (options.inMemory || !options.dataDir) return openPgliteStore(undefined);
  // One process per folder: a second PGlite on it would silently lose one side's writes.
  const { acquireDataDirLock } = await import('./data-dir-lock');
  const lock = acquireDataDirLock(options.dataDir, options.lockRole);
  try {
    return await openPgliteStore(options.dataDir, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}
