// `huikuan import <kind> <file> [--mapping FILE] [--encoding NAME] [--dry-run] [--json]`: loads an ERP
// export through the same use case as POST /api/imports. Exit code 0 when loaded or validated, 3 when rejected.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { IMPORT_KINDS, isImportKind } from '../../ledger/import/fields';
import { importFile } from '../../ledger/import/import-file';
import { listImports } from '../../ledger/import/list-imports';
import { parseMapping, parseMappingJson } from '../../ledger/import/mapping';
import type { ImportReport } from '../../ledger/import/report';
import { delimiterName } from '../../ledger/import/sniff';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { printJson, withApp } from '../context';

const SHOWN_ERRORS = 50;
const PROGRESS_FROM_BYTES = 5 * 1024 * 1024;

/** How a/b/yyyy dates were read, when no mapping said: the user should know it was a guess. */
function datesLine(dates: ImportReport['source']['dateFormat']): string | null {
  if (!dates || dates.basis === 'mapping') return null;
  const hint = 'set "dateFormat" in the mapping if that is wrong';
  if (dates.basis === 'assumed' || !dates.evidence) {
    return `dates: read as ${dates.format} (month first), as no value in the first rows tells; ${hint}`;
  }
  const { line, field, value } = dates.evidence;
  return `dates: read as ${dates.format}, inferred from line ${line} ${field} "${value}"; ${hint}`;
}

function summary(report: ImportReport): string {
  const lines: string[] = [];
  const { source } = report;
  const how = [source.format, source.encoding, source.delimiter ? delimiterName(source.delimiter) : null]
    .filter(Boolean)
    .join(', ');
  lines.push(`${report.kind}  ${report.fileName}${how ? `  (${how})` : ''}  batch #${report.batchId}`);
  if (report.status === 'rejected') {
    lines.push(`rejected: ${report.errorCount} problem(s) in ${report.rowsTotal} row(s); nothing was loaded`);
    for (const e of report.errors.slice(0, SHOWN_ERRORS)) {
      const value = e.value === null ? '' : ` "${e.value}"`;
      lines.push(`  line ${e.line}${e.field ? `  ${e.field}` : ''}${value}: ${e.reason}`);
    }
    if (report.errorCount > SHOWN_ERRORS)
      lines.push(`  … ${report.errorCount - SHOWN_ERRORS} more (--json lists up to 1000)`);
    return lines.join('\n');
  }
  const counts = `${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`;
  lines.push(
    report.status === 'validated'
      ? `validated (dry run, nothing written): ${report.rowsTotal} row(s) would be ${counts}`
      : `${report.status}: ${report.rowsTotal} row(s) — ${counts}`,
  );
  const made = [
    report.created.entity ? `entity ${report.created.entity}` : null,
    report.created.customers ? `${report.created.customers} customer(s)` : null,
    report.created.staff ? `${report.created.staff} staff` : null,
    report.created.payments ? `${report.created.payments} settling payment(s)` : null,
    report.allocations.count ? `${report.allocations.count} allocation(s)` : null,
  ].filter(Boolean);
  if (made.length)
    lines.push(`${report.status === 'validated' ? 'would create' : 'created'}: ${made.join(', ')}`);
  for (const skip of report.skipped.slice(0, SHOWN_ERRORS)) {
    lines.push(`skipped line ${skip.line}: ${skip.reason}`);
  }
  for (const warning of report.warnings.slice(0, SHOWN_ERRORS)) {
    lines.push(
      `warning: line ${warning.line}${warning.field ? `  ${warning.field}` : ''}: ${warning.reason}`,
    );
  }
  const dates = datesLine(source.dateFormat);
  if (dates) lines.push(dates);
  if (source.ignoredColumns.length) lines.push(`ignored columns: ${source.ignoredColumns.join(', ')}`);
  return lines.join('\n');
}

export function registerImportCommands(program: Command): void {
  program
    .command('imports')
    .description('past import batches, newest first; a failed one with its reason (a killed import included)')
    .option('--limit <n>', 'at most this many', '20')
    .option('--json', 'print JSON')
    .action(async (options: { limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500)
        throw invalid(msg('optionBetween', { option: 'limit', min: 1, max: 500 }));
      await withApp(async (app) => {
        const page = await listImports(app.store.db, SYSTEM_ACTOR, { limit });
        if (options.json) return printJson(page.items);
        for (const b of page.items) {
          const reason = b.status === 'failed' && b.errors[0] ? `\n    ${b.errors[0].reason}` : '';
          process.stdout.write(
            `#${b.batchId} ${b.kind.padEnd(12)} ${b.status.padEnd(9)} ${b.startedAt}  ${b.fileName}  ` +
              `${b.rowsTotal} rows, ${b.inserted} inserted, ${b.updated} updated${reason}\n`,
          );
        }
      });
    });

  program
    .command('import <kind> <file>')
    .description(
      `import an ERP export (CSV in UTF-8/GBK, any delimiter, or XLSX); kinds: ${IMPORT_KINDS.join(', ')}`,
    )
    .option(
      '--mapping <file>',
      'JSON mapping: {"columns": {field: header}, "dateFormat": "M/D/YYYY", "defaults": {...}, "encoding": "gbk"}',
    )
    .option(
      '--encoding <name>',
      "the CSV's encoding when sniffing gets it wrong: utf-8, gbk, utf-16le, utf-16be",
    )
    .option('--dry-run', 'validate and count, write nothing')
    .option(
      '--create-customers',
      'invoices/history: create the customers the file names by code only (named by the code); a dry run says how many',
    )
    .option('--json', 'print the import report as JSON')
    .action(
      async (
        kind: string,
        file: string,
        options: {
          mapping?: string;
          encoding?: string;
          dryRun?: boolean;
          json?: boolean;
          createCustomers?: boolean;
        },
      ) => {
        if (!isImportKind(kind))
          throw invalid(msg('importKindNot', { allowed: IMPORT_KINDS.join(', '), kind }));
        let mappingText: string | undefined;
        if (options.mapping) {
          try {
            mappingText = readFileSync(options.mapping, 'utf8');
          } catch (error) {
            throw invalid(
              msg('mappingFileUnreadable', { file: options.mapping, detail: (error as Error).message }),
            );
          }
        }
        const mapping = parseMappingJson(kind, mappingText);
        if (options.encoding !== undefined) {
          mapping.encoding = parseMapping(kind, { encoding: options.encoding }).encoding;
        }
        if (options.createCustomers)
          mapping.createCustomers = parseMapping(kind, { createCustomers: true }).createCustomers;
        const interactive = Boolean(process.stdout.isTTY) && !options.json;
        let bar: cliProgress.SingleBar | null = null;
        const report = await withApp((app) =>
          importFile(app.store, SYSTEM_ACTOR, {
            kind,
            filePath: file,
            fileName: basename(file),
            mapping,
            dryRun: options.dryRun === true,
            onProgress: (done, total) => {
              if (!interactive || total < PROGRESS_FROM_BYTES) return;
              if (!bar) {
                bar = new cliProgress.SingleBar(
                  { format: 'reading  [{bar}] {percentage}% | {value}/{total} MB', hideCursor: true },
                  cliProgress.Presets.shades_classic,
                );
                bar.start(Math.ceil(total / 1048576), 0);
              }
              bar.update(Math.floor(done / 1048576));
            },
            onPhase: (phase) => {
              if (!interactive) return;
              if (bar && phase !== 'reading') {
                bar.update(bar.getTotal());
                bar.stop();
                bar = null;
              }
              if (phase === 'checking' || phase === 'loading') process.stderr.write(`${phase}…\n`);
            },
          }),
        );
        (bar as cliProgress.SingleBar | null)?.stop();
        if (options.json) printJson(report);
        else process.stdout.write(`${summary(report)}\n`);
        if (report.status === 'rejected') process.exitCode = 3;
        else if (report.status === 'failed') process.exitCode = 1;
      },
    );
}
