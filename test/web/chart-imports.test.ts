// ECharts is half a megabyte: only screens that draw a chart may load it, and the collections screens load
// it lazily (React.lazy) where they do. This walks the static imports of the web app's modules — what the
// browser must fetch before a page renders — and checks that pages without charts never reach ECharts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const webSrc = resolve(import.meta.dirname, '../../web/src');

/** Static `import … from '…'`, `import '…'` and `export … from '…'`; not `import('…')`. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s(?:type\s)?[^;'"]*?from\s*'([^']+)'/gms)) {
    if (!/^\s*(?:import|export)\s+type\s/.test(m[0])) specifiers.push(m[1]);
  }
  for (const m of text.matchAll(/^\s*import\s*'([^']+)'/gm)) specifiers.push(m[1]);
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  return null;
}

/** The import chain from `page` to a package whose name starts with `pkg`, or null. */
function chainTo(page: string, pkg: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, path: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith(pkg)) return [...path, specifier];
      if (!specifier.startsWith('.')) continue;
      const next = resolveLocal(file, specifier);
      const found = next && walk(next, [...path, relative(webSrc, next)]);
      if (found) return found;
    }
    return null;
  };
  return walk(join(webSrc, page), [page]);
}

describe('ECharts in the web bundle', () => {
  it('is not imported statically by the collections pages without charts', () => {
    for (const page of [
      'pages/collections/CaseListPage.tsx',
      'pages/collections/CaseDetailPage.tsx',
      'pages/collections/StrategyEditorPage.tsx',
      'pages/collections/StrategyListPage.tsx',
      'pages/collections/SimulatorPage.tsx', // its chart comes with React.lazy
    ]) {
      expect(chainTo(page, 'echarts'), page).toBeNull();
    }
  });

  it('is reached by the chart modules (the walk sees what it should)', () => {
    expect(chainTo('pages/collections/LineChart.tsx', 'echarts')).not.toBeNull();
    expect(chainTo('pages/analytics/DashboardPage.tsx', 'echarts')).toEqual([
      'pages/analytics/DashboardPage.tsx',
      'pages/analytics/Chart.tsx',
      'echarts/charts',
    ]);
  });
});
