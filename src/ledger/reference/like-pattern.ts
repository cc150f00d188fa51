// LIKE patterns from user text: the user's `%`, `_` and `\` match literally (backslash is PostgreSQL's
// default LIKE escape character).
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%`, for "contains" searches. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}
