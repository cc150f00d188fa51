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
