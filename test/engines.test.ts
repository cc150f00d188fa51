// `npm ci` on the oldest Node that package.json declares must not warn EBADENGINE: every package in the lock
// file must accept that version (content-disposition@3 and cookie@2 wanted Node 22 while we declare 20.19).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

type Version = [number, number, number];

/** `20`, `20.19`, `20.x`, `20.19.0`: the lowest version meant, and how many parts were given. */
function parseVersion(text: string): { version: Version; parts: number } {
  const parts = text
    .replace(/^v/, '')
    .split('.')
    .filter((part) => part !== 'x' && part !== '*' && part !== '');
  const [major = 0, minor = 0, patch = 0] = parts.map(Number);
  return { version: [major, minor, patch], parts: parts.length };
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies one comparator: `>=18`, `^20.19.0`, `~1.2`, `20`, `*`. */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator);
  if (!match) throw new Error(`unreadable engine range part: ${comparator}`);
  const [, operator = '', rest] = match;
  if (rest === '*' || rest === 'x' || rest === '') return true;
  const { version: bound, parts } = parseVersion(rest);
  const order = compare(version, bound);
  const below = (upper: Version) => compare(version, upper) < 0;
  switch (operator) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
    case '^':
      return order >= 0 && below(bound[0] > 0 ? [bound[0] + 1, 0, 0] : [0, bound[1] + 1, 0]);
    case '~':
      return order >= 0 && below(parts >= 2 ? [bound[0], bound[1] + 1, 0] : [bound[0] + 1, 0, 0]);
    default: // a bare version or x-range: 20 means 20.x.x, 20.19 means 20.19.x
      if (parts === 3) return order === 0;
      return order >= 0 && below(parts === 2 ? [bound[0], bound[1] + 1, 0] : [bound[0] + 1, 0, 0]);
  }
}

/** npm's engine ranges: alternatives split by `||`, each a list of comparators (`>= 14` spaced or not). */
function satisfies(versionText: string, range: string): boolean {
  const { version } = parseVersion(versionText);
  return range.split('||').some((alternative) => {
    const comparators = alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/);
    return comparators.every((comparator) => satisfiesComparator(version, comparator));
  });
}

describe('Node engines', () => {
  const declared = readJson('package.json').engines.node as string;
  const oldest = /^>=\s*([\d.]+)$/.exec(declared)?.[1];

  it('reads npm ranges as npm does', () => {
    expect(satisfies('20.19.0', '>=22')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.18.9', '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies('20.19.0', '^8.16.0 || ^10.6.0 || >=11.0.0')).toBe(true);
    expect(satisfies('20.19.0', '18 || 20 || >=22')).toBe(true);
    expect(satisfies('21.0.0', '18 || 20 || >=22')).toBe(false);
    expect(satisfies('20.19.0', '>= 0.6.3')).toBe(true);
    expect(satisfies('20.19.0', '~20.18')).toBe(false);
  });

  it('declares a lowest Node version', () => {
    expect(oldest, `engines.node is ${declared}`).toMatch(/^\d+\.\d+/);
  });

  it('installs only packages that run on the lowest declared Node', () => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
    };
    const refused = Object.entries(lock.packages)
      .filter(([path, entry]) => {
        const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return path !== '' && node !== undefined && !satisfies(oldest ?? '0', node);
      })
      .map(
        ([path, entry]) => `${path}@${entry.version} wants node ${(entry.engines as { node: string }).node}`,
      );
    expect(refused).toEqual([]);
  });
});
