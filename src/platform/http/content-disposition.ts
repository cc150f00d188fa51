// `Content-Disposition: attachment` for a download whose name holds user data (a customer code): an ASCII
// fallback for old clients plus the exact name encoded per RFC 6266 / RFC 5987, so that quotes, semicolons,
// line breaks or Chinese in a code can neither break the header nor smuggle parameters into it.

/** RFC 5987 attr-char: everything else is percent-encoded (encodeURIComponent leaves ' ( ) * as they are). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The file name with anything but printable ASCII, `"`, `\` and `;` replaced by `_` (the quoted fallback). */
function asciiFallback(value: string): string {
  return value.replace(/[^\x20-\x7e]|["\\;]/g, '_');
}

export function attachment(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
