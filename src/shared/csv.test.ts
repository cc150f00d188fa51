import { describe, expect, it } from 'vitest';
import { csvField } from './csv';

describe('csvField', () => {
  it('quotes separators and quotes, and keeps numbers and empty values plain', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(-12)).toBe('-12');
    expect(csvField(null)).toBe('');
    expect(csvField({ id: 7 })).toBe('"{""id"":7}"');
  });

  it('turns text a spreadsheet would run as a formula into text', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('王芳')).toBe('王芳');
  });
});
