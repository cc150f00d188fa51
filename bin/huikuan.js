#!/usr/bin/env node
// Thin launcher so `npx huikuan ...` works without a build step: registers tsx's TypeScript loader in this
// very process and runs the CLI here. No child process: a signal (even kill -9) to `huikuan` ends the
// command itself, never leaving a node child running on (an import committing after it was "stopped").
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
register({ tsconfig: join(root, 'tsconfig.json') });
await import(pathToFileURL(join(root, 'src/cli/main.ts')).href);
