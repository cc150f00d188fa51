// `huikuan tokens …`: personal API tokens, made locally for any user; `huikuan remote …`: call a remote
// server's API with such a token (HUIKUAN_SERVER, HUIKUAN_TOKEN), e.g. from a finance team's laptop.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cliActor, userByName } from '../../auth/cli-support';
import { createToken } from '../../auth/create-token';
import { listTokens } from '../../auth/list-tokens';
import { revokeToken } from '../../auth/revoke-token';
import type { TokenView } from '../../auth/token-view';
import { AppError, invalid, msg } from '../../platform/errors';
import { printJson, withApp } from '../context';

function line(token: TokenView): string {
  const state = token.revokedAt
    ? 'revoked'
    : token.expiresAt && token.expiresAt < new Date().toISOString()
      ? 'expired'
      : 'active';
  return `${String(token.id).padStart(5)}  ${token.username.padEnd(16)} ${token.name.padEnd(20)} ${token.prefix}…  ${token.scope.padEnd(5)} ${state}`;
}

export function registerTokenCommands(program: Command): void {
  const tokens = program.command('tokens').description('personal API tokens for scripts and remote use');

  tokens
    .command('create')
    .description('create a token for a user; it is printed once')
    .requiredOption('--user <username>', 'whose token (it acts with this user’s roles)')
    .requiredOption('--name <name>', 'what it is for, e.g. "ERP sync"')
    .option('--scope <scope>', 'read (GET only) or write', 'read')
    .option('--expires-days <days>', 'valid for this many days (default: no expiry)')
    .option('--json', 'print JSON')
    .action(async (options) => {
      if (!['read', 'write'].includes(options.scope))
        throw invalid(msg('optionOneOf', { option: 'scope', allowed: 'read, write' }));
      const expiresInDays = options.expiresDays === undefined ? undefined : Number(options.expiresDays);
      await withApp(async (app) => {
        const user = await userByName(app.store.db, options.user);
        const token = await createToken(app.store.db, cliActor(), {
          userId: user.id,
          name: options.name,
          scope: options.scope,
          expiresInDays,
        });
        if (options.json) printJson(token);
        else
          process.stdout.write(`${line(token)}\n\n${token.token}\n\nKeep it safe: it is not shown again.\n`);
      });
    });

  tokens
    .command('list')
    .description('list tokens (all users, or one)')
    .option('--user <username>', 'only this user’s tokens')
    .option('--json', 'print JSON')
    .action(async (options) => {
      await withApp(async (app) => {
        const userId = options.user ? (await userByName(app.store.db, options.user)).id : undefined;
        const list = await listTokens(app.store.db, cliActor(), userId ? { userId } : { all: true });
        if (options.json) printJson(list);
        else for (const token of list) process.stdout.write(`${line(token)}\n`);
      });
    });

  tokens
    .command('revoke <id>')
    .description('revoke a token at once')
    .action(async (id: string) => {
      if (!/^\d+$/.test(id)) throw invalid(msg('tokenIdNumber'));
      await withApp(async (app) => {
        process.stdout.write(`${line(await revokeToken(app.store.db, cliActor(), { id: Number(id) }))}\n`);
      });
    });

  const remote = program
    .command('remote')
    .description('call a remote huikuan server’s API with HUIKUAN_SERVER and HUIKUAN_TOKEN');
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    remote
      .command(`${method} <path>`)
      .description(`${method.toUpperCase()} /api/… on the server, e.g. remote get /api/customers?q=明达`)
      .option('--data <json>', 'JSON body, or @file.json')
      .action(async (path: string, options: { data?: string }) => {
        const body = options.data?.startsWith('@')
          ? readFileSync(options.data.slice(1), 'utf8')
          : options.data;
        process.exitCode = await callRemote(method.toUpperCase(), path, body);
      });
  }
}

async function callRemote(method: string, path: string, body: string | undefined): Promise<number> {
  const server = process.env.HUIKUAN_SERVER;
  const token = process.env.HUIKUAN_TOKEN;
  if (!server || !token) throw invalid(msg('remoteNotSet'));
  const url = new URL(path.startsWith('/api/') ? path : `/api/${path.replace(/^\/+/, '')}`, server);
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body,
  });
  const text = await response.text();
  try {
    process.stdout.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  } catch {
    process.stdout.write(text.endsWith('\n') || text === '' ? text : `${text}\n`);
  }
  if (response.status === 401) throw new AppError('UNAUTHENTICATED', msg('tokenRefused'));
  return response.ok ? 0 : 2;
}
