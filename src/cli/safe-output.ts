// Everything the CLI writes to standard output passes through here once: customer names, notes and error
// values are data, and an escape sequence in one of them must not clear the screen, set the window title
// or recolour the terminal. Progress bars draw on standard error with their own escape codes, untouched.
import { stripTerminalControls } from '../shared/text';

type Write = typeof process.stdout.write;

/** Makes `stream.write` drop control characters (keeping tabs and line breaks) from text chunks. */
export function stripControlsOnWrite(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? stripTerminalControls(chunk) : chunk, ...rest)) as Write;
}
