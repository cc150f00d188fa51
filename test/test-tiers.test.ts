// The test tiers of vitest.config.ts: `npm run test:unit` runs the unit tier, which must need neither a
// database nor a browser; `npm test` runs every tier, and every test file belongs to exactly one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { ALL_TESTS, BROWSER_TESTS, UNIT_TESTS } from '../vitest.config';

const ROOT = resolve(import.meta.dirname, '..');

/** The glob forms the config uses: `**` for any folders, `*` within one name. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('/')
    .map((part) =>
      part === '**'
        ? '(?:[^/]+/)*'
        : `${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}/`,
    )
    .join('')
    .replaceAll('(?:[^/]+/)*/', '(?:[^/]+/)*')
    .slice(0, -1);
  return new RegExp(`^${source}$`);
}
const matchesAny = (file: string, globs: string[]) => globs.some((glob) => globToRegExp(glob).test(file));

/** Every *.test.ts(x) in the repository outside node_modules, as a path from the root. */
function testFiles(dir = ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (/\.test\.tsx?$/.test(entry.name)) found.push(relative(ROOT, path));
  }
  return found.sort();
}

// What makes a test slow or needs a machine set up: a store (PGlite or PostgreSQL), a server with one, the
// CLI (a child process on a store) or Chromium.
const NEEDS_MACHINE = [
  /support\/stores$/,
  /support\/cli$/,
  /browser\/support$/,
  /auth\/helpers$/,
  /platform\/db\/(store|migrate|pglite-store|postgres-store)$/,
  /^(pg|@electric-sql\/pglite|playwright-core)$/,
];

/** The modules a file imports for their values (not `import type`), followed through test/ helpers. */
function valueImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    if (match[1]) continue;
    const target = match[2];
    found.push(target);
    if (target.startsWith('.')) {
      const resolved = relative(ROOT, resolve(ROOT, dirname(file), target));
      if (resolved.startsWith('test/')) found.push(...valueImports(`${resolved}.ts`, seen));
    }
  }
  return found;
}

describe('test tiers', () => {
  const files = testFiles();
  const unit = files.filter((file) => matchesAny(file, UNIT_TESTS));
  const browser = files.filter((file) => matchesAny(file, BROWSER_TESTS));

  it('defines the unit, integration and browser projects that npm scripts name', () => {
    const projects = (config.test?.projects ?? []) as { test?: { name?: string } }[];
    expect(projects.map((project) => project.test?.name)).toEqual(['unit', 'integration', 'browser']);
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts['test:unit']).toBe('vitest run --project unit');
  });

  it('runs every test file in the full run, in one tier only', () => {
    expect(files.filter((file) => !matchesAny(file, ALL_TESTS))).toEqual([]);
    expect(unit.filter((file) => browser.includes(file))).toEqual([]);
    // Every name in the unit list is a file that exists (a renamed test would silently move tier).
    const named = UNIT_TESTS.filter((glob) => !glob.includes('*'));
    expect(named.filter((file) => !files.includes(file))).toEqual([]);
    expect(unit.length).toBeGreaterThan(10);
  });

  it('keeps the unit tier free of stores, servers, the CLI and the browser', () => {
    const offenders = unit.flatMap((file) =>
      valueImports(file)
        .filter((target) => NEEDS_MACHINE.some((pattern) => pattern.test(target)))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
