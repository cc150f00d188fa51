// `huikuan credit terms show|set` and `huikuan credit interest`: contract terms (合同条款) and late interest
// (违约金) from the command line, through the same use cases as /api/credit. The local CLI acts as the
// system (cliActor), attributed in the audit log to the operating-system user.
import type { Command } from 'commander';
import { cliActor } from '../../auth/cli-support';
import type { TermsView } from '../../credit/credit-dto';
import { getCustomerTerms, setCustomerTerms } from '../../credit/credit-terms';
import { getCustomerInterest } from '../../credit/customer-interest';
import { selectCustomerIdByCode } from '../../ledger/customers/customer-queries';
import { findEntity } from '../../ledger/reference/reference-queries';
import type { AppContext } from '../../platform/app';
import { invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate, todayIn } from '../../shared/dates';
import { formatMoney, minorUnitsOf, parseAmount } from '../../shared/money';
import { printJson, withApp } from '../context';

async function customerId(app: AppContext, code: string): Promise<number> {
  const id = await selectCustomerIdByCode(app.store.db, cliActor(), code.trim());
  if (id === null) throw notFound('Customer', code);
  return id;
}

function date(text: string | undefined, option: string, fallback: string): string {
  if (text === undefined) return fallback;
  if (!isValidIsoDate(text)) throw invalid(msg('dateRequired', { field: `--${option}` }));
  return text;
}

function whole(text: string | undefined, option: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    throw invalid(msg('optionBetween', { option, min: String(min), max: String(max) }));
  return value;
}

function termsLine(t: TermsView): string {
  const interest =
    t.interestKind === 'none'
      ? 'no interest'
      : `${t.interestKind} ${t.interestRate}${t.interestKind === 'annual' ? ` act/${t.dayCountBasis}` : ''}, grace ${t.graceDays}d${t.interestCapPercent ? `, cap ${t.interestCapPercent}%` : ''}`;
  const limit =
    t.creditLimit === null ? 'no limit' : `limit ${t.currency} ${formatMoney(t.creditLimit, t.currency)}`;
  return `from ${t.validFrom}: net ${t.paymentTermsDays} days, ${limit}, ${interest}`;
}

interface SetOptions {
  customer: string;
  entity: string;
  from?: string;
  termsDays: string;
  limit?: string;
  currency: string;
  dailyRate?: string;
  annualRate?: string;
  basis?: string;
  grace?: string;
  cap?: string;
  note?: string;
}

export function registerCreditCommands(program: Command): void {
  const credit = program.command('credit').description('contract terms and late interest (合同条款、违约金)');
  const terms = credit.command('terms').description("a customer's contract terms");

  terms
    .command('show')
    .description('the terms in force per entity and their history')
    .requiredOption('--customer <code>', 'customer code')
    .option('--as-of <date>', 'which version is in force (default: today)')
    .option('--json', 'print JSON')
    .action(async (options: { customer: string; asOf?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const view = await getCustomerTerms(app.store.db, cliActor(), {
          customerId: await customerId(app, options.customer),
          asOf: date(options.asOf, 'as-of', todayIn(app.config.timeZone)),
        });
        if (options.json) return printJson(view);
        const lines = view.inForce.map(
          (row) => `entity ${row.entityId} (${row.source}): ${termsLine(row.terms)}`,
        );
        const history = view.history.map((row) => `  entity ${row.entityId} ${termsLine(row)}`);
        process.stdout.write(
          `${[...(lines.length ? lines : ['no terms in force']), ...(history.length ? ['history:', ...history] : [])].join('\n')}\n`,
        );
      });
    });

  terms
    .command('set')
    .description('set the terms from a date (a new version; the same date corrects that version)')
    .requiredOption('--customer <code>', 'customer code')
    .requiredOption('--entity <code>', 'selling entity code')
    .option('--from <date>', 'valid from (default: today)')
    .requiredOption('--terms-days <n>', 'payment terms in days (账期)')
    .option('--limit <amount>', 'credit limit (信用额度), e.g. 500,000.00')
    .requiredOption('--currency <code>', 'currency of the limit')
    .option('--daily-rate <rate>', 'late interest a day, e.g. 0.0005 (万分之五)')
    .option('--annual-rate <rate>', 'late interest a year, e.g. 0.12')
    .option('--basis <days>', '365 or 360, for an annual rate', '365')
    .option('--grace <days>', 'grace days before interest starts', '0')
    .option('--cap <percent>', 'interest not above this percentage of the invoice amount')
    .option('--note <text>', 'why (合同编号、审批)')
    .option('--json', 'print JSON')
    .action(async (options: SetOptions & { json?: boolean }) => {
      await withApp(async (app) => {
        if (options.dailyRate !== undefined && options.annualRate !== undefined)
          throw invalid(msg('optionExactlyOne', { a: 'daily-rate', b: 'annual-rate' }));
        const currency = options.currency.trim().toUpperCase();
        let creditLimit: number | null = null;
        if (options.limit !== undefined) {
          const parsed = parseAmount(options.limit, minorUnitsOf(currency));
          if (!parsed.ok || parsed.minor < 0)
            throw invalid(
              msg('optionAmount', { option: 'limit', reason: parsed.ok ? 'negative' : parsed.reason }),
            );
          creditLimit = parsed.minor;
        }
        const entity = await findEntity(app.store.db, cliActor(), { code: options.entity.trim() });
        if (!entity) throw notFound('Entity', options.entity);
        const basis = whole(options.basis, 'basis', 360, 365);
        if (basis !== 360 && basis !== 365)
          throw invalid(msg('optionOneOf', { option: 'basis', allowed: '365, 360' }));
        const rate = options.dailyRate ?? options.annualRate ?? null;
        const view = await setCustomerTerms(app.store.db, cliActor(), {
          customerId: await customerId(app, options.customer),
          body: {
            entityId: entity.id,
            validFrom: date(options.from, 'from', todayIn(app.config.timeZone)),
            paymentTermsDays: whole(options.termsDays, 'terms-days', 0, 3650) ?? 0,
            creditLimit,
            currency,
            interestKind:
              options.dailyRate !== undefined
                ? 'daily'
                : options.annualRate !== undefined
                  ? 'annual'
                  : 'none',
            interestRate: rate,
            dayCountBasis: basis,
            graceDays: whole(options.grace, 'grace', 0, 365),
            interestCapPercent: options.cap ?? null,
            note: options.note ?? null,
          },
        });
        if (options.json) printJson(view);
        else process.stdout.write(`${termsLine(view)}\n`);
      });
    });

  credit
    .command('interest')
    .description("late interest accrued on the customer's open invoices as of a date")
    .requiredOption('--customer <code>', 'customer code')
    .option('--as-of <date>', 'default: today')
    .option('--json', 'print JSON')
    .action(async (options: { customer: string; asOf?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const view = await getCustomerInterest(app.store.db, cliActor(), {
          customerId: await customerId(app, options.customer),
          asOf: date(options.asOf, 'as-of', todayIn(app.config.timeZone)),
        });
        if (options.json) return printJson(view);
        const money = (amount: number, currency: string) => `${currency} ${formatMoney(amount, currency)}`;
        const lines = view.invoices.map(
          (row) =>
            `${row.number} due ${row.dueDate} open ${money(row.openAmount, row.currency)}: ${row.days} days from ${row.accruesFrom ?? '-'} → ${money(row.interest, row.currency)}${row.capped ? ' (capped)' : ''} [${row.interestKind}${row.interestRate ? ` ${row.interestRate}` : ''}, ${row.termsSource}]`,
        );
        const totals = view.totals.map((total) => `total ${money(total.interest, total.currency)}`);
        process.stdout.write(`${[...(lines.length ? lines : ['no open invoices']), ...totals].join('\n')}\n`);
      });
    });
}
