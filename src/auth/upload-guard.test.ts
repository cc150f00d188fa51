import { describe, expect, it } from 'vitest';
import { zipOf } from '../../test/support/zip';
import { checkUpload, findZipDirectory, isXlsxPackage, sniffUpload, zipEntryNames } from './upload-guard';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

function namesIn(zip: Uint8Array): string[] | null {
  const found = findZipDirectory(zip);
  if (!found) return null;
  return zipEntryNames(zip.subarray(found.offset, found.offset + found.size), found.entries);
}

describe('upload guard', () => {
  it('recognises files by their first bytes', () => {
    expect(sniffUpload(text('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffUpload(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffUpload(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffUpload(bytes(0x50, 0x4b, 0x03, 0x04, 0x14))).toBe('xlsx');
    expect(sniffUpload(text('客户编号,客户名称\nC001,上海明达\n'))).toBe('text');
    expect(sniffUpload(bytes(0x4d, 0x5a, 0x90, 0x00, 0x03))).toBeNull(); // a Windows executable
  });

  it('accepts what the feature accepts and refuses the rest with a 400 on the file', () => {
    expect(checkUpload('invoices.csv', text('a,b\n1,2\n'), ['csv', 'xlsx'])).toBe('csv');
    expect(checkUpload('应收.xlsx', bytes(0x50, 0x4b, 0x03, 0x04), ['csv', 'xlsx'])).toBe('xlsx');
    expect(() => checkUpload('invoices.csv', bytes(0x4d, 0x5a, 0x90, 0x00), ['csv'])).toThrow(
      /not a known file type, not CSV/,
    );
    expect(() => checkUpload('签收单.pdf', text('<script>alert(1)</script>'), ['pdf', 'png'])).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', status: 400 }),
    );
    // A PDF renamed to look like a picture is refused too.
    expect(() => checkUpload('photo.png', text('%PDF-1.4'), ['pdf', 'png'])).toThrow(/name says \.png/);
  });

  it('reads the entry names of a zip, so that only a workbook passes for xlsx', () => {
    const workbook = zipOf([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(namesIn(workbook)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(isXlsxPackage(namesIn(workbook)!)).toBe(true);
    expect(isXlsxPackage(namesIn(zipOf(['[Content_Types].xml', 'word/document.xml']))!)).toBe(false); // .docx
    expect(isXlsxPackage(namesIn(zipOf(['photos/a.jpg', 'notes.txt']))!)).toBe(false);
    expect(findZipDirectory(text('PK\x03\x04 not really a zip'))).toBeNull();
  });
});
