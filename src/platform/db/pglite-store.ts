import { PGlite, type Results, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import { Mutex, parseInt8, type QueryResult, type RawConnection } from './connection';
import type { DataDirLock } from './data-dir-lock';
import type { Database } from './schema';
import type { Store } from './store';

// Keep DATE as text and int8 as exact numbers, matching the PostgreSQL driver's configuration.
const parsers = {
  [types.INT8]: parseInt8,
  [types.DATE]: (text: string) => text,
};

/**
 * What node-postgres reports from the statement's command tag (`SELECT 2`, `UPDATE 3`, `BEGIN`): PGlite's
 * results carry the same `command` and `rowCount` (untyped), whereas its `affectedRows` counts only writes
 * and is 0 for a SELECT. A tag without a count (BEGIN, SHOW) has no rowCount, as in pg.
 * (test/platform.row-counts.test.ts fails should a PGlite version drop them.)
 */
function commandTag(result: Results<unknown>): { command: string; rowCount: number | null } {
  const tagged = result as Results<unknown> & { command?: string; rowCount?: number };
  return { command: tagged.command ?? '', rowCount: tagged.rowCount ?? null };
}

class PgliteConnection implements RawConnection {
  constructor(private readonly pg: PGlite) {}

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const result = await this.pg.query<R>(sql, params as unknown[]);
    return { rows: result.rows, rowCount: commandTag(result).rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.pg.exec(sql);
  }

  // PGlite reads COPY ... FROM '/dev/blob' from an in-memory blob; we send the stream in bounded pieces so
  // memory stays flat on big files.
  async copyFrom(copySql: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    const blobSql = copySql.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
    let pending: string[] = [];
    let pendingBytes = 0;
    let copied = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const result = await this.pg.query(blobSql, [], { blob: new Blob(pending) });
      copied += result.affectedRows ?? 0;
      pending = [];
      pendingBytes = 0;
    };
    for await (const chunk of chunks) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= 8 * 1024 * 1024) await flush();
    }
    await flush();
    return copied;
  }
}

/** Adapts the single PGlite backend to the pg.Pool shape that Kysely's PostgresDialect expects. */
function pglitePool(pg: PGlite, mutex: Mutex | null) {
  const client = {
    query: async (sql: string, params: unknown[]) => {
      const result = await pg.query(sql, params);
      return { rows: result.rows, ...commandTag(result) };
    },
    release: () => {},
  };
  return {
    connect: async () => {
      if (!mutex) return client;
      const release = await mutex.acquire();
      return { ...client, release };
    },
    end: async () => {},
  };
}

export async function openPgliteStore(dataDir: string | undefined, lock?: DataDirLock): Promise<Store> {
  const pg = await PGlite.create({
    dataDir, // undefined = in memory
    extensions: { pg_trgm },
    parsers,
    relaxedDurability: false,
  });
  const mutex = new Mutex();
  const raw = new PgliteConnection(pg);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pg, mutex) as never }) });

  return {
    kind: 'pglite',
    db,
    async withConnection(fn) {
      const release = await mutex.acquire();
      try {
        const bound = new Kysely<Database>({
          dialect: new PostgresDialect({ pool: pglitePool(pg, null) as never }),
        });
        return await fn({ raw, db: bound });
      } finally {
        release();
      }
    },
    dataDirLock: lock,
    async close() {
      try {
        await db.destroy();
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}
