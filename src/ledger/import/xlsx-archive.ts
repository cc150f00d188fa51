// Checks an XLSX (a zip) before anything parses it, so that a zip bomb, a cut-short download or a crafted
// archive is refused with a clear 400 instead of filling memory or ending in a stack trace:
// - the central directory must be complete, and its declared unpacked sizes within the caps;
// - the local headers must match it and follow one another, so a streaming reader sees the same parts;
// - every part is inflated once with its bytes counted (headers can lie), against its declared size and
//   the caps, and its CRC checked; XML parts must not carry a DTD (entity expansion: "billion laughs").
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import zlib from 'node:zlib';
import { fileProblem } from './file-problem';
import { type ImportLimits, megabytes } from './import-limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  packedSize: number;
  size: number;
  localOffset: number;
  /** Where the packed data starts (after the local header). */
  dataOffset: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SEARCH = 22 + 0xffff;

export const WORKBOOK_PART = 'xl/workbook.xml';
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
const isSheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

const truncated = () =>
  fileProblem(
    'archive_truncated',
    'the XLSX file is truncated (cut short, e.g. an interrupted download or copy): save or download it again',
  );
const invalidArchive = (why: string) =>
  fileProblem(
    'archive_invalid',
    `the XLSX file is not a valid zip archive (${why}): save it again from Excel`,
    {
      params: { why },
    },
  );

/** Reads the central directory and checks the local headers against it. */
export async function readZipDirectory(path: string): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const tailLength = Math.min(fileSize, END_SEARCH);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, fileSize - tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_SIGNATURE) {
        end = at;
        break;
      }
    }
    if (end < 0) throw truncated();
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) throw invalidArchive('ZIP64 is not read');
    if (directoryOffset + directorySize > fileSize - tailLength + end) throw truncated();
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE)
        throw invalidArchive('its table of contents is damaged');
      const nameLength = directory.readUInt16LE(at + 28);
      const skip = directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      entries.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        flags: directory.readUInt16LE(at + 8),
        method: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        packedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
        dataOffset: 0,
      });
      at += 46 + nameLength + skip;
    }
    // Local headers in file order, each right after the previous part, as a streaming reader walks them.
    const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
    let expected = 0;
    const local = Buffer.alloc(30);
    for (const entry of byOffset) {
      if (entry.localOffset !== expected) throw invalidArchive('its parts overlap or leave gaps');
      if (entry.localOffset + 30 > directoryOffset) throw truncated();
      await handle.read(local, 0, 30, entry.localOffset);
      if (local.readUInt32LE(0) !== LOCAL_SIGNATURE)
        throw invalidArchive(`the header of ${entry.name} is damaged`);
      const nameLength = local.readUInt16LE(26);
      const name = Buffer.alloc(nameLength);
      await handle.read(name, 0, nameLength, entry.localOffset + 30);
      if (name.toString('utf8') !== entry.name)
        throw invalidArchive(`${entry.name} is named twice differently`);
      if (entry.flags & 1) throw invalidArchive(`${entry.name} is encrypted`);
      if (entry.method !== 0 && entry.method !== 8)
        throw invalidArchive(`${entry.name} uses compression method ${entry.method}`);
      const described = (entry.flags & 8) !== 0;
      if (
        !described &&
        (local.readUInt32LE(18) !== entry.packedSize || local.readUInt32LE(22) !== entry.size)
      )
        throw invalidArchive(`the sizes of ${entry.name} disagree`);
      entry.dataOffset = entry.localOffset + 30 + nameLength + local.readUInt16LE(28);
      expected = entry.dataOffset + entry.packedSize;
      if (described) expected += await descriptorLength(handle, expected);
      if (expected > directoryOffset) throw truncated();
    }
    if (expected !== directoryOffset) throw invalidArchive('there are bytes outside its parts');
    return entries;
  } finally {
    await handle.close();
  }
}

/** A data descriptor after a part: 12 bytes, or 16 with its optional signature. */
async function descriptorLength(handle: import('node:fs/promises').FileHandle, at: number): Promise<number> {
  const head = Buffer.alloc(4);
  await handle.read(head, 0, 4, at);
  return head.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
}

/** Refuses what the directory declares beyond the caps, and a workbook without its parts. */
export function checkDeclaredSizes(entries: ZipEntry[], limits: ImportLimits): void {
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has(WORKBOOK_PART)) {
    throw fileProblem(
      'archive_part_missing',
      `the XLSX file has no ${WORKBOOK_PART} (the workbook part): it is not an Excel workbook or is damaged`,
      { value: WORKBOOK_PART, params: { part: WORKBOOK_PART } },
    );
  }
  if (!entries.some((entry) => isSheet(entry.name))) {
    throw fileProblem('archive_part_missing', 'the XLSX file has no worksheet', {
      value: 'xl/worksheets/sheet1.xml',
      params: { part: 'xl/worksheets/sheet1.xml' },
    });
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    tooLarge(entry.name, entry.size, limits);
  }
  if (total > limits.unpackedBytes) throw tooLargeProblem('the workbook', total, limits.unpackedBytes);
}

function partLimit(name: string, limits: ImportLimits): number {
  if (name === SHARED_STRINGS_PART) return limits.sharedStringsBytes;
  if (isSheet(name)) return limits.unpackedBytes;
  return limits.otherPartBytes;
}

function tooLarge(name: string, size: number, limits: ImportLimits): void {
  const limit = partLimit(name, limits);
  if (size > limit) throw tooLargeProblem(name, size, limit);
}

function tooLargeProblem(what: string, size: number, limit: number) {
  return fileProblem(
    'archive_too_large',
    `${what} unpacks to more than ${megabytes(limit)} (${size > limit * 4 ? 'many times ' : ''}the limit for one import; at least ${megabytes(size)}): split the file or import it as CSV`,
    { value: what, params: { part: what, limit: megabytes(limit), size: megabytes(size) } },
  );
}

/**
 * Inflates every part once, counting bytes: more than declared (so beyond the caps) or a wrong CRC is
 * refused, and so is a DTD in any XML part. Memory stays flat: nothing unpacked is kept.
 */
export async function checkUnpackedParts(path: string, entries: ZipEntry[]): Promise<void> {
  for (const entry of entries) {
    let size = 0;
    let crc = 0;
    let carry = '';
    const xml = /\.(xml|rels)$/i.test(entry.name);
    const packed =
      entry.packedSize > 0
        ? createReadStream(path, { start: entry.dataOffset, end: entry.dataOffset + entry.packedSize - 1 })
        : null;
    if (!packed) {
      if (entry.size !== 0) throw invalidArchive(`${entry.name} is damaged`);
      continue;
    }
    const stream = entry.method === 8 ? packed.pipe(zlib.createInflateRaw()) : packed;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // The declared sizes are within the caps (checkDeclaredSizes): what counts is that they hold.
        if (size > entry.size) throw invalidArchive(`${entry.name} unpacks to more than its header says`);
        crc = zlib.crc32(chunk, crc);
        if (xml) {
          const text = carry + chunk.toString('latin1');
          if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
            throw fileProblem(
              'xml_doctype',
              `${entry.name} declares a DTD (<!DOCTYPE>/<!ENTITY>), which Excel never writes and which can expand without limit: save the file again from Excel`,
              { value: entry.name, params: { part: entry.name } },
            );
          }
          carry = text.slice(-9);
        }
      }
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('Z_'))
        throw invalidArchive(`${entry.name} is damaged`);
      throw error;
    } finally {
      packed.destroy();
    }
    if (size !== entry.size) throw invalidArchive(`${entry.name} is shorter than its header says`);
    if (crc !== entry.crc) throw invalidArchive(`${entry.name} fails its checksum`);
  }
}

/** Every check above: the archive is safe to hand to a streaming reader. */
export async function checkXlsxArchive(path: string, limits: ImportLimits): Promise<ZipEntry[]> {
  const entries = await readZipDirectory(path);
  checkDeclaredSizes(entries, limits);
  await checkUnpackedParts(path, entries);
  return entries;
}

const CELL_REFERENCE = /<(c|row)\b[^>]*?\sr="([^"]*)"/g;
const MAX_COLUMN = 16384; // XFD
const MAX_ROW = 1048576;

function validReference(kind: string, ref: string): boolean {
  if (kind === 'row') return /^[1-9]\d{0,6}$/.test(ref) && Number(ref) <= MAX_ROW;
  const match = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  if (!match) return false;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return column <= MAX_COLUMN && Number(match[2]) <= MAX_ROW;
}

/**
 * The first cell or row reference of a sheet that Excel could not have written (ZZZZZZ0, a row 0), with the
 * row it is in: to say where a sheet that the reader refused is wrong.
 */
export async function firstBadReference(
  path: string,
  entry: ZipEntry,
): Promise<{ ref: string; row: number | null } | null> {
  const packed = createReadStream(path, {
    start: entry.dataOffset,
    end: entry.dataOffset + entry.packedSize - 1,
  });
  const stream = entry.method === 8 ? packed.pipe(zlib.createInflateRaw()) : packed;
  let carry = '';
  let row: number | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = carry + chunk.toString('utf8');
      const cut = text.lastIndexOf('<');
      const whole = cut > 0 ? text.slice(0, cut) : text;
      carry = cut > 0 ? text.slice(cut) : '';
      for (const match of whole.matchAll(CELL_REFERENCE)) {
        const [, kind, ref] = match;
        if (!validReference(kind, ref)) return { ref, row: kind === 'row' ? null : row };
        if (kind === 'row') row = Number(ref);
      }
    }
  } catch {
    return null; // checked before: cannot happen, and a diagnosis must not hide the first error
  } finally {
    packed.destroy();
  }
  return null;
}

export const sheetPart = isSheet;
