// A customer code as compared for look-alikes, in SQL: the same rule as normalizeCode (src/shared/text.ts),
// NFKC with invisible characters removed, for codes stored before codes were normalised on the way in.

/** Invisible characters, as a PostgreSQL regular expression class (the same set as normalizeCode's). */
const INVISIBLE_CLASS = '[\\u00ad\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u206a-\\u206f\\ufeff]';

/** SQL for the normalised form of the text column or expression `column`. */
export function codeKeySql(column: string): string {
  return `btrim(regexp_replace(normalize(${column}, NFKC), '${INVISIBLE_CLASS}', '', 'g'))`;
}
