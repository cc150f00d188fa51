// Password hashing (argon2id, OWASP parameters = the library defaults) and the random secrets behind
// sessions, CSRF and API tokens. Session and API tokens are 256-bit random values, so they are stored as a
// plain SHA-256: a slow hash protects guessable secrets, not random ones.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string): Promise<string> => hash(password);

/**
 * The argon2 verification, kept in an object so that tests can observe every call (a spy on `verify`).
 * A malformed stored hash counts as a wrong password.
 */
export const passwordCheck = {
  verify: (passwordHash: string, password: string): Promise<boolean> =>
    verify(passwordHash, password).catch(() => false),
};

// Verifying against this when the user does not exist, is disabled or has no password keeps the answer
// time the same as for a wrong password, so timing does not tell which usernames exist. It is made with
// the same parameters as every real hash (the library defaults), once, ahead of the first sign-in.
let dummyHash: Promise<string> | null = null;

export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(randomSecret(24));
  return dummyHash;
}

/** Verifies `password` against the stored hash, or against the dummy hash when there is none (→ false). */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    await passwordCheck.verify(await dummyPasswordHash(), password);
    return false;
  }
  return passwordCheck.verify(passwordHash, password);
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
