import zlib from 'node:zlib';

// A minimal zip archive for upload tests: empty stored entries with these names (local headers, the central
// directory, the end record), enough for anything that reads a zip's table of contents.
export function zipOf(names: string[]): Uint8Array<ArrayBuffer> {
  const encoded = names.map((name) => new TextEncoder().encode(name));
  const localSize = encoded.reduce((sum, name) => sum + 30 + name.length, 0);
  const directorySize = encoded.reduce((sum, name) => sum + 46 + name.length, 0);
  const zip = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(zip.buffer);
  let local = 0;
  let entry = localSize;
  for (const name of encoded) {
    view.setUint32(local, 0x04034b50, true); // local file header
    view.setUint16(local + 26, name.length, true);
    zip.set(name, local + 30);
    view.setUint32(entry, 0x02014b50, true); // central directory record
    view.setUint16(entry + 28, name.length, true);
    view.setUint32(entry + 42, local, true);
    zip.set(name, entry + 46);
    local += 30 + name.length;
    entry += 46 + name.length;
  }
  view.setUint32(entry, 0x06054b50, true); // end of central directory
  view.setUint16(entry + 8, names.length, true);
  view.setUint16(entry + 10, names.length, true);
  view.setUint32(entry + 12, directorySize, true);
  view.setUint32(entry + 16, localSize, true);
  return zip;
}

export interface ZipPart {
  name: string;
  /** Raw deflate data (`deflated`) or the bytes to store. */
  data: Uint8Array;
  deflated?: boolean;
  /** Unpacked size written into the headers; a lying header says less than the data holds. */
  size: number;
  crc?: number;
}

/** A zip of the given parts (stored or raw-deflated), with the sizes the caller declares. */
export function zipParts(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.deflated ? 8 : 0, 8);
    local.writeUInt32LE(part.crc ?? 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    name.copy(local, 30);
    const entry = Buffer.alloc(46 + name.length);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(part.deflated ? 8 : 0, 10);
    entry.writeUInt32LE(part.crc ?? 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    name.copy(entry, 46);
    locals.push(local, Buffer.from(part.data));
    central.push(entry);
    offset += local.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a zip as written by a real tool (exceljs), to rebuild them altered with `zipParts`. */
export function unzipParts(zip: Uint8Array): ZipPart[] {
  const buffer = Buffer.from(zip);
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const packed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    parts.push({ name, data: buffer.subarray(start, start + packed), deflated: method === 8, size, crc });
    at += 46 + nameLength + extra;
  }
  return parts;
}

/**
 * Raw deflate of `head`, then `body` repeated `times`, then `tail`, without ever holding the unpacked
 * text: each piece is flushed so that it can be repeated as it is (a zip bomb of gigabytes in megabytes).
 */
export function deflatedRepeat(head: string, body: string, times: number, tail: string): Uint8Array {
  const flushed = (text: string) => {
    const stream = zlib.deflateRawSync(Buffer.from(text, 'utf8'), {
      finishFlush: zlib.constants.Z_FULL_FLUSH,
    });
    return stream;
  };
  const one = flushed(body);
  const pieces: Buffer[] = [flushed(head)];
  for (let i = 0; i < times; i++) pieces.push(one);
  pieces.push(zlib.deflateRawSync(Buffer.from(tail, 'utf8')));
  return Buffer.concat(pieces);
}
