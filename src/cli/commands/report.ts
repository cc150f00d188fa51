// `huikuan report aging|invoices|dso|cei|provisions|statement|dashboard|settings|specific-provision`: the
// analytics reports from the command line, through the same use cases as the API. JSON and CSV go to
// stdout or --out; Excel to --out, or to stdout when it is redirected (`> aging.xlsx`), never a terminal.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { GroupBy } from '../../analytics/aging-queries';
import { GROUP_BYS } from '../../analytics/aging-queries';
import { type Table, toCsv, toXlsx } from '../../analytics/export-tables';
import { getAgingReport } from '../../analytics/get-aging-report';
import { getDashboard } from '../../analytics/get-dashboard';
import { getPerformanceReport } from '../../analytics/get-performance-report';
import { getProvisionReport } from '../../analytics/get-provision-report';
import { getStatement } from '../../analytics/get-statement';
import { listAgingItems } from '../../analytics/list-aging-items';
import {
  agingItemsTable,
  agingTables,
  dashboardTables,
  performanceTables,
  provisionTables,
  statementTables,
} from '../../analytics/report-tables';
import {
  getAnalyticsSettings,
  setSpecificProvision,
  updateAnalyticsSettings,
} from '../../analytics/settings-use-cases';
import { resolveCustomer, resolveEntity } from '../../ledger/payments/party-queries';
import { getLimitationReport } from '../../legal/get-limitation-report';
import type { AppContext } from '../../platform/app';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { localeFrom } from '../../shared/messages';
import { forwardedIo } from '../cli-io';
import { printJson, withApp } from '../context';

const actor = SYSTEM_ACTOR;

/**
 * Exports in the user's language: --locale, else HUIKUAN_LOCALE / LANG (as the CLI's messages); for a
 * command run by the server on the data folder, the asking process's (src/cli/local-server.ts).
 */
const cliLocale = () => forwardedIo()?.locale ?? localeFrom(process.argv, process.env);

interface Common {
  format?: string;
  out?: string;
  entity?: string;
  customer?: string;
  currency?: string;
  reportCurrency?: string;
}

/** Resolves once the bytes are handed over, so that nothing is lost if the process ends right after. */
function writeStdout(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}

async function emit(format: string | undefined, json: unknown, tables: () => Table[], out?: string) {
  const f = format ?? 'json';
  if (f === 'json') {
    if (out) writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
    else printJson(json);
  } else if (f === 'csv') {
    if (out) writeFileSync(out, toCsv(tables()));
    else process.stdout.write(toCsv(tables()));
  } else if (f === 'xlsx') {
    if (!out && process.stdout.isTTY) {
      throw invalid(msg('xlsxNeedsOut'));
    }
    const workbook = await toXlsx(tables());
    if (out) writeFileSync(out, workbook);
    else await writeStdout(workbook);
  } else
    throw invalid(msg('optionOneOfNot', { option: 'format', allowed: 'json, csv, xlsx', value: String(f) }));
  if (out) process.stderr.write(`wrote ${out}\n`);
}

async function scope(app: AppContext, o: Common) {
  const db = app.store.db;
  return {
    entityId: o.entity ? (await resolveEntity(db, actor, { entityCode: o.entity })).id : undefined,
    customerId: o.customer ? (await resolveCustomer(db, actor, { customerCode: o.customer })).id : undefined,
    currency: o.currency,
    reportCurrency: o.reportCurrency,
    timeZone: app.config.timeZone,
  };
}

function common(command: Command): Command {
  return command
    .option('--format <format>', 'json | csv | xlsx', 'json')
    .option('--out <file>', 'write to a file (xlsx without it: to stdout, which must be redirected)')
    .option('--entity <code>', 'only this selling entity')
    .option('--customer <code>', 'only this customer')
    .option('--currency <code>', 'only invoices in this currency')
    .option('--report-currency <code>', 'convert into this currency (default: the entity currency)');
}

function checkBy(by: string | undefined): GroupBy | undefined {
  if (by && !(GROUP_BYS as string[]).includes(by))
    throw invalid(msg('optionOneOf', { option: 'by', allowed: GROUP_BYS.join(', ') }));
  return by as GroupBy | undefined;
}

function checkBasis(basis: string | undefined): 'due' | 'invoice' | undefined {
  if (basis && basis !== 'due' && basis !== 'invoice')
    throw invalid(msg('optionOneOf', { option: 'basis', allowed: 'due, invoice' }));
  return basis as 'due' | 'invoice' | undefined;
}

export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('receivables analytics: aging, DSO/CEI, provisions, statements');

  common(report.command('aging').description('aging (账龄) as of a date'))
    .option('--as-of <date>', 'YYYY-MM-DD (default today)')
    .option('--by <group>', GROUP_BYS.join(' | '), 'none')
    .option('--basis <basis>', 'due (days past due) | invoice (days since invoice date)', 'due')
    .option('--limit <n>', 'JSON: at most this many groups (see nextCursor)')
    .option('--cursor <cursor>', 'JSON: the page after this nextCursor')
    .action((o: Common & { asOf?: string; by?: string; basis?: string; limit?: string; cursor?: string }) =>
      withApp(async (app) => {
        const json = (o.format ?? 'json') === 'json';
        const limit = o.limit === undefined ? undefined : Number(o.limit);
        if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
          throw invalid(msg('optionWholeAtLeastOne', { option: 'limit', value: String(o.limit) }));
        }
        const r = await getAgingReport(app.store.db, actor, {
          ...(await scope(app, o)),
          asOf: o.asOf,
          by: checkBy(o.by),
          basis: checkBasis(o.basis),
          ...(json ? { limit, cursor: o.cursor } : {}),
        });
        await emit(o.format, r, () => agingTables(r, cliLocale()), o.out);
      }),
    );

  common(report.command('invoices').description('the invoices behind an aging cell (drill-down)'))
    .option('--as-of <date>', 'YYYY-MM-DD (default today)')
    .option('--basis <basis>', 'due | invoice', 'due')
    .option('--bucket <n>', 'bucket index (0 = not yet due)')
    .option('--limit <n>', 'at most this many', '1000')
    .action((o: Common & { asOf?: string; basis?: string; bucket?: string; limit?: string }) =>
      withApp(async (app) => {
        const page = await listAgingItems(app.store.db, actor, {
          ...(await scope(app, o)),
          asOf: o.asOf,
          basis: checkBasis(o.basis),
          bucket: o.bucket === undefined ? undefined : Number(o.bucket),
          limit: Number(o.limit),
        });
        await emit(o.format, page, () => [agingItemsTable(page.asOf, page.items, cliLocale())], o.out);
      }),
    );

  for (const name of ['dso', 'cei']) {
    common(report.command(name).description(`${name.toUpperCase()} per month and for the period`))
      .option('--from <date>', 'first day (default: 12 months back)')
      .option('--to <date>', 'last day (default today)')
      .action((o: Common & { from?: string; to?: string }) =>
        withApp(async (app) => {
          const r = await getPerformanceReport(app.store.db, actor, {
            ...(await scope(app, o)),
            from: o.from,
            to: o.to,
          });
          await emit(o.format, r, () => performanceTables(r, cliLocale()), o.out);
        }),
      );
  }

  report
    .command('limitation')
    .description('limitation periods (诉讼时效) of the invoices open on a date, with alerts and evidence')
    .option('--as-of <date>', 'YYYY-MM-DD (default today)')
    .option('--entity <code>', 'only this selling entity')
    .option('--customer <code>', 'only this customer')
    .option('--json', 'the full report as JSON')
    .action((o: { asOf?: string; entity?: string; customer?: string; json?: boolean }) =>
      withApp(async (app) => {
        const s = await scope(app, o);
        const r = await getLimitationReport(app.store.db, actor, {
          asOf: o.asOf,
          entityId: s.entityId,
          customerId: s.customerId,
          timeZone: app.config.timeZone,
          locale: cliLocale(),
        });
        if (o.json) return printJson(r);
        for (const line of r.invoices) {
          process.stdout.write(
            `${[line.entityCode, line.customerCode, line.number, line.dueDate, line.setBy.kind, line.setBy.on, line.expiry, line.expiryWithWeak, line.daysLeft, line.band, line.actionText].join('\t')}\n`,
          );
        }
      }),
    );

  common(report.command('provisions').description('provision (坏账准备) at a month-end, with derivation'))
    .option('--as-of <date>', 'month-end (default: the last one)')
    .action((o: Common & { asOf?: string }) =>
      withApp(async (app) => {
        const r = await getProvisionReport(app.store.db, actor, { ...(await scope(app, o)), asOf: o.asOf });
        await emit(o.format, r, () => provisionTables(r, cliLocale()), o.out);
      }),
    );

  common(report.command('statement').description('statement of account (对账单) of --customer'))
    .option('--from <date>', 'first day (default: start of this month)')
    .option('--to <date>', 'last day (default today)')
    .action((o: Common & { from?: string; to?: string }) =>
      withApp(async (app) => {
        const s = await scope(app, o);
        if (!s.customerId) throw invalid(msg('optionRequired', { option: 'customer' }));
        const r = await getStatement(app.store.db, actor, {
          ...s,
          customerId: s.customerId,
          from: o.from,
          to: o.to,
        });
        await emit(o.format, r, () => statementTables(r, cliLocale()), o.out);
      }),
    );

  common(report.command('dashboard').description('the dashboard figures')).action((o: Common) =>
    withApp(async (app) => {
      const r = await getDashboard(app.store.db, actor, await scope(app, o));
      await emit(o.format, r, () => dashboardTables(r, cliLocale()), o.out);
    }),
  );

  report
    .command('settings')
    .description(
      'show analytics settings, or change them with --set key=JSON (e.g. --set dueBuckets=[30,60,90])',
    )
    .option('--set <assignment...>', 'key=JSON value')
    .action((o: { set?: string[] }) =>
      withApp(async (app) => {
        if (!o.set?.length) return printJson(await getAnalyticsSettings(app.store.db, actor));
        const patch: Record<string, unknown> = {};
        for (const assignment of o.set) {
          const eq = assignment.indexOf('=');
          if (eq < 1) throw invalid(msg('setExpectsKeyJson', { assignment }));
          const raw = assignment.slice(eq + 1);
          try {
            patch[assignment.slice(0, eq)] = JSON.parse(raw);
          } catch {
            patch[assignment.slice(0, eq)] = raw; // a bare word such as matrix
          }
        }
        printJson(await updateAnalyticsSettings(app.store.db, actor, patch));
      }),
    );

  report
    .command('specific-provision')
    .description('set (--rate, --reason) or --remove the specific provision (单项计提) of --customer')
    .requiredOption('--customer <code>', 'customer code')
    .option('--rate <rate>', 'share of the balance, 0 to 1 (e.g. 0.5)')
    .option('--reason <text>', 'why')
    .option('--remove', 'remove it')
    .action((o: { customer: string; rate?: string; reason?: string; remove?: boolean }) =>
      withApp(async (app) => {
        const customer = await resolveCustomer(app.store.db, actor, { customerCode: o.customer });
        if (!o.remove && !o.rate) throw invalid(msg('optionEitherRequired', { a: 'rate', b: 'remove' }));
        printJson(
          await setSpecificProvision(app.store.db, actor, {
            customerId: customer.id,
            rate: o.remove ? null : (o.rate as string),
            reason: o.reason,
          }),
        );
      }),
    );
}
