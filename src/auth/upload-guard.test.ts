import { describe, expect, it } from 'vitest';
import { checkUpload, sniffUpload } from './upload-guard';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('upload guard', () => {
  it('recognises files by their first bytes', () => {
    expect(sniffUpload(text('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffUpload(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffUpload(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffUpload(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('xlsx');
    expect(sniffUpload(text('客户编号,客户名称\nC001,上海明达\n'))).toBe('text');
    expect(sniffUpload(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03))).toBeNull(); // a Windows executable
  });

  it('accepts what the feature accepts and refuses the rest with 415', () => {
    expect(checkUpload('invoices.csv', text('a,b\n1,2\n'), ['csv', 'xlsx'])).toBe('csv');
    expect(checkUpload('应收.xlsx', bytes(0x50, 0x4b, 0x03, 0x04), ['csv', 'xlsx'])).toBe('xlsx');
    expect(() => checkUpload('invoices.csv', bytes(0x4d, 0x5a, 0x90, 0x00), ['csv'])).toThrow(/not csv/);
    expect(() => checkUpload('签收单.pdf', text('<script>alert(1)</script>'), ['pdf', 'png'])).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
    // A PDF renamed to look like a picture is refused too.
    expect(() => checkUpload('photo.png', text('%PDF-1.4'), ['pdf', 'png'])).toThrow(/name says \.png/);
  });
});
