// Malformed import files, built byte by byte: each must be refused with a clear 400 naming where, never a 500.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { deflatedRepeat, unzipParts, type ZipPart, zipParts } from '../support/zip';

const HEADER = '客户编码,客户名称,发票号,开票日期,到期日,金额,币种';
const ROW = 'C001,上海甲公司,INV-001,2024-01-06,2024-02-05,1234.50,CNY';

/** A small valid invoices workbook as zip parts. */
export async function workbookParts(): Promise<ZipPart[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('应收');
  sheet.addRow(HEADER.split(','));
  sheet.addRow(['C001', '上海甲公司', 'INV-001', '2024-01-06', '2024-02-05', 1234.5, 'CNY']);
  return unzipParts(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const deflate = (text: string) => zlib.deflateRawSync(Buffer.from(text, 'utf8'));

/** The workbook with one part's text replaced (deflated, honest sizes). */
function withPart(parts: ZipPart[], name: string, text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const crc = zlib.crc32(bytes);
  const changed = parts.map((part) =>
    part.name === name ? { name, data: deflate(text), deflated: true, size: bytes.length, crc } : part,
  );
  if (!parts.some((part) => part.name === name))
    changed.push({ name, data: deflate(text), deflated: true, size: bytes.length, crc });
  return zipParts(changed);
}

const inflate = (part: ZipPart) =>
  (part.deflated ? zlib.inflateRawSync(part.data) : Buffer.from(part.data)).toString('utf8');

export interface MalformedFile {
  name: string;
  fileName: string;
  bytes: Buffer;
  /** What the answer's message must say. */
  says: RegExp;
}

export async function malformedFiles(): Promise<MalformedFile[]> {
  const parts = await workbookParts();
  const sheet = parts.find((part) => part.name === 'xl/worksheets/sheet1.xml')!;
  const sheetXml = inflate(sheet);
  const csv = `${HEADER}\n${ROW}\n`;
  const laughs = [
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`),
    ']>',
  ].join('');
  const whole = Buffer.from(await (async () => zipParts(parts))());
  return [
    {
      name: 'UTF-16LE without a byte-order mark',
      fileName: 'utf16.csv',
      bytes: iconv.encode(csv, 'utf-16le'),
      says: /UTF-16/,
    },
    {
      name: 'UTF-32 without a byte-order mark',
      fileName: 'utf32.csv',
      bytes: Buffer.from(Uint32Array.from([...csv].map((ch) => ch.codePointAt(0)!)).buffer as ArrayBuffer),
      says: /UTF-32/,
    },
    {
      name: 'a NUL byte in a UTF-8 row',
      fileName: 'nul.csv',
      bytes: Buffer.from(`${HEADER}\n${ROW}\nC002,乙\0公司,INV-002,2024-01-06,2024-02-05,1,CNY\n`, 'utf8'),
      says: /line 3.*NUL/,
    },
    {
      name: 'an XLSX without its workbook part',
      fileName: 'no-workbook.xlsx',
      bytes: zipParts(parts.filter((part) => part.name !== 'xl/workbook.xml')),
      says: /xl\/workbook\.xml/,
    },
    {
      name: 'malformed sheet XML',
      fileName: 'bad-xml.xlsx',
      bytes: withPart(parts, 'xl/worksheets/sheet1.xml', sheetXml.replace('</row>', '</rov>')),
      says: /not well-formed|cannot be read/,
    },
    {
      name: 'a DTD entity (billion laughs) in the sheet',
      fileName: 'laughs.xlsx',
      bytes: withPart(
        parts,
        'xl/worksheets/sheet1.xml',
        sheetXml.replace(/^<\?xml[^>]*\?>/, laughs).replace('>C001<', '>&lol9;<'),
      ),
      says: /DTD|DOCTYPE/,
    },
    {
      name: 'a bad cell reference',
      fileName: 'bad-ref.xlsx',
      bytes: withPart(parts, 'xl/worksheets/sheet1.xml', sheetXml.replace(/r="A2"/, 'r="ZZZZZZ0"')),
      says: /ZZZZZZ0/,
    },
    {
      name: 'a truncated zip',
      fileName: 'truncated.xlsx',
      bytes: whole.subarray(0, Math.floor(whole.length * 0.6)),
      says: /truncated/,
    },
  ];
}

/**
 * An XLSX whose shared strings unpack to `bytes` (of `<si><t>…</t></si>` items) from a few megabytes. With
 * `lie`, the zip's headers claim the part is 1 KB.
 */
export async function zipBomb(bytes: number, lie = false): Promise<Buffer> {
  const parts = await workbookParts();
  const item = `<si><t>${'x'.repeat(1000)}</t></si>`;
  const body = item.repeat(Math.floor((1 << 20) / item.length));
  const times = Math.ceil(bytes / body.length);
  const head =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const bomb: ZipPart = {
    name: 'xl/sharedStrings.xml',
    data: deflatedRepeat(head, body, times, '</sst>'),
    deflated: true,
    size: lie ? 1024 : Math.min(body.length * times + head.length + 6, 0xffffffff),
  };
  // The shared strings first, as a bomb would put them: before the sheet that refers to them.
  const rest = parts.filter((part) => part.name !== 'xl/sharedStrings.xml');
  return zipParts([...rest.slice(0, 2), bomb, ...rest.slice(2)]);
}
