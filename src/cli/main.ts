// The `huikuan` command. Each feature registers its subcommands from src/cli/commands; commands are thin
// wrappers over the same use cases the API calls.
import { Command } from 'commander';
import { registerCommands } from './commands';
import { reportCliError } from './context';
import { stripControlsOnWrite } from './safe-output';

stripControlsOnWrite(process.stdout);

const program = new Command()
  .name('huikuan')
  .description('回款 huikuan — receivables ledger, credit and collections')
  .version('0.1.0')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((error) => {
  process.exitCode = reportCliError(error);
});
