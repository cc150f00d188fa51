// How much one import may unpack and hold. An XLSX is a zip: a few megabytes can unpack to gigabytes (a zip
// bomb), so its parts are capped as unpacked, and the cells of any file are counted. Operators can raise the
// caps for big machines through the environment.

export interface ImportLimits {
  /** All parts of an XLSX together, unpacked. */
  unpackedBytes: number;
  /** The shared-strings part, which is held in memory while the sheet is read. */
  sharedStringsBytes: number;
  /** Any other part that is not a worksheet (styles, workbook, relations). */
  otherPartBytes: number;
  /** Cells in one import (rows × columns read). */
  cells: number;
}

const MB = 1024 * 1024;

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function importLimits(): ImportLimits {
  return {
    unpackedBytes: fromEnv('HUIKUAN_IMPORT_MAX_UNPACKED_BYTES', 1024 * MB),
    sharedStringsBytes: fromEnv('HUIKUAN_IMPORT_MAX_SHARED_STRINGS_BYTES', 128 * MB),
    otherPartBytes: 32 * MB,
    cells: fromEnv('HUIKUAN_IMPORT_MAX_CELLS', 50_000_000),
  };
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
