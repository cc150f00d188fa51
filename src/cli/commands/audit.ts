// `huikuan audit verify | export | search`: check the hash chain, take a copy, look things up.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { AuditFilter } from '../../auth/audit-queries';
import { cliActor } from '../../auth/cli-support';
import { exportAudit } from '../../auth/export-audit';
import { searchAudit } from '../../auth/search-audit';
import { auditHead, verifyAudit } from '../../auth/verify-audit';
import { verifyLoadedRow } from '../../auth/verify-row';
import { invalid, msg } from '../../platform/errors';
import { printJson, withApp } from '../context';

interface FilterOptions {
  from?: string;
  to?: string;
  table?: string;
  op?: string;
  actor?: string;
  rowId?: string;
  q?: string;
}

function withFilters(command: Command): Command {
  return command
    .option('--from <when>', 'from this date (YYYY-MM-DD) or time (ISO)')
    .option('--to <when>', 'up to this date (inclusive) or time (exclusive)')
    .option('--table <name>', 'only this table, e.g. invoice')
    .option('--op <op>', 'only this operation: INSERT, UPDATE, DELETE, LOGIN, …')
    .option('--actor <name>', 'actor name contains')
    .option('--row-id <id>', 'the changed row’s id')
    .option('--q <text>', 'text in the before or after values');
}

const filterOf = (o: FilterOptions): AuditFilter => ({
  from: o.from,
  to: o.to,
  table: o.table,
  op: o.op,
  actor: o.actor,
  rowId: o.rowId,
  q: o.q,
});

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log');

  audit
    .command('verify')
    .description('recompute the hash chain; exit code 4 and the first broken entry if anything was altered')
    .option(
      '--head <hash>',
      'a head hash recorded earlier (`audit head`): fail unless the chain still leads to it',
    )
    .option('--json', 'print JSON')
    .action(async (options) => {
      await withApp(async (app) => {
        const report = await verifyAudit(app.store.db, cliActor(), 5000, options.head?.trim().toLowerCase());
        if (options.json) printJson(report);
        else if (report.ok) {
          process.stdout.write(
            `audit log OK: ${report.checked} entries, newest #${report.lastId} ${report.lastHash}\n` +
              (report.recordedHead ? `recorded head found at entry #${report.recordedHead.foundAt}\n` : ''),
          );
        } else {
          process.stdout.write(
            `audit log BROKEN at entry #${report.firstBroken?.id}: ${report.firstBroken?.reason}\n` +
              `(${report.checked} entries before it are intact; chain head #${report.headId})\n`,
          );
        }
        if (!report.ok) process.exitCode = 4;
      });
    });

  audit
    .command('verify-row <table> <id>')
    .description(
      'prove that a bulk-loaded row (e.g. invoice 42) is the row its batch entry recorded; exit code 4 if it was altered',
    )
    .option('--json', 'print JSON')
    .action(async (table: string, id: string, options) => {
      await withApp(async (app) => {
        const proof = await verifyLoadedRow(app.store.db, cliActor(), table, Number(id));
        if (options.json) printJson(proof);
        else process.stdout.write(`${proof.status}: ${proof.reason}\n`);
        if (proof.status === 'changed') process.exitCode = 4;
      });
    });

  audit
    .command('head')
    .description('print the chain head (entries, hash, date) to record outside the database')
    .option('--json', 'print JSON')
    .action(async (options) => {
      await withApp(async (app) => {
        const head = await auditHead(app.store.db, cliActor());
        if (options.json) printJson(head);
        else
          process.stdout.write(
            `audit head: ${head.entries} entries, hash ${head.hash}, newest entry ${head.newestAt ?? '—'}, read ${head.readAt}\n` +
              'Keep this line outside the database; later `huikuan audit verify --head <hash>` proves the chain was not rewritten.\n',
          );
      });
    });

  withFilters(
    audit
      .command('export')
      .description('export entries oldest first as CSV or JSON, to a file or standard output')
      .option('--format <format>', 'csv or json', 'csv')
      .option('--out <file>', 'write to this file instead of standard output'),
  ).action(async (options: FilterOptions & { format: string; out?: string }) => {
    if (options.format !== 'csv' && options.format !== 'json')
      throw invalid(msg('optionOneOf', { option: 'format', allowed: 'csv, json' }));
    const format = options.format;
    await withApp(async (app) => {
      const chunks = await exportAudit(app.store.db, cliActor(), {
        ...filterOf(options),
        format,
        timeZone: app.config.timeZone,
      });
      const target = options.out ? createWriteStream(options.out) : process.stdout;
      await pipeline(Readable.from(chunks), target, { end: Boolean(options.out) });
    });
  });

  withFilters(
    audit
      .command('search')
      .description('show matching entries, newest first')
      .option('--limit <n>', 'how many', '50')
      .option('--json', 'print JSON'),
  ).action(async (options: FilterOptions & { limit: string; json?: boolean }) => {
    await withApp(async (app) => {
      const page = await searchAudit(app.store.db, cliActor(), {
        ...filterOf(options),
        limit: Number(options.limit),
        timeZone: app.config.timeZone,
      });
      if (options.json) return printJson(page.items);
      for (const e of page.items) {
        const change =
          e.rowCount > 1
            ? `${e.rowCount} rows digest ${e.rowsDigest?.slice(0, 12)}`
            : JSON.stringify(e.after ?? e.before ?? null);
        process.stdout.write(
          `#${e.id} ${e.at} ${e.actorName} ${e.op} ${e.table} ${JSON.stringify(e.rowKey ?? null)} ${change?.slice(0, 160)}\n`,
        );
      }
    });
  });
}
