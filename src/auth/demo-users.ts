// First start. With the demo data set loaded (`npm start` on an empty store), one sign-in per role is made —
// the collector and the salesperson are the demo's own staff rows, so that their scoped views show their
// customers — and the usernames and passwords are printed once, last on start, and saved in the data
// folder. On a real install nothing is created: the console says how to make the first administrator.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppContext } from '../platform/app';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { inTransaction } from '../platform/db/transaction';
import type { StartHook } from '../platform/start-hooks';
import { createUser } from './create-user';
import { ROLE_LABELS, type Role } from './roles';
import { generatePassword, hashPassword } from './secrets';
import { addGrants, anyUserWithRole, findUserByUsername, updateUser } from './user-queries';

// The demo's staff (src/demo/reference-data.ts) use this mail domain; nothing else should.
const DEMO_STAFF_DOMAIN = '@huadong-precision.cn';

const DEMO_USERS: { role: Role; username: string; displayName: string; staff?: string }[] = [
  { role: 'admin', username: 'admin', displayName: '系统管理员' },
  { role: 'credit_manager', username: 'credit', displayName: '信用经理 周敏' },
  { role: 'collection_manager', username: 'manager', displayName: '催收主管 陈刚' },
  { role: 'collector', username: 'collector01', displayName: '', staff: 'collector01' },
  { role: 'salesperson', username: 'sales01', displayName: '', staff: 'sales01' },
  { role: 'finance', username: 'finance', displayName: '财务 王芳' },
  { role: 'auditor', username: 'auditor', displayName: '审计 孙丽' },
];

async function demoDataLoaded(db: Db): Promise<boolean> {
  const staff = await findUserByUsername(db, 'collector01');
  return staff?.email?.endsWith(DEMO_STAFF_DOMAIN) ?? false;
}

export interface DemoLogin {
  role: Role;
  username: string;
  password: string;
}

/** Creates the demo sign-ins when the demo is loaded and nobody has a role yet; returns what it made. */
export async function ensureDemoUsers(db: Db): Promise<DemoLogin[]> {
  if ((await anyUserWithRole(db)) || !(await demoDataLoaded(db))) return [];
  const made: DemoLogin[] = [];
  for (const demo of DEMO_USERS) {
    const password = generatePassword();
    const staff = demo.staff ? await findUserByUsername(db, demo.staff) : undefined;
    if (staff) {
      const passwordHash = await hashPassword(password);
      await inTransaction(db, SYSTEM_ACTOR, async (tx) => {
        await updateUser(tx, staff.id, { passwordHash });
        await addGrants(tx, staff.id, [{ role: demo.role, entityId: null }]);
      });
    } else {
      await createUser(db, SYSTEM_ACTOR, {
        username: demo.username,
        displayName: demo.displayName || demo.username,
        password,
        roles: [{ role: demo.role }],
      });
    }
    made.push({ role: demo.role, username: demo.username, password });
  }
  return made;
}

export function describeDemoUsers(logins: DemoLogin[]): string {
  const lines = logins.map((l) => `  ${l.username.padEnd(12)} ${l.password}   ${ROLE_LABELS[l.role]}`);
  return (
    'Demo sign-ins (demo data only; shown once — reset with `huikuan users password <username>`):\n' +
    `${lines.join('\n')}\n` +
    '  collector01 and sales01 see only their own customers.\n'
  );
}

/** Where the demo sign-ins are kept after the first start: in the data folder, readable by its owner only. */
export const demoLoginsFile = (dataDir: string): string => join(dataDir, 'demo-logins.txt');

function saveDemoLogins(dataDir: string, text: string): string {
  const file = demoLoginsFile(dataDir);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600); // writeFileSync keeps the mode of a file that was already there
  return file;
}

/**
 * The start hook: makes the demo sign-ins and hands them over as the notice printed last on start (after
 * the request and job logs, which would scroll them away), and saves them in the data folder.
 */
export const demoUsersStartHook: StartHook = async (app: AppContext, options) => {
  const notice = options.notice ?? ((text: string) => process.stdout.write(text));
  const db = app.store.db;
  if (options.demoIfEmpty) {
    const made = await ensureDemoUsers(db);
    if (made.length > 0) {
      const text = describeDemoUsers(made);
      const file = saveDemoLogins(app.config.dataDir, text);
      notice(`\n${text}  (also saved in ${file}, readable by you only)\n`);
    }
  }
  if (!(await anyUserWithRole(db))) {
    notice(
      '\nNo user can sign in yet. Create the first administrator:\n' +
        '  npx huikuan users create --admin --username <name> --display-name <name>\n',
    );
  }
};
