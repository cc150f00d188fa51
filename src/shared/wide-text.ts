// Text in UTF-16 or UTF-32 saved without a byte-order mark: the upload check must not take it for binary,
// and the importer must say what it is rather than read it as UTF-8 garbage.

/**
 * UTF-16 or UTF-32 without a byte-order mark, told by where its NUL bytes fall: ASCII in UTF-16LE has a NUL
 * after every character, in UTF-32LE three. null: no such pattern (no NULs, or a stray one).
 */
export function wideEncodingOf(sample: Uint8Array): 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | null {
  const length = Math.min(sample.length, 4096) & ~3;
  if (length < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < length; i++) if (sample[i] === 0) zeros[i & 3]++;
  const share = zeros.map((count) => count / (length / 4));
  if (share[2] > 0.9 && share[3] > 0.9 && share[0] < 0.5) return 'utf-32le';
  if (share[0] > 0.9 && share[1] > 0.9 && share[3] < 0.5) return 'utf-32be';
  const odd = (share[1] + share[3]) / 2;
  const even = (share[0] + share[2]) / 2;
  if (odd > 0.3 && even < 0.05) return 'utf-16le';
  if (even > 0.3 && odd < 0.05) return 'utf-16be';
  return null;
}
