// biome-ignore-all lint/suspicious/noControlCharactersInRegex: the tests look for control characters
import { describe, expect, it } from 'vitest';
import { attachment } from '../platform/http/content-disposition';
import {
  findControlCharacter,
  findExcessiveJsonDepth,
  jsonDepth,
  normalizeCode,
  showControls,
  stripTerminalControls,
} from './text';

describe('text from outside', () => {
  it('finds control characters, allowing line breaks only in free text', () => {
    expect(findControlCharacter('华为 (深圳)')).toBeNull();
    expect(findControlCharacter('a\u0000b')).toBe('\u0000');
    expect(findControlCharacter('a\nb')).toBe('\n');
    expect(findControlCharacter('a\r\n\tb', true)).toBeNull();
    expect(findControlCharacter('a\u009bb', true)).toBe('\u009b');
    expect(showControls('a\u0000b\u001b')).toBe('a<U+0000>b<U+001B>');
  });

  it('strips escape sequences whole, keeping the text and line breaks', () => {
    expect(stripTerminalControls('\u001b]0;title\u0007红\u001b[1;31m色\u001b[0m\u009b2J公司\n')).toBe(
      '红色公司\n',
    );
    expect(stripTerminalControls('a\u0000\u0007b\tc')).toBe('ab\tc');
  });

  it('normalises codes: NFKC, no invisible characters, trimmed', () => {
    expect(normalizeCode('\ufeffＣ００１\u200b ')).toBe('C001');
    expect(normalizeCode('C\u00ad0\u200d01')).toBe('C001');
    expect(normalizeCode('华为-01')).toBe('华为-01');
  });

  it('measures JSON nesting on the text, ignoring brackets in strings, and names the place', () => {
    expect(findExcessiveJsonDepth('{"a":"[[[[[[","b":[1,[2]]}', 3)).toBeNull();
    expect(findExcessiveJsonDepth('{"a":{"b":{"c":{}}}}', 3)).toEqual({ path: 'a.b.c', depth: 4 });
    expect(findExcessiveJsonDepth('{"x\\"y":[[[]]]}', 3)).toEqual({ path: 'x\\"y', depth: 4 });
    expect(findExcessiveJsonDepth(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 32)?.depth).toBe(33);
    expect(jsonDepth({ a: [1, { b: {} }] })).toBe(4);
    expect(jsonDepth('text')).toBe(0);
  });

  it('names downloads per RFC 6266 / 5987', () => {
    expect(attachment('statement-C001-2026-01-31.csv')).toBe(
      `attachment; filename="statement-C001-2026-01-31.csv"; filename*=UTF-8''statement-C001-2026-01-31.csv`,
    );
    expect(attachment(`对账单 'a'(1)*.csv`)).toBe(
      `attachment; filename="___ 'a'(1)*.csv"; filename*=UTF-8''%E5%AF%B9%E8%B4%A6%E5%8D%95%20%27a%27%281%29%2A.csv`,
    );
  });
});
