// Where a CLI command's output goes. Normally the process's own stdout and stderr; when a command is
// forwarded to the running server (src/cli/local-server.ts), it runs inside the server and its output is
// collected here and sent back to the `huikuan` process that asked, which prints it. Commands keep writing
// to process.stdout / process.stderr: inside a forwarded run those writes (and isTTY) are redirected through
// an AsyncLocalStorage, so nothing else the server writes meanwhile is caught.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AppContext } from '../platform/app';

export interface ForwardedIo {
  /** The server's application: commands use it instead of opening the store. */
  app: AppContext;
  stdout: Buffer[];
  stderr: Buffer[];
  /** Standard input the asking process read for the command (--password-stdin), if any. */
  stdin?: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** The asking process's language (its --locale, else LANG): files it asks for are written in it. */
  locale?: 'zh-CN' | 'en';
}

const storage = new AsyncLocalStorage<ForwardedIo>();

/** The forwarded run this code executes in, or undefined in an ordinary CLI process. */
export function forwardedIo(): ForwardedIo | undefined {
  return storage.getStore();
}

let installed = false;

function redirect(stream: NodeJS.WriteStream, pick: (io: ForwardedIo) => Buffer[], tty: keyof ForwardedIo) {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const io = storage.getStore();
    if (!io) return write(chunk, encoding, callback);
    pick(io).push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as typeof stream.write;
  const own = Object.getOwnPropertyDescriptor(stream, 'isTTY');
  const isTTY = Boolean(stream.isTTY);
  Object.defineProperty(stream, 'isTTY', {
    configurable: true,
    enumerable: own?.enumerable ?? true,
    get: () => {
      const io = storage.getStore();
      return io ? (io[tty] as boolean) : isTTY;
    },
  });
}

/** Runs fn with process.stdout / stderr writes collected into `io`. */
export function runForwarded<T>(io: ForwardedIo, fn: () => Promise<T>): Promise<T> {
  if (!installed) {
    installed = true;
    redirect(process.stdout, (io) => io.stdout, 'stdoutIsTTY');
    redirect(process.stderr, (io) => io.stderr, 'stderrIsTTY');
  }
  return storage.run(io, fn);
}
