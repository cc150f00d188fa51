// Helpers for the users/tokens/audit commands: the local actor, password entry, user lookup.
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { forwardedIo } from '../cli/cli-io';
import { type Actor, SYSTEM_ACTOR } from '../platform/auth/actor';
import type { Db } from '../platform/db/store';
import { invalid, msg, notFound } from '../platform/errors';
import { findUserByUsername, type UserRow } from './user-queries';

/**
 * The CLI works on the database directly, with every right; the audit log records which operating-system
 * account ran it.
 */
export function cliActor(): Actor {
  let who = 'unknown';
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep "unknown"
  }
  return { ...SYSTEM_ACTOR, name: `cli:${who}` };
}

export async function userByName(db: Db, username: string): Promise<UserRow> {
  const user = await findUserByUsername(db, username);
  if (!user) throw notFound('User', username);
  return user;
}

async function readStdin(): Promise<string> {
  // Run inside the server for a `huikuan` process: that process read its standard input for us.
  const forwarded = forwardedIo();
  if (forwarded) return (forwarded.stdin ?? '').replace(/\r?\n$/, '');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput(text: string): void };
    let prompted = false;
    output._writeToOutput = (text: string) => {
      if (!prompted) {
        process.stdout.write(text);
        prompted = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/** The new password: from stdin with --password-stdin (scripts), else asked twice on the terminal. */
export async function readNewPassword(fromStdin: boolean | undefined): Promise<string> {
  let password: string;
  if (fromStdin) password = await readStdin();
  else if (!process.stdin.isTTY || forwardedIo()) {
    throw invalid(msg('noTerminalForPassword'));
  } else {
    password = await ask('Password: ');
    if ((await ask('Password again: ')) !== password) throw invalid(msg('passwordsDiffer'));
  }
  if (!password) throw invalid(msg('passwordEmpty'));
  return password;
}

export function parseRoles(list: string | undefined, entityCode: string | undefined) {
  return (list ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean)
    .map((role) => ({ role, entityCode: entityCode ?? null }));
}
