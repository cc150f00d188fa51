// What the customer search box means (`q`): a code prefix, a substring of the name (Chinese names have no
// spaces, so substring rather than word match) or a tax id (统一社会信用代码). Pure, so the mapping is tested
// without a database; customer-queries.ts turns it into SQL that the indexes of 0001/0005 can answer.
import { normalizeCode } from '../../shared/text';
import { containsPattern, escapeLike } from '../reference/like-pattern';

/** How the name part is matched, by the length of the text in characters. */
export type NameMatch =
  /** 3+ characters: `name [i]like '%q%'`, answered by the trigram index customer_name_trgm. */
  | { kind: 'trigram'; pattern: string; caseless: boolean }
  /** Exactly 2 characters (华为): `name_bigrams @> text_bigrams(q)`, the bigram index (0005). */
  | { kind: 'bigram'; text: string }
  /** 1 character: a plain filter; a single character matches so many names that the sort index finds a page fast. */
  | { kind: 'scan'; pattern: string; caseless: boolean };

export interface CustomerSearch {
  /** For `upper(code) like …` (index customer_code_prefix). */
  codePrefix: string;
  /** The text as a code: upper case, normalised like stored codes (for the code range). */
  code: string;
  name: NameMatch;
  /** For `upper(tax_id) = …` (index customer_tax_id). */
  taxId: string;
}

export const MAX_SEARCH_LENGTH = 200;

export function customerSearch(q: string | undefined): CustomerSearch | null {
  const text = [...(q ?? '').trim()].slice(0, MAX_SEARCH_LENGTH).join('');
  if (text === '') return null;
  const upper = text.toUpperCase();
  const length = [...text].length;
  // Without letter case (Chinese, digits) LIKE is the same match as ILIKE, and cheaper: ILIKE lower-cases
  // every candidate name.
  const caseless = upper === text.toLowerCase();
  const pattern = containsPattern(text);
  const name: NameMatch =
    length >= 3
      ? { kind: 'trigram', pattern, caseless }
      : length === 2
        ? { kind: 'bigram', text }
        : { kind: 'scan', pattern, caseless };
  // Codes are stored normalised (NFKC, no invisible characters): so is the prefix looked for.
  const code = normalizeCode(upper);
  return { codePrefix: `${escapeLike(code)}%`, code, name, taxId: upper };
}
