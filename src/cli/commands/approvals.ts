// `huikuan approvals list|show|approve|reject|cancel`: the approvals inbox (审批) from the command line,
// through the same use cases as the API. A decision is a person's: `--as <username>` acts as that user with
// the user's roles (the local CLI otherwise acts as the system, which sees every request and decides none).
import type { Command } from 'commander';
import type { ApprovalView } from '../../approvals/approval-dto';
import { approveRequest, cancelRequest, rejectRequest } from '../../approvals/decide-approval';
import { type ApprovalScope, getApproval, listApprovals } from '../../approvals/list-approvals';
import { cliActor, userByName } from '../../auth/cli-support';
import { actorFor } from '../../auth/roles';
import { selectGrants } from '../../auth/user-queries';
import type { AppContext } from '../../platform/app';
import type { Actor } from '../../platform/auth/actor';
import { invalid, msg } from '../../platform/errors';
import { todayIn } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { printJson, withApp } from '../context';

async function actorAs(app: AppContext, username: string | undefined): Promise<Actor> {
  if (!username) return cliActor();
  const user = await userByName(app.store.db, username);
  const grants = await selectGrants(app.store.db, user.id);
  return actorFor({ id: user.id, username: user.username, displayName: user.display_name }, grants);
}

function line(a: ApprovalView): string {
  const step = a.currentStep
    ? ` step ${a.currentStep}/${a.steps.length} (${a.steps[a.currentStep - 1].join('|')})`
    : '';
  return `#${a.id} ${a.kind} ${a.status}${step}: ${a.customerCode} ${a.customerName} · ${a.subjectLabel} · ${a.currency} ${formatMoney(a.amount, a.currency)} · by ${a.requesterName ?? 'system'} on ${a.requestedOn}, expires ${a.expiresOn}`;
}

function detail(a: ApprovalView): string {
  const decisions = a.decisions.map(
    (d) =>
      `  step ${d.step}: ${d.decision} by ${d.deciderName ?? 'system'} at ${d.decidedAt}${d.comment ? ` — ${d.comment}` : ''}`,
  );
  return [line(a), `  reason: ${a.reason}`, ...decisions].join('\n');
}

const id = (text: string) => {
  if (!/^\d+$/.test(text)) throw invalid(msg('idNotNumber', { what: 'approval', value: text }));
  return Number(text);
};

export function registerApprovalCommands(program: Command): void {
  const approvals = program
    .command('approvals')
    .description('approval requests (审批): plans, write-offs, waivers');

  approvals
    .command('list')
    .description('requests to decide (--as user), yours (--scope mine) or all')
    .option('--as <username>', 'act as this user')
    .option('--scope <scope>', 'todo | mine | all (default: todo with --as, else all)')
    .option('--status <status>', 'pending | approved | rejected | cancelled | expired')
    .option('--json', 'print JSON')
    .action(async (options: { as?: string; scope?: string; status?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const scope = (options.scope ?? (options.as ? 'todo' : 'all')) as ApprovalScope;
        if (!['todo', 'mine', 'all'].includes(scope))
          throw invalid(msg('optionOneOf', { option: 'scope', allowed: 'todo, mine, all' }));
        const status = options.status as ApprovalView['status'] | undefined;
        if (status && !['pending', 'approved', 'rejected', 'cancelled', 'expired'].includes(status))
          throw invalid(
            msg('optionOneOf', {
              option: 'status',
              allowed: 'pending, approved, rejected, cancelled, expired',
            }),
          );
        const actor = await actorAs(app, options.as);
        const list = await listApprovals(app.store.db, actor, {
          scope,
          status,
          today: todayIn(app.config.timeZone),
        });
        if (options.json) printJson(list);
        else process.stdout.write(list.items.map((a) => `${line(a)}\n`).join('') || 'no requests\n');
      });
    });

  approvals
    .command('show <id>')
    .option('--as <username>', 'act as this user')
    .option('--json', 'print JSON')
    .action(async (text: string, options: { as?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const actor = await actorAs(app, options.as);
        const view = await getApproval(app.store.db, actor, {
          id: id(text),
          today: todayIn(app.config.timeZone),
        });
        if (options.json) printJson(view);
        else process.stdout.write(`${detail(view)}\n`);
      });
    });

  for (const [name, decide, help] of [
    ['approve', approveRequest, 'approve the current step (the last approval makes it effective)'],
    ['reject', rejectRequest, 'reject, with --comment giving the reason'],
    ['cancel', cancelRequest, 'withdraw your own pending request'],
  ] as const) {
    approvals
      .command(`${name} <id>`)
      .description(help)
      .requiredOption('--as <username>', 'the deciding user')
      .option('--comment <text>', 'comment (required to reject)')
      .option('--json', 'print JSON')
      .action(async (text: string, options: { as: string; comment?: string; json?: boolean }) => {
        await withApp(async (app) => {
          const actor = await actorAs(app, options.as);
          const view = await decide(app.store.db, actor, {
            id: id(text),
            comment: options.comment,
            today: todayIn(app.config.timeZone),
          });
          if (options.json) printJson(view);
          else process.stdout.write(`${detail(view)}\n`);
        });
      });
  }
}
