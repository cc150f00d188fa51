// Password hashing (argon2id, OWASP parameters = the library defaults) and the random secrets behind
// sessions, CSRF and API tokens. Session and API tokens are 256-bit random values, so they are stored as a
// plain SHA-256: a slow hash protects guessable secrets, not random ones.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

// Verifying against this when the user does not exist keeps the answer time the same as for a wrong
// password, so timing does not tell which usernames exist.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hash('not-a-real-password-but-takes-as-long');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** API tokens look like `hk_<43 chars>`, so that secret scanners and people can tell what they are. */
export const TOKEN_PREFIX = 'hk_';
export const newApiToken = (): string => `${TOKEN_PREFIX}${randomSecret(32)}`;

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A readable random password for demo users: four groups, about 80 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += alphabet[bytes[i] % alphabet.length];
    if (i % 4 === 3 && i < 15) out += '-';
  }
  return out;
}
