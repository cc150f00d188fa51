// What an uploaded file really is, from its first bytes, not from the name or Content-Type the client
// chose: features that accept files call `checkUpload` with the kinds they accept (imports: csv/xlsx;
// evidence: pdf and images). The size limit is enforced by the multipart parser (HUIKUAN_MAX_UPLOAD_BYTES).
import { AppError } from '../platform/errors';

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
  // Text: no NUL bytes and few control characters (tab, CR, LF and the UTF-16 BOM are fine).
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (utf16) return 'text';
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return null;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) control++;
  }
  return control <= head.length / 100 ? 'text' : null;
}

/**
 * Refuses (415) a file whose content is not one of `accepted`, or whose name claims another kind; returns
 * the kind found. Text counts as csv when csv is accepted.
 */
export function checkUpload(fileName: string, head: Uint8Array, accepted: UploadKind[]): UploadKind {
  const found = sniffUpload(head);
  const kind = found === 'text' && accepted.includes('csv') ? 'csv' : found;
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (!kind || !accepted.includes(kind)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${fileName}: the content is not ${accepted.join(' or ')}`);
  }
  if (fileName.includes('.') && !EXTENSIONS[kind].includes(extension)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `${fileName}: the content is ${kind}, the name says .${extension}`,
    );
  }
  return kind;
}
