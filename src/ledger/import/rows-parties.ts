// Row → staging values for customers and contacts.
import type { StageValue } from './copy-text';
import type { RowReader } from './row-reader';
import type { StageColumns } from './rows-documents';

export const CUSTOMER_STAGE: StageColumns = [
  ['line', 'integer'],
  ['code', 'text'],
  ['name', 'text'],
  ['tax_id', 'text'],
  ['parent_code', 'text'],
  ['region', 'text'],
  ['country', 'text'],
  ['time_zone', 'text'],
  ['language', 'text'],
  ['segment', 'text'],
  ['payment_terms_days', 'integer'],
  ['salesperson', 'text'],
  ['collector', 'text'],
];

// Country names as exports write them → ISO 3166 codes: every region's English and Chinese name as ICU
// spells them (China, 中国, 德国, United States), plus the short forms ICU does not use.
const COUNTRY_ALIASES: Record<string, string> = {
  中国大陆: 'CN',
  大陆: 'CN',
  'mainland china': 'CN',
  prc: 'CN',
  "people's republic of china": 'CN',
  香港: 'HK',
  'hong kong': 'HK',
  澳门: 'MO',
  macau: 'MO',
  macao: 'MO',
  usa: 'US',
  'united states of america': 'US',
  uk: 'GB',
  korea: 'KR',
};
// Codes ICU names that are no country: private use, unknown region, EU, eurozone, UN.
const NOT_COUNTRIES = /^(?:AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;
let countryNames: Map<string, string> | null = null;

function buildCountryNames(): Map<string, string> {
  const byName = new Map(Object.entries(COUNTRY_ALIASES));
  const names = ['en', 'zh-CN'].map((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
  for (let first = 65; first <= 90; first++) {
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      // Retired codes (DD, SU, YU) are named as their successors: leave the name to the current code.
      if (NOT_COUNTRIES.test(code) || Intl.getCanonicalLocales(`und-${code}`)[0] !== `und-${code}`) continue;
      for (const name of names) {
        // ICU answers an unknown code with the code itself.
        const spelled = name.of(code)?.toLowerCase();
        if (spelled && spelled !== code.toLowerCase() && !byName.has(spelled)) byName.set(spelled, code);
      }
    }
  }
  return byName;
}

/** The ISO code a cell names: a 2-letter code as it is, a name through the table; null when unknown. */
function countryCode(text: string): string | null {
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  countryNames ??= buildCountryNames();
  return countryNames.get(text.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

const knownTimeZones = new Map<string, boolean>();

function isTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(name, known);
  }
  return known;
}

export function customerRow(r: RowReader): StageValue[] | null {
  const code = r.text('customer_code');
  const name = r.text('customer_name');
  const taxId = r.text('tax_id');
  const parentCode = r.text('parent_code');
  if (parentCode && parentCode === code)
    r.fail('parent_code', parentCode, 'a customer cannot be its own parent');
  const region = r.text('region');
  const countryText = r.text('country');
  const country = countryText ? countryCode(countryText) : null;
  if (countryText && !country)
    r.fail(
      'country',
      countryText,
      'not a country: give its 2-letter ISO code (CN) or its name (中国, China)',
    );
  const timeZone = r.text('time_zone');
  if (timeZone && !isTimeZone(timeZone))
    r.fail('time_zone', timeZone, 'not a time zone such as Asia/Shanghai');
  const language = r.text('language');
  const segment = r.text('segment');
  const terms = r.integer('payment_terms_days');
  if (terms !== null && terms > 3650)
    r.fail('payment_terms_days', String(terms), 'payment terms over 3650 days');
  const salesperson = r.text('salesperson');
  const collector = r.text('collector');
  if (!r.ok) return null;
  return [
    r.line,
    code,
    name,
    taxId,
    parentCode,
    region,
    country,
    timeZone,
    language,
    segment,
    terms,
    salesperson,
    collector,
  ];
}

export const CONTACT_STAGE: StageColumns = [
  ['line', 'integer'],
  ['customer_code', 'text'],
  ['name', 'text'],
  ['role', 'text'],
  ['title', 'text'],
  ['phone', 'text'],
  ['mobile', 'text'],
  ['email', 'text'],
  ['wechat', 'text'],
  ['do_not_contact', 'boolean'],
  ['preferred_hours', 'text'],
  ['language', 'text'],
  ['is_primary', 'boolean'],
];

// Roles as ERP exports write them; the first pattern that matches wins, anything else is "other".
const ROLES: Array<[RegExp, string]> = [
  [/^(finance|accounting|accounts payable|ap)$|财务|会计|出纳|应付/i, 'finance'],
  [/^(purchasing|procurement|buyer)$|采购/i, 'purchasing'],
  [/^(legal[_ ]?rep|legal representative)$|法人|法定代表人/i, 'legal_rep'],
  [/^(owner|boss|ceo|general manager)$|老板|总经理|董事长|负责人/i, 'owner'],
  [/^(guarantor)$|担保/i, 'guarantor'],
  [/^(sales)$|销售|业务/i, 'sales'],
];

export function contactRole(text: string | null): string | null {
  if (!text) return null;
  if (['finance', 'purchasing', 'owner', 'legal_rep', 'guarantor', 'sales', 'other'].includes(text))
    return text;
  return ROLES.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
}

export function contactRow(r: RowReader): StageValue[] | null {
  const customerCode = r.text('customer_code');
  const name = r.text('contact_name');
  const role = contactRole(r.text('role'));
  const title = r.text('title');
  const phone = r.text('phone');
  const mobile = r.text('mobile');
  const email = r.text('email');
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) r.fail('email', email, 'not an email address');
  const wechat = r.text('wechat');
  const doNotContact = r.boolean('do_not_contact');
  let hours = r.text('preferred_hours');
  if (hours) {
    const match = /^(\d{1,2}):(\d{2})\s*[-~–至到]\s*(\d{1,2}):(\d{2})$/.exec(hours);
    if (match) hours = `${match[1].padStart(2, '0')}:${match[2]}-${match[3].padStart(2, '0')}:${match[4]}`;
    else r.fail('preferred_hours', hours, 'preferred hours must look like 09:00-18:00');
  }
  const language = r.text('language');
  const isPrimary = r.boolean('is_primary');
  if (!r.ok) return null;
  return [
    r.line,
    customerCode,
    name,
    role,
    title,
    phone,
    mobile,
    email,
    wechat,
    doNotContact,
    hours,
    language,
    isPrimary,
  ];
}
