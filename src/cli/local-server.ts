// CLI commands while a server runs on the same PGlite data folder. PGlite admits one process per folder
// (src/platform/db/data-dir-lock.ts), so the `huikuan` process does not open the folder: it sends its
// command line to the server, which runs the very same command on its own store and sends back what the
// command printed and its exit code.
//
// The server side listens on POST /api/local/cli, answered only to a loopback address presenting the
// local credential: a random secret the server writes into the data folder (`huikuan.local-token`, mode
// 0600, so only the account that owns the data may read it) when it starts and removes when it stops.
// Who can read the data folder can read the data anyway; the credential gives no more than that.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Command, CommanderError } from 'commander';
import { Type } from 'typebox';
import { sameSecret } from '../auth/secrets';
import { loadConfig } from '../platform/config';
import { Mutex } from '../platform/db/connection';
import { dataDirLockedError, type LockHolder, liveHolder } from '../platform/db/data-dir-lock';
import { AppError } from '../platform/errors';
import { localeFrom } from '../shared/messages';
import { runForwarded } from './cli-io';
import { reportCliError } from './context';
import { buildProgram } from './program';

export const LOCAL_TOKEN_FILE = 'huikuan.local-token';
const TOKEN_HEADER = 'x-huikuan-local-token';

/** Commands that never open the store: they run in the `huikuan` process itself. */
const RUN_HERE = new Set(['tokens remote']);

/** Commands that cannot share a folder with a running server, with what to do instead. */
const REFUSED: Record<string, { en: string; zh: string }> = {
  serve: {
    en: 'it already serves this folder; stop it first to start another.',
    zh: '它已在为该目录提供服务；如需另起一个，请先停止它。',
  },
  worker: {
    en: 'the server runs its own worker on PGlite; no separate worker is needed.',
    zh: '使用 PGlite 时服务器自带后台任务进程，无需另起 worker。',
  },
  migrate: {
    en: 'the server applied the migrations when it started; stop it to run migrate by hand.',
    zh: '服务器启动时已执行数据库迁移；如需手动执行 migrate，请先停止服务器。',
  },
};

/** Thrown once a forwarded command has finished: main.ts exits with the server's exit code. */
export class ForwardedExit extends Error {
  constructor(readonly exitCode: number) {
    super(`forwarded command exited with ${exitCode}`);
  }
}

function commandPath(command: Command): string[] {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names;
}

/**
 * The command line with the files it names made absolute: the server resolves paths from its own working
 * folder, not the caller's.
 */
function withAbsolutePaths(action: Command, argv: string[], cwd: string): string[] {
  const files = new Set<string>();
  action.registeredArguments.forEach((argument, i) => {
    const value = action.processedArgs[i];
    if (/file|dir/i.test(argument.name()) && typeof value === 'string') files.add(value);
  });
  for (const option of action.options) {
    const value = action.getOptionValue(option.attributeName());
    if (/[<[](file|dir)/i.test(option.flags) && typeof value === 'string') files.add(value);
  }
  files.delete('-');
  return argv.map((arg) => {
    if (files.has(arg)) return resolve(cwd, arg);
    const inline = /^(--[^=]+)=(.*)$/s.exec(arg);
    return inline && files.has(inline[2]) ? `${inline[1]}=${resolve(cwd, inline[2])}` : arg;
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function writeOut(stream: NodeJS.WriteStream, bytes: Buffer): Promise<void> {
  if (bytes.length === 0) return Promise.resolve();
  return new Promise((done, fail) => stream.write(bytes, (error) => (error ? fail(error) : done())));
}

async function sendToServer(dataDir: string, holder: LockHolder, argv: string[]): Promise<number> {
  let token: string;
  try {
    token = readFileSync(join(dataDir, LOCAL_TOKEN_FILE), 'utf8').trim();
  } catch {
    throw dataDirLockedError(dataDir, holder, {
      en: `its local credential ${join(dataDir, LOCAL_TOKEN_FILE)} cannot be read by this account, so the command cannot run through it.`,
      zh: `本账户无法读取其本地凭据 ${join(dataDir, LOCAL_TOKEN_FILE)}，因此无法通过它执行该命令。`,
    });
  }
  const host = !holder.host || ['0.0.0.0', '::'].includes(holder.host) ? '127.0.0.1' : holder.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${holder.port}/api/local/cli`;
  const body = {
    argv,
    stdin: argv.includes('--password-stdin') ? await readStdin() : undefined,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    locale: localeFrom(argv, process.env),
  };
  let answer: { exitCode: number; stdout: string; stderr: string; error?: { message: string } };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(body),
    });
    answer = (await response.json()) as typeof answer;
    if (!response.ok) throw new Error(answer.error?.message ?? `HTTP ${response.status}`);
  } catch (error) {
    throw dataDirLockedError(dataDir, holder, {
      en: `sending the command to it at ${url} failed (${(error as Error).message}).`,
      zh: `通过 ${url} 将命令交给它执行失败（${(error as Error).message}）。`,
    });
  }
  await writeOut(process.stdout, Buffer.from(answer.stdout, 'base64'));
  await writeOut(process.stderr, Buffer.from(answer.stderr, 'base64'));
  return answer.exitCode;
}

/**
 * Makes `program` run its commands through the server holding the PGlite data folder, if one does, and
 * refuse those that cannot share the folder with it. Without a server nothing changes.
 */
export function forwardToLocalServer(program: Command, argv = process.argv.slice(2)): void {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  if (config.databaseUrl) return;
  program.hook('preAction', async (_program, action) => {
    const path = commandPath(action);
    if (RUN_HERE.has(path.join(' '))) return;
    const holder = liveHolder(config.dataDir);
    // Nobody holds it: run here. Another CLI or worker holds it: opening the store names it and refuses.
    if (holder?.role !== 'server' || holder.pid === process.pid) return;
    const refused = REFUSED[path[0]];
    if (refused) throw dataDirLockedError(config.dataDir, holder, refused);
    if (!holder.port) {
      throw dataDirLockedError(config.dataDir, holder, {
        en: 'it is still starting: try again in a moment.',
        zh: '它正在启动，请稍后重试。',
      });
    }
    throw new ForwardedExit(
      await sendToServer(config.dataDir, holder, withAbsolutePaths(action, argv, process.cwd())),
    );
  });
}

// --- the server side ---------------------------------------------------------------------------------

function fromLoopback(address: string | undefined): boolean {
  return address === '::1' || /^127\./.test(address ?? '') || /^::ffff:127\./.test(address ?? '');
}

/** Writes the local credential into the data folder (0600); returns it and a function removing it. */
export function writeLocalToken(dataDir: string, token: string): () => void {
  const path = join(dataDir, LOCAL_TOKEN_FILE);
  rmSync(path, { force: true }); // a crashed server's: mode applies on creation only
  writeFileSync(path, token, { mode: 0o600, flag: 'wx' });
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.removeListener('exit', remove);
    rmSync(path, { force: true });
  };
  process.on('exit', remove);
  return remove;
}

const oneAtATime = new Mutex();

export const localCliRoutes: FastifyPluginAsyncTypebox<{ token: string }> = async (server, { token }) => {
  server.post(
    '/api/local/cli',
    {
      // Not a session or API-token route: it checks its own credential and the caller's address below.
      config: { permission: 'public' },
      schema: {
        hide: true,
        body: Type.Object({
          argv: Type.Array(Type.String({ maxLength: 100_000 }), { maxItems: 1000 }),
          stdin: Type.Optional(Type.String({ maxLength: 100_000 })),
          stdoutIsTTY: Type.Boolean(),
          stderrIsTTY: Type.Boolean(),
          locale: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en')])),
        }),
      },
    },
    async (request) => {
      const sent = request.headers[TOKEN_HEADER];
      if (
        !fromLoopback(request.socket.remoteAddress) ||
        typeof sent !== 'string' ||
        !sameSecret(sent, token)
      ) {
        throw new AppError(
          'FORBIDDEN',
          'Local commands are taken only from this machine with its credential',
        );
      }
      const { argv, stdin, stdoutIsTTY, stderrIsTTY, locale } = request.body;
      const io = { app: server.app, stdout: [], stderr: [], stdin, stdoutIsTTY, stderrIsTTY, locale };
      const release = await oneAtATime.acquire();
      // Commands report their outcome in process.exitCode: keep the server's own, one command at a time.
      const serverExitCode = process.exitCode;
      let exitCode = 0;
      try {
        process.exitCode = undefined;
        await runForwarded(io, async () => {
          try {
            const refused = REFUSED[argv[0]];
            if (refused) throw new AppError('CONFLICT', `huikuan ${argv[0]}: ${refused.en}\n${refused.zh}`);
            await buildProgram({ exitOverride: true }).parseAsync(argv, { from: 'user' });
            exitCode = Number(process.exitCode ?? 0);
          } catch (error) {
            exitCode =
              error instanceof CommanderError
                ? error.exitCode
                : reportCliError(error, argv.includes('--json'), argv);
          }
        });
      } finally {
        process.exitCode = serverExitCode;
        release();
      }
      return {
        exitCode,
        stdout: Buffer.concat(io.stdout).toString('base64'),
        stderr: Buffer.concat(io.stderr).toString('base64'),
      };
    },
  );
};
