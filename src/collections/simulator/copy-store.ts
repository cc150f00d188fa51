// The simulator's private copies (snapshot.ts says what is copied): a PGlite database of its own, migrated
// like any store, loaded with the snapshot, where the real engine then runs day by day. This works the same
// whether the real store is PGlite or PostgreSQL, and dropping a copy is deleting a temporary directory.
//
// Creating a PGlite database (initdb) takes seconds, so copies are made by copying directories: a migrated
// empty template (cached in the temp directory per set of migrations), a base loaded with the snapshot,
// and one copy of the base per simulated strategy.
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, readMigrations } from '../../platform/db/migrate';
import { openStore, type Store } from '../../platform/db/store';
import type { CopiedTable } from './copied-table';
import type { LedgerSnapshot } from './snapshot';

function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

const scratchRoot = () => (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

/** A migrated, empty PGlite directory for the current migrations, built once and reused. */
async function templateDir(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of readMigrations()) hash.update(file.checksum);
  const dir = join(scratchRoot(), `huikuan-sim-template-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(dir)) return dir;
  const building = `${dir}.${randomBytes(4).toString('hex')}`;
  const store = await openStore({ dataDir: building });
  await migrate(store);
  await store.close();
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true }); // another process built it first
  }
  // Templates of earlier migration sets are dead weight (in /dev/shm, memory): drop them.
  for (const name of readdirSync(scratchRoot())) {
    if (/^huikuan-sim-template-[0-9a-f]{16}$/.test(name) && join(scratchRoot(), name) !== dir) {
      rmSync(join(scratchRoot(), name), { recursive: true, force: true });
    }
  }
  return dir;
}

export interface SimulationCopies {
  /** A fresh copy of the loaded snapshot; closing it deletes it. */
  open(): Promise<Store>;
  dispose(): void;
}

/** Loads the snapshot once into a base copy; each `open()` then copies the base (ids kept). */
export async function prepareCopies(snapshot: LedgerSnapshot): Promise<SimulationCopies> {
  const base = mkdtempSync(join(scratchRoot(), 'huikuan-sim-'));
  rmSync(base, { recursive: true, force: true });
  cpSync(await templateDir(), base, { recursive: true });
  const store = await openStore({ dataDir: base });
  try {
    await loadSnapshot(store, snapshot);
  } finally {
    await store.close();
  }
  const made: string[] = [];
  return {
    async open() {
      const dir = `${base}-${made.length + 1}`;
      cpSync(base, dir, { recursive: true });
      made.push(dir);
      const copy = await openStore({ dataDir: dir });
      return {
        ...copy,
        async close() {
          await copy.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    dispose() {
      for (const dir of [base, ...made]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function loadSnapshot(store: Store, snapshot: LedgerSnapshot): Promise<void> {
  await store.withConnection(async ({ raw }) => {
    await raw.exec('begin');
    const tables = Object.entries(snapshot.tables) as Array<[string, CopiedTable<Record<string, unknown>>]>;
    for (const [name, { columns, rows: data }] of tables) {
      if (data.length === 0) continue;
      const lines = data.map((row) => `${columns.map((c) => copyValue(row[c])).join('\t')}\n`);
      await raw.copyFrom(`copy ${name} (${columns.join(', ')}) from stdin`, [lines.join('')]);
    }
    for (const name of [
      'entity',
      'app_user',
      'customer',
      'contact',
      'invoice',
      'strategy',
      'strategy_rule',
      'collection_case',
      'step_firing',
      'promise',
      'payment_plan',
    ]) {
      await raw.query(
        `select setval(pg_get_serial_sequence('${name}', 'id'), greatest((select max(id) from ${name}), 1))`,
      );
    }
    // The copy starts with no pending change marks: the simulation runs full cycles.
    await raw.exec('delete from collection_dirty; delete from job; commit');
  });
}
