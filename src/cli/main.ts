// The `huikuan` command. Each feature registers its subcommands from src/cli/commands; commands are thin
// wrappers over the same use cases the API calls. When a server holds the PGlite data folder, commands run
// inside that server (src/cli/local-server.ts): a second process on the folder would lose its writes.
import { reportCliError } from './context';
import { ForwardedExit, forwardToLocalServer } from './local-server';
import { buildProgram } from './program';
import { stripControlsOnWrite } from './safe-output';

stripControlsOnWrite(process.stdout);

const program = buildProgram();
forwardToLocalServer(program);

program.parseAsync(process.argv).catch((error) => {
  process.exitCode = error instanceof ForwardedExit ? error.exitCode : reportCliError(error);
});
