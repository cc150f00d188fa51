// Versioned SQL migrations, one set for PGlite and PostgreSQL. Each file runs once, in its own
// transaction; an applied file whose content changed afterwards is refused, because the database would no
// longer match the code that describes it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, msg } from '../errors';
import type { RawConnection } from './connection';
import type { Store } from './store';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export interface MigrationOutcome {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Gives huikuan_app its rights on every table (0030_audit_app_role.sql) when the role running the migrations
 * may: so that a role an administrator created after that migration, or tables a later migration made as
 * another owner, are covered by the next run. The application role itself may not, and skips it.
 */
async function grantApplicationRole(raw: RawConnection): Promise<void> {
  const { rows } = await raw.query<{ allowed: boolean }>(
    `select coalesce(has_function_privilege(to_regprocedure('huikuan_app_grants()'), 'execute'), false) as allowed`,
  );
  if (rows[0].allowed) await raw.query('select huikuan_app_grants()');
}

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 4_841_020_511;

export async function migrate(store: Store, files = readMigrations()): Promise<MigrationOutcome> {
  return store.withConnection(async ({ raw }) => {
    // Created only when missing: the application role (huikuan_app) may not create tables, and CREATE
    // TABLE IF NOT EXISTS checks that right before it looks for the table.
    const { rows: existing } = await raw.query<{ found: boolean }>(
      `select to_regclass('schema_migration') is not null as found`,
    );
    if (!existing[0].found) {
      await raw.exec(`create table if not exists schema_migration (
        version text primary key,
        name text not null,
        checksum char(64) not null,
        applied_at timestamptz not null default now()
      )`);
    }
    // Two servers starting at once must not both apply the same file.
    await raw.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const { rows } = await raw.query<{ version: string; name: string; checksum: string }>(
        'select version, name, checksum from schema_migration order by version',
      );
      const applied = new Map(rows.map((row) => [row.version, row]));
      for (const file of files) {
        const done = applied.get(file.version);
        if (done && done.checksum !== file.checksum) {
          throw new AppError(
            'MIGRATION_CHANGED',
            msg('migrationChanged', {
              file: `${file.version}_${file.name}.sql`,
              applied: done.checksum.slice(0, 12),
              current: file.checksum.slice(0, 12),
            }),
          );
        }
      }
      const appliedNow: string[] = [];
      for (const file of files) {
        if (applied.has(file.version)) continue;
        await raw.exec('begin');
        try {
          await raw.exec(file.sql);
          await raw.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [
            file.version,
            file.name,
            file.checksum,
          ]);
          await raw.exec('commit');
        } catch (error) {
          await raw.exec('rollback');
          const denied = (error as { code?: string }).code === '42501';
          throw new AppError(
            'MIGRATION_FAILED',
            msg(denied ? 'migrationNeedsOwner' : 'migrationFailed', {
              file: `${file.version}_${file.name}.sql`,
              detail: (error as Error).message,
            }),
          );
        }
        appliedNow.push(`${file.version}_${file.name}`);
      }
      await grantApplicationRole(raw);
      return { applied: appliedNow, alreadyApplied: files.length - appliedNow.length };
    } finally {
      await raw.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}
