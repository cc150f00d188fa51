// What an uploaded file really is, from its bytes, not from the name or Content-Type the client chose:
// features that accept files call `checkUploadedFile` with the kinds they accept (imports: csv/xlsx;
// evidence: pdf and images). The size limit is enforced by the multipart parser (HUIKUAN_MAX_UPLOAD_BYTES).
import { open, stat } from 'node:fs/promises';
import { invalid, msg } from '../platform/errors';
import { formatMessage } from '../shared/messages';
import { wideEncodingOf } from '../shared/wide-text';

export type UploadKind = 'csv' | 'xlsx' | 'pdf' | 'png' | 'jpeg' | 'webp' | 'text';

const SIGNATURES: { kind: UploadKind; bytes: number[]; offset?: number }[] = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'webp', bytes: [0x57, 0x45, 0x42, 0x50], offset: 8 }, // RIFF....WEBP
  { kind: 'xlsx', bytes: [0x50, 0x4b, 0x03, 0x04] }, // a zip container (Office Open XML)
];

const EXTENSIONS: Record<UploadKind, string[]> = {
  csv: ['csv', 'txt', 'tsv'],
  text: ['txt', 'csv', 'tsv'],
  xlsx: ['xlsx'],
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  webp: ['webp'],
};

/** The kind the bytes show, or null for binary content that is none of the known kinds. */
export function sniffUpload(head: Uint8Array): UploadKind | null {
  for (const signature of SIGNATURES) {
    const offset = signature.offset ?? 0;
    if (signature.bytes.every((byte, i) => head[offset + i] === byte)) return signature.kind;
  }
  // Text: few control characters (tab, CR, LF and the UTF-16 BOM are fine). UTF-16/32 without a BOM is
  // text too (its NULs fall in a pattern), and a stray NUL is counted, so the importer names its line.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16 || wideEncodingOf(head)) return 'text';
  let control = 0;
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return control <= head.length / 100 ? 'text' : null;
}

/** A 400 on the `file` field: the message names the file and says what is wrong with it. */
function refused(
  code: 'uploadNotAccepted' | 'uploadNameMismatch' | 'uploadZipDamaged' | 'uploadNotWorkbook',
  fileName: string,
  params: Record<string, string> = {},
) {
  const all = { file: fileName, ...params };
  const reason = formatMessage('en', code, all);
  return invalid(msg(code, all), [{ field: 'file', value: fileName, reason, code, params: all }]);
}

const listed = (kinds: UploadKind[]) => kinds.map((kind) => kind.toUpperCase()).join(' or ');

/**
 * Refuses (400, field `file`) a file whose first bytes are not one of `accepted`, or whose name claims
 * another kind; returns the kind found. Text counts as csv when csv is accepted. An xlsx here is only "a
 * zip archive": `checkUploadedFile` also looks inside it.
 */
export function checkUpload(fileName: string, head: Uint8Array, accepted: UploadKind[]): UploadKind {
  const found = sniffUpload(head);
  const kind = found === 'text' && accepted.includes('csv') ? 'csv' : found;
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!kind || !accepted.includes(kind)) {
    const content =
      found === 'xlsx' ? 'a zip archive' : found ? found.toUpperCase() : 'not a known file type';
    throw refused('uploadNotAccepted', fileName, { content, accepted: listed(accepted) });
  }
  if (fileName.includes('.') && !EXTENSIONS[kind].includes(extension)) {
    throw refused('uploadNameMismatch', fileName, { kind: kind.toUpperCase(), extension });
  }
  return kind;
}

// ZIP layout (APPNOTE 4.3): the end-of-central-directory record (EOCD, 22 bytes plus a comment of up to
// 65,535) ends the file and points at the central directory, one record per entry with its name.
const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const EOCD_MAX = 22 + 0xffff;
const DIRECTORY_MAX = 1 << 20; // an xlsx lists a few dozen parts; more is not a workbook

/** Where the central directory is, from the file's last bytes (`tail`); null if there is no EOCD. */
export function findZipDirectory(tail: Uint8Array): { offset: number; size: number; entries: number } | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    return {
      entries: view.getUint16(at + 10, true),
      size: view.getUint32(at + 12, true),
      offset: view.getUint32(at + 16, true),
    };
  }
  return null;
}

/** The entry names of a central directory; null if the records are not well-formed. */
export function zipEntryNames(directory: Uint8Array, entries: number): string[] | null {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const decoder = new TextDecoder();
  const names: string[] = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || view.getUint32(at, true) !== ENTRY_SIGNATURE) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.length) return null;
    names.push(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An Office Open XML workbook: the package's content types and the workbook part. */
export function isXlsxPackage(names: string[]): boolean {
  return names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml');
}

async function readAt(path: string, position: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The names inside a zip file, or null when it is not a readable zip. */
async function zipFileEntries(path: string, size: number): Promise<string[] | null> {
  const tailLength = Math.min(size, EOCD_MAX);
  const found = findZipDirectory(await readAt(path, size - tailLength, tailLength));
  if (!found || found.size > DIRECTORY_MAX || found.offset + found.size > size) return null;
  return zipEntryNames(await readAt(path, found.offset, found.size), found.entries);
}

/**
 * `checkUpload` on a received file, and for a zip also its contents: any zip starts like an xlsx, so a
 * zip that does not hold a workbook (an archive, a .docx) is refused too. Returns the kind.
 */
export async function checkUploadedFile(
  path: string,
  fileName: string,
  accepted: UploadKind[],
): Promise<UploadKind> {
  const head = await readAt(path, 0, 4096);
  const kind = checkUpload(fileName, head, accepted);
  if (kind === 'xlsx') {
    const { size } = await stat(path);
    const names = await zipFileEntries(path, size);
    if (!names) {
      throw refused('uploadZipDamaged', fileName);
    }
    if (!isXlsxPackage(names)) {
      throw refused('uploadNotWorkbook', fileName);
    }
  }
  return kind;
}
