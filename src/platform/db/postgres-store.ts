import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { parseInt8, type QueryResult, type RawConnection } from './connection';
import type { Database } from './schema';
import type { Store } from './store';

const DATE_OID = 1082;
const INT8_OID = 20;
/** How often the server looks for a client that went away mid-statement (see openPostgresStore). */
const DEAD_CLIENT_CHECK = '5s';

// Per-pool type parsers (not the global pg.types) so nothing else in the process is affected.
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (text: string) => text;
    if (oid === INT8_OID) return parseInt8;
    return pg.types.getTypeParser(oid as never, format as 'text');
  },
};

class PostgresConnection implements RawConnection {
  constructor(private readonly client: pg.PoolClient) {}

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    const result = await this.client.query(sql, params as unknown[]);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async copyFrom(copySql: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
    const stream = this.client.query(copyFromStream(copySql));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    try {
      for await (const chunk of chunks) {
        if (!stream.write(chunk)) {
          await new Promise<void>((resolve, reject) => {
            stream.once('drain', resolve);
            stream.once('error', reject);
          });
        }
      }
      stream.end();
    } catch (error) {
      // Aborts the COPY; the server answers with an error of its own, which is awaited (the connection is then
      // ready for the rollback) and dropped: the caller wants the reason the rows stopped.
      stream.destroy(error as Error);
      await finished.catch(() => {});
      throw error;
    }
    await finished;
    return Number(stream.rowCount ?? 0);
  }
}

/** A pg.Pool look-alike that always hands out the one client it was given (for Kysely on a pinned client). */
function singleClientPool(client: pg.PoolClient) {
  return {
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  };
}

export async function openPostgresStore(connectionString: string, maxConnections = 10): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types: typeParsers });
  // A connection the server ends (restart, administrator terminate, database dropped) is reported as an
  // 'error' event on its client, and on the pool while it is idle; unhandled, such an event crashes the
  // process. A query running on it fails by itself, and the pool replaces the broken client, so these
  // listeners only keep the process alive.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    // A process that dies mid-statement (a killed import, a crashed worker) leaves its statement running
    // on the server, locks held, until the statement ends and finds no one to answer: two minutes for a
    // slow one, all the while holding what it had locked (an import locks the invoice table). The server
    // checks the socket every few seconds instead. PostgreSQL before 14 lacks the setting: then ignored.
    client.query(`set client_connection_check_interval = '${DEAD_CLIENT_CHECK}'`).catch(() => {});
  });
  // Fail fast on a wrong URL rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  return {
    kind: 'postgres',
    db,
    async withConnection(fn) {
      const client = await pool.connect();
      try {
        const bound = new Kysely<Database>({
          dialect: new PostgresDialect({ pool: singleClientPool(client) as never }),
        });
        return await fn({ raw: new PostgresConnection(client), db: bound });
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
