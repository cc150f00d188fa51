// `huikuan cases list|show`: collection cases and one case's history, through the API's use cases.
import type { Command } from 'commander';
import { createPromise } from '../../collections/cases/create-promise';
import { getCase } from '../../collections/cases/get-case';
import { listCases } from '../../collections/cases/list-cases';
import { SYSTEM_ACTOR } from '../../platform/auth/actor';
import { invalid, msg, notFound } from '../../platform/errors';
import { isValidIsoDate, todayIn } from '../../shared/dates';
import { formatMessage, isMessageCode, localeFrom, type MessageParams } from '../../shared/messages';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';
import { cliAmount } from './payments';

const actor = SYSTEM_ACTOR;
/** A firing's detail in the CLI's locale when it is a message code (src/collections/reasons.ts). */
const detailText = (f: {
  detail: string | null;
  detailCode: string | null;
  detailParams: Record<string, unknown> | null;
}) =>
  isMessageCode(f.detailCode)
    ? // Params as the API sends them; formatMessage checks a nested message's code as it reads it.
      formatMessage(
        localeFrom(process.argv, process.env),
        f.detailCode,
        (f.detailParams ?? {}) as MessageParams,
      )
    : f.detail;
const money = (amount: number, currency: string) => `${currency} ${formatMoney(amount, currency)}`;

export function registerCaseCommands(program: Command): void {
  const cases = program.command('cases').description('collection cases (催收案件)');
  registerPromiseCommands(program);

  cases
    .command('list')
    .description('open cases, next action first')
    .option('--status <status>', 'active, paused, promise, plan, dispute, legal, agency')
    .option('--stage <stage>', 'reminder, early, strong')
    .option('--due-by <date>', 'next action on or before this date')
    .option('--customer <code>', 'only this customer')
    .option('--closed', 'closed cases instead of open ones')
    .option('--sort <sort>', 'nextActionOn, -amount, -daysPastDue, openedOn', 'nextActionOn')
    .option('--limit <n>', 'page size, 1 to 500', '50')
    .option('--cursor <cursor>', 'next page')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        status?: string;
        stage?: string;
        dueBy?: string;
        customer?: string;
        closed?: boolean;
        sort: string;
        limit: string;
        cursor?: string;
        json?: boolean;
      }) => {
        await withApp(async (app) => {
          let customerId: number | undefined;
          if (o.customer) {
            const row = await app.store.db
              .selectFrom('customer')
              .select('id')
              .where('code', '=', o.customer)
              .executeTakeFirst();
            if (!row) throw notFound('Customer', o.customer);
            customerId = row.id;
          }
          const page = await listCases(app.store.db, actor, {
            status: o.status,
            stage: o.stage,
            dueBy: o.dueBy,
            customerId,
            open: !o.closed,
            sort: o.sort,
            limit: Number(o.limit),
            cursor: o.cursor,
            today: todayIn(app.config.timeZone),
          });
          if (o.json) return printJson(page);
          for (const c of page.items) {
            const overdue =
              c.totals
                .filter((t) => t.overdue > 0)
                .map((t) => money(t.overdue, t.currency))
                .join(', ') || '-';
            process.stdout.write(
              `#${c.id}  ${c.customer.code} ${c.customer.name} / ${c.entity.code}  ${c.stage}/${c.status}  ` +
                `dpd ${c.daysPastDue ?? '-'}  overdue ${overdue}  next ${c.nextActionOn ?? '-'} ${c.nextStepKey ?? ''}\n`,
            );
          }
          if (page.nextCursor) process.stdout.write(`next page: --cursor ${page.nextCursor}\n`);
        });
      },
    );

  cases
    .command('show <id>')
    .description('one case: invoices, step history, messages, tasks, promises, next steps')
    .option('--json', 'print JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      await withApp(async (app) => {
        const c = await getCase(app.store.db, actor, { id: Number(id), today: todayIn(app.config.timeZone) });
        if (o.json) return printJson(c);
        const out: string[] = [
          `case #${c.id}: ${c.customer.code} ${c.customer.name} / ${c.entity.name}`,
          `stage ${c.stage} since ${c.stageSince}, status ${c.status}, strategy ${c.strategy ? `${c.strategy.name} v${c.strategy.version}` : '-'}, collector ${c.collector?.displayName ?? '-'}`,
          `days past due ${c.daysPastDue ?? '-'} (as of ${c.daysPastDueAsOf}, oldest undisputed open invoice), next action ${c.nextActionOn ?? '-'} ${c.nextStepKey ?? ''}`,
          `open amount in CNY ${
            c.amountCny === null
              ? `unknown (no rate ${c.missingRates.join(', ')})`
              : money(c.amountCny, 'CNY')
          }`,
          '',
          `open invoices (days past due as of ${c.daysPastDueAsOf}):`,
          ...c.invoices.map(
            (i) =>
              `  ${i.number}  due ${i.dueDate}  ${money(i.openAmount, i.currency)}  ${i.daysPastDue} d${i.disputed ? '  (disputed)' : ''}`,
          ),
          '',
          'history:',
          ...c.firings.map(
            (f) =>
              `  ${f.firedOn}  ${f.stepKey}  ${f.action} → ${f.outcome}${f.detail ? ` (${detailText(f)})` : ''}`,
          ),
          '',
          'coming up:',
          ...c.upcoming.map((u) => `  ${u.date}  ${u.stepKey}  ${u.action} — ${u.label}`),
        ];
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
}

/**
 * `huikuan promises add <case>`: a promise to pay (承诺还款) on a case, made on `--on` (default today), so a
 * case's history can be scripted or imported with its real dates; it holds the case from that day.
 */
function registerPromiseCommands(program: Command): void {
  const promises = program.command('promises').description('promises to pay (承诺还款)');
  promises
    .command('add <caseId>')
    .description('record a promise to pay on a case')
    .requiredOption('--amount <amount>', 'amount promised, e.g. 12000.50')
    .requiredOption('--due <date>', 'the day it will be paid by (YYYY-MM-DD)')
    .option('--currency <code>', 'currency of the amount', 'CNY')
    .option('--on <date>', 'the day the promise was made (YYYY-MM-DD); default today')
    .option('--note <text>', 'a note')
    .option('--json', 'print JSON')
    .action(
      async (
        caseId: string,
        o: { amount: string; due: string; currency: string; on?: string; note?: string; json?: boolean },
      ) => {
        await withApp(async (app) => {
          const currency = o.currency.toUpperCase();
          const amount = cliAmount(o.amount, currency);
          if (o.on !== undefined && !isValidIsoDate(o.on))
            throw invalid(msg('promiseInvalid'), [{ field: 'on', value: o.on, reason: 'not a date' }]);
          const promise = await createPromise(app.store.db, actor, {
            caseId: Number(caseId),
            today: o.on ?? todayIn(app.config.timeZone),
            amount,
            currency,
            dueOn: o.due,
            note: o.note ?? null,
          });
          if (o.json) return printJson(promise);
          process.stdout.write(
            `promise #${promise.id} on case #${promise.caseId}: ${money(promise.amount, promise.currency)} by ${promise.dueOn} (made ${promise.promisedOn})\n`,
          );
        });
      },
    );
}
