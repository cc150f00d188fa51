// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters =
// registration authority (1) + entity type (1) + administrative division (6) + organisation code (9,
// GB 11714 with its own check character) + check character (1). Pure functions, no I/O.

/** The 31 characters allowed in a USCC (no I, O, S, V, Z). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i];
    const value = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55; // A = 10
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** GB 32100 check character of the first 17 characters: weights 3^(i) mod 31. */
export function usccCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARS.indexOf(first17[i]);
    if (value < 0) throw new Error(`invalid USCC character ${first17[i]}`);
    sum += value * weight;
    weight = (weight * 3) % 31;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check];
}

/**
 * Builds a valid code for an enterprise ('9' = 工商, '1' = 企业) in the given 6-digit division from an
 * 8-digit organisation serial.
 */
export function makeUscc(divisionCode: string, orgSerial: number): string {
  const body = String(orgSerial % 100_000_000).padStart(8, '0');
  const first17 = `91${divisionCode}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheck(first17);
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const org = code.slice(8, 17);
  if (/^[0-9A-Z]{8}$/.test(org.slice(0, 8)) && orgCodeCheck(org.slice(0, 8)) !== org[8]) return false;
  return usccCheck(code.slice(0, 17)) === code[17];
}
