// `npm run bench [-- name ...]`: runs every bench/*.bench.ts (or the named ones, e.g. `import`), each in a
// process of its own so that one benchmark's memory and connections do not skew the next. Each benchmark
// prints its figures and writes its own section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !all.includes(`${name}.bench.ts`));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(', ')}; have: ${all.map((f) => f.slice(0, -9)).join(', ')}\n`,
  );
  process.exit(2);
}
const files = wanted.length > 0 ? wanted.map((name) => `${name}.bench.ts`) : all;

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`=== ${file} FAILED (exit ${result.status}) after ${seconds} s ===\n`);
  } else {
    process.stdout.write(`=== ${file} done in ${seconds} s ===\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);
