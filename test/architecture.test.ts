// The shape the code keeps (issue 11, Structure): the platform knows no feature, and a feature touches
// another one's tables only through that module's exported functions. A static scan of the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every relative module a file names: static imports and exports (types too) and dynamic imports. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'/gm),
    ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map((match) => match[1]);
  return specifiers.filter((specifier) => specifier.startsWith('.'));
}

/** The top folder of src/ a path is in: `platform`, `auth`, `shared`... */
const topFolder = (path: string) => relative(SRC, path).split('/')[0];

describe('architecture', () => {
  it('src/platform imports no feature (the composition root in src/app wires them)', () => {
    const allowed = new Set(['platform', 'shared']);
    const offenders = sourceFiles(join(SRC, 'platform')).flatMap((file) =>
      relativeImports(file)
        .filter((specifier) => !allowed.has(topFolder(resolve(dirname(file), specifier))))
        .map((specifier) => `${relative(SRC, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds the imports it looks for (the scan itself works)', () => {
    const routes = relativeImports(join(SRC, 'app/routes.ts'));
    expect(routes.some((specifier) => specifier.startsWith('../ledger/'))).toBe(true);
  });

  it("the simulator reads ledger and user tables only through those modules' exported queries", () => {
    // src/ledger/snapshot (invoices and receipts as of a date, customers, rates) and src/auth/user-queries.
    const tables = 'invoice|allocation|payment|credit_note|customer|contact|entity|exchange_rate|app_user';
    const pattern = new RegExp(`\\b(?:from|join)\\s+(${tables})\\b`, 'gi');
    const offenders = sourceFiles(join(SRC, 'collections/simulator')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(pattern)].map((match) => `${relative(SRC, file)}: ${match[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('collections writes the audit log only through the auth module, never with its own SQL', () => {
    // The audit tables and SQL functions belong to auth (migration 0002 and after): lockAuditChain,
    // summariseAuditedStatements and the rest of src/auth/audit-queries.ts are the way in.
    const offenders = sourceFiles(join(SRC, 'collections')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\b(audit_[a-z_]+)\b/g)].map(
        (match) => `${relative(SRC, file)} names ${match[1]}`,
      ),
    );
    expect(offenders).toEqual([]);
  });
});
