// Password rules (NIST SP 800-63B style): long enough, not absurdly long (argon2 work is bounded), not the
// user's own name, not one of the passwords every guessing list starts with. No forced character classes:
// they push people to predictable patterns and do not add strength.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

// The first entries of every leaked-password list, plus the local favourites (拼音 and number runs).
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  '1q2w3e4r5t',
  'qwertyuiop',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'abc1234567',
  'abcd123456',
  'a123456789',
  'qwerty1234',
  'qwerty123456',
  'admin12345',
  'admin123456',
  'woaini1314',
  'woaini520520',
  '5201314520',
  '1314520520',
  'zhang123456',
  'huikuan123',
  'huikuan2026',
  'letmein123',
  'welcome123',
  'changeme123',
]);

/** Problems with a proposed password, in words a user can act on; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) problems.push('must not contain the username');
  if (COMMON.has(lower)) problems.push('is one of the most common passwords');
  else if (length >= 1 && new Set(password).size <= 2) problems.push('uses too few different characters');
  return problems;
}
