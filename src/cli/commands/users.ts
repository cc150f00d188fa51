// `huikuan users …`: create the first administrator on a real install, and manage users and roles from
// the command line through the same use cases as the web app's user administration.
import type { Command } from 'commander';
import { cliActor, parseRoles, readNewPassword, userByName } from '../../auth/cli-support';
import { createUser } from '../../auth/create-user';
import { listUsers } from '../../auth/list-users';
import { isRole, ROLES } from '../../auth/roles';
import { setUserRoles } from '../../auth/set-user-roles';
import { updateUser } from '../../auth/update-user';
import type { UserView } from '../../auth/user-view';
import { invalid, msg } from '../../platform/errors';
import { printJson, withApp } from '../context';

function line(user: UserView): string {
  const roles = user.roles.map((g) => (g.entityCode ? `${g.role}@${g.entityCode}` : g.role)).join(',') || '-';
  const state = user.disabled
    ? 'disabled'
    : user.lockedUntil
      ? 'locked'
      : user.hasPassword
        ? 'active'
        : 'no-login';
  return `${String(user.id).padStart(5)}  ${user.username.padEnd(20)} ${user.displayName.padEnd(16)} ${state.padEnd(9)} ${roles}`;
}

function show(user: UserView, json: boolean | undefined) {
  if (json) printJson(user);
  else process.stdout.write(`${line(user)}\n`);
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description(`users and roles (${ROLES.join(', ')})`);

  users
    .command('create')
    .description(
      'create a user; --admin for the first administrator of a new install. Staff that already exist ' +
        '(e.g. created by an import) get a sign-in with `users password` and `users grant` instead',
    )
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption('--display-name <name>', 'name shown in the app')
    .option('--admin', 'grant the admin role (all entities)')
    .option('--roles <list>', `comma-separated roles: ${ROLES.join(',')}`)
    .option('--entity <code>', 'the roles apply to this selling entity only (default: all)')
    .option('--email <email>', 'email address')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .option('--no-password', 'no password: a staff member who is assigned customers but does not sign in')
    .option('--json', 'print JSON')
    .action(async (options) => {
      const roles = parseRoles(options.roles, options.entity);
      if (options.admin) roles.unshift({ role: 'admin', entityCode: null });
      const bad = roles.filter((grant) => !isRole(grant.role)).map((grant) => grant.role);
      if (bad.length)
        throw invalid(msg('unknownRoles', { roles: bad.join(', '), allowed: ROLES.join(', ') }));
      const password = options.password === false ? null : await readNewPassword(options.passwordStdin);
      await withApp(async (app) => {
        const user = await createUser(app.store.db, cliActor(), {
          username: options.username,
          displayName: options.displayName,
          email: options.email ?? null,
          password,
          roles,
        });
        show(user, options.json);
      });
    });

  users
    .command('list')
    .description('list users with their roles')
    .option('--role <role>', 'only users holding this role')
    .option('--all', 'include disabled users')
    .option('--json', 'print JSON')
    .action(async (options) => {
      if (options.role && !isRole(options.role)) throw invalid(msg('unknownRole', { role: options.role }));
      await withApp(async (app) => {
        const list = await listUsers(app.store.db, cliActor(), {
          role: options.role,
          includeDisabled: options.all,
        });
        if (options.json) printJson(list);
        else for (const user of list) process.stdout.write(`${line(user)}\n`);
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(disabled ? 'disable a user: sessions end, tokens stop working' : 'enable a disabled user')
      .option('--json', 'print JSON')
      .action(async (username: string, options) => {
        await withApp(async (app) => {
          const user = await userByName(app.store.db, username);
          show(await updateUser(app.store.db, cliActor(), { id: user.id, disabled }), options.json);
        });
      });
  }

  for (const [name, mode] of [
    ['grant', 'grant'],
    ['revoke', 'revoke'],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(`${name} roles`)
      .requiredOption('--roles <list>', `comma-separated roles: ${ROLES.join(',')}`)
      .option('--entity <code>', 'for this selling entity only (default: all entities)')
      .option('--json', 'print JSON')
      .action(async (username: string, options) => {
        await withApp(async (app) => {
          const user = await userByName(app.store.db, username);
          const roles = parseRoles(options.roles, options.entity);
          show(await setUserRoles(app.store.db, cliActor(), { id: user.id, mode, roles }), options.json);
        });
      });
  }

  users
    .command('password <username>')
    .description('set or reset a user’s password (ends their sessions and revokes their API tokens)')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, options) => {
      const password = await readNewPassword(options.passwordStdin);
      await withApp(async (app) => {
        const user = await userByName(app.store.db, username);
        show(await updateUser(app.store.db, cliActor(), { id: user.id, password }), false);
      });
    });
}
