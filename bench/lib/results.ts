// bench/RESULTS.md holds one section per benchmark between markers; a run replaces its own section and
// leaves the others as they were.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'RESULTS.md');

const HEADER = `# Benchmark results

Written by \`npm run bench\` (or \`npm run bench -- <name>\`); each section is replaced by its benchmark's
latest run. Figures are real measurements from the run whose date and machine are given in the section;
the machine is shared, so compare a figure with the baseline measured in the same run.
`;

export function writeSection(name: string, markdown: string, file = RESULTS_FILE): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) text = text.slice(0, from) + block + text.slice(to + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}

/** A markdown table from a header row and rows of cells. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** True when the file is run directly (`tsx bench/x.bench.ts`), not imported by bench/run.ts. */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(metaUrl) === process.argv[1];
}
