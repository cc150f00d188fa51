// Every user-facing error names a message of the catalog, so a zh-CN user never reads English: AppError,
// invalid(), conflict() and forbidden() take only `msg(code, params)` (a type-level rule, checked by tsc), and
// this scan of src/ refuses a text literal handed to them even through a cast. The catalog itself has both
// languages of every message, with the same parameters.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { AppError, conflict, invalid, msg } from '../../platform/errors';
import { MESSAGES } from './catalog';
import { formatMessage, problemText } from './format';

const SRC = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Where the message argument of an error constructor is text rather than a coded message. */
function literalMessages(path: string, text = readFileSync(path, 'utf8')): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const isText = (node: ts.Node | undefined): boolean => {
    if (!node) return false;
    while (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node))
      node = node.expression;
    return (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node) ||
      (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) ||
      (ts.isConditionalExpression(node) && (isText(node.whenTrue) || isText(node.whenFalse)))
    );
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const callee = node.expression.getText(file);
      const args = node.arguments ?? ts.factory.createNodeArray();
      const message =
        ts.isNewExpression(node) && callee === 'AppError'
          ? args[1]
          : ts.isCallExpression(node) && ['invalid', 'conflict', 'forbidden'].includes(callee)
            ? args[0]
            : undefined;
      if (isText(message)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${relative(SRC, path)}:${line + 1}: ${node.getText(file).slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('user-facing errors come from the message catalog', () => {
  it('no error in src/ is constructed with a text literal instead of msg(code, params)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((path) => literalMessages(path))).toEqual([]);
  });

  it('CLI commands report a user mistake as a coded error, not a bare Error', () => {
    const commands = sourceFiles(join(SRC, 'cli/commands'));
    const bare = commands.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bnew Error\(/.test(line) ? [`${relative(SRC, path)}:${i + 1}`] : [])),
    );
    expect(bare).toEqual([]);
  });

  it('the scan finds a literal, a template, a concatenation and a cast literal, not msg()', () => {
    const sample = [
      "throw invalid('plain');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the scan
      'throw conflict(`Case ${id} is closed`);',
      "throw forbidden('Not ' + 'allowed');",
      "throw new AppError('CONFLICT', 'x' as never);",
      "throw invalid(msg('caseClosed', { id }));",
      "throw new AppError('CONFLICT', msg('caseClosed', { id }));",
    ].join('\n');
    expect(literalMessages(join(SRC, 'sample.ts'), sample).map((hit) => hit.split(':')[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  it('the constructors take only coded messages', () => {
    // tsc fails on this file if a constructor accepts plain text again (the directives would be unused).
    const refused = () => [
      // @ts-expect-error plain text is refused: give msg(code, params)
      invalid('plain text'),
      // @ts-expect-error plain text is refused: give msg(code, params)
      new AppError('CONFLICT', 'plain text'),
    ];
    expect(refused).toBeTypeOf('function');
    const coded = conflict(msg('caseClosed', { id: 7 }));
    expect(coded.toPayload()).toMatchObject({ messageCode: 'caseClosed', message: 'Case 7 is closed' });
    expect(coded.localized('zh-CN')).toBe('案件 7 已结案');
  });
});

describe('the catalog', () => {
  it('has both languages of every message, the Chinese with no parameter the English lacks', () => {
    for (const [code, text] of Object.entries(MESSAGES)) {
      expect(text.en.trim(), code).not.toBe('');
      expect(text['zh-CN'].trim(), code).not.toBe('');
      const words = text.en.replace(/\{\w+\}/g, '').replace(/[^A-Za-z]/g, '');
      if (words.length > 8) expect(text['zh-CN'], code).toMatch(/[\u4e00-\u9fff]/);
      const en = new Set(placeholders(text.en));
      for (const name of placeholders(text['zh-CN'])) expect(en.has(name), `${code}: {${name}}`).toBe(true);
    }
  });

  it('formats a message nested in another in the same language', () => {
    const params = { line: 3, reason: { messageCode: 'nul_byte' as const, params: {} } };
    expect(formatMessage('en', 'fileUnreadableAt', params)).toMatch(
      /^The file cannot be read at line 3: the line holds a NUL byte/,
    );
    expect(formatMessage('zh-CN', 'fileUnreadableAt', params)).toMatch(
      /^无法读取文件（第 3 行）：该行含有 NUL 字节/,
    );
  });

  it('renders import problems by their code, shared with the web (no copy in web/src/i18n)', () => {
    const problem = {
      reason: 'a totals row (合计), not a record: skipped',
      code: 'totals_row',
      params: { word: '合计' },
    };
    expect(problemText('zh-CN', problem)).toBe('合计行（合计），不是记录：已跳过');
    expect(problemText('en', problem)).toBe('a totals row (合计), not a record: skipped');
    const web = join(SRC, '../web/src/i18n');
    const webTexts = readdirSync(web).map((name) => readFileSync(join(web, name), 'utf8'));
    expect(webTexts.filter((text) => /'problem\.\w+'/.test(text))).toEqual([]);
  });
});
