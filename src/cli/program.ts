// The `huikuan` command tree, built fresh for each run: by the `huikuan` process itself (main.ts) and by a
// server running a command forwarded to it (local-server.ts).
import { Command } from 'commander';
import { linkFeatures } from '../app/feature-links';
import { registerCommands } from './commands';

export function buildProgram(options: { exitOverride?: boolean } = {}): Command {
  // Every command sees the features linked as the server does (the case view's late interest).
  linkFeatures();
  const program = new Command()
    .name('huikuan')
    .description('回款 huikuan — receivables ledger, credit and collections')
    .version('0.1.0')
    .option('--locale <locale>', 'language of messages: zh-CN or en (default from LANG)')
    .showHelpAfterError();
  if (options.exitOverride) program.exitOverride();
  registerCommands(program);
  return program;
}
