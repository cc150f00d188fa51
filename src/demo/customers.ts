// One demo customer (客户) with its contacts: Chinese manufacturers, distributors and project companies,
// plus export customers of the Hong Kong entity. Writes the customer and contact rows into the batch.

import { writeChineseContacts, writeForeignContacts } from './contacts';
import type { EntityRef, GenContext } from './context';
import { CITIES, MARKETS } from './geography';
import { chineseCompanyName, foreignCompanyName, INDUSTRIES } from './names';
import { rngFor } from './prng';
import { chooseProfile, type DemoProfile, PROFILE_WEIGHTS } from './profiles';
import { makeUscc } from './uscc';

export interface CustomerSpec {
  id: number;
  code: string;
  entity: EntityRef;
  currency: string;
  termsDays: number;
  /** 月结: due date counted from the end of the invoice month. */
  monthEndTerms: boolean;
  segment: string;
  profile: DemoProfile;
  /** Median invoice amount in minor units. */
  medianAmount: number;
  /** First day the customer was invoiced. */
  sinceDay: number;
  domestic: boolean;
}

const CITY_WEIGHTS = CITIES.map((city) => [city, city.weight] as const);
const MARKET_WEIGHTS = MARKETS.map((market) => [market, market.weight] as const);
const SEGMENTS: ReadonlyArray<readonly [string, number]> = [
  ['经销商', 35],
  ['终端客户', 30],
  ['OEM', 20],
  ['工程项目', 15],
];
const TERMS: ReadonlyArray<readonly [number, number]> = [
  [30, 35],
  [45, 20],
  [60, 30],
  [90, 15],
];
const SEGMENT_SCALE: Record<string, number> = { 经销商: 0.6, 终端客户: 1, OEM: 2, 工程项目: 3, 出口: 1 };
const GROUP_EVERY = 50; // every 50th customer heads a small group (集团) with two subsidiaries

/** The customer at 1-based position `index`; names already used are avoided with `usedNames`. */
export function generateCustomer(ctx: GenContext, index: number, usedNames: Set<string>): CustomerSpec {
  const rng = rngFor(ctx.options.seed, index, 1);
  const id = ctx.nextId('customer');
  const code = `C${String(index).padStart(6, '0')}`;
  const domestic = rng.chance(0.9);
  // The first six customers take one profile each, so that even a tiny demo shows every behaviour.
  const profileName =
    index <= PROFILE_WEIGHTS.length ? PROFILE_WEIGHTS[index - 1][0] : rng.weighted(PROFILE_WEIGHTS);
  const profile = chooseProfile(rng, profileName, ctx.asOfDay, (d) => ctx.iso(d));
  // 15% are new customers won during the window; the others were already buying before it.
  // 15 % are customers won during the window, spread over it (their sales then weigh on its second half no
  // more than the churned customers' weigh on its first: see CHURN_SHARE in invoices.ts).
  const sinceDay = rng.chance(0.15) ? ctx.asOfDay - rng.int(200, 640) : ctx.startDay - rng.int(0, 2000);
  const isGroupHead = index % GROUP_EVERY === 1;
  const parentIndex =
    index % GROUP_EVERY === 2 || index % GROUP_EVERY === 3 ? index - ((index % GROUP_EVERY) - 1) : 0;
  const parentId = parentIndex > 0 && rng.chance(0.8) ? id - (index - parentIndex) : null;
  const salesperson = ctx.staff.salespeople[(index * 7 + rng.int(0, 2)) % ctx.staff.salespeople.length];
  const collector = rng.chance(0.95)
    ? ctx.staff.collectors[rng.int(0, ctx.staff.collectors.length - 1)]
    : null;
  const attributes: Record<string, unknown> = { demoProfile: profile };

  let spec: CustomerSpec;
  let name: string;
  let taxId: string;
  let region: string;
  let country: string;
  let timeZone: string;
  let language: string;
  if (domestic) {
    const city = rng.weighted(CITY_WEIGHTS);
    const industry = rng.weighted(INDUSTRIES);
    name = uniqueName(usedNames, () => chineseCompanyName(rng, city, industry), isGroupHead);
    taxId = makeUscc(city.division, rng.int(10_000_000, 99_999_999));
    region = city.region;
    country = 'CN';
    timeZone = 'Asia/Shanghai';
    language = 'zh-CN';
    const segment = rng.weighted(SEGMENTS);
    const termsDays = segment === '工程项目' && rng.chance(0.6) ? 90 : rng.weighted(TERMS);
    spec = {
      id,
      code,
      entity: ctx.entities.domestic,
      currency: 'CNY',
      termsDays,
      monthEndTerms: rng.chance(0.25),
      segment,
      profile,
      medianAmount: Math.round(3_000_000 * SEGMENT_SCALE[segment] * Math.exp(rng.normal() * 0.5)),
      sinceDay,
      domestic,
    };
    attributes.address = `${city.province === city.city ? '' : city.province}${city.city}${rng.pick(ROADS)}${rng.int(1, 999)}号`;
    attributes.registeredCapitalWan = rng.pick([50, 100, 200, 500, 1000, 2000, 5000]); // 注册资本（万元）
    attributes.establishedYear = rng.int(1995, 2021);
    writeChineseContacts(ctx, rng, id, city, profile, sinceDay);
  } else {
    const market = rng.weighted(MARKET_WEIGHTS);
    name = uniqueName(usedNames, () => foreignCompanyName(rng, market), false);
    taxId = `${market.country}${String(rng.int(100_000_000, 999_999_999))}`;
    region = market.region;
    country = market.country;
    timeZone = market.timeZone;
    language = market.language;
    spec = {
      id,
      code,
      entity: ctx.entities.export,
      currency: market.currency,
      termsDays: rng.weighted([
        [30, 2],
        [60, 5],
        [90, 3],
      ]),
      monthEndTerms: false,
      segment: '出口',
      profile,
      medianAmount: Math.round(1_500_000 * Math.exp(rng.normal() * 0.6)),
      sinceDay,
      domestic,
    };
    writeForeignContacts(ctx, rng, id, market, name, sinceDay);
  }
  const created = ctx.stamp(Math.min(sinceDay, ctx.startDay) - 10);
  ctx.push('customer', [
    id,
    code,
    name,
    taxId,
    parentId,
    region,
    country,
    timeZone,
    language,
    spec.segment,
    spec.termsDays,
    salesperson,
    collector,
    JSON.stringify(attributes),
    created,
    created,
  ]);
  return spec;
}

const ROADS = [
  '工业园区星湖街',
  '经济开发区长江路',
  '高新区创业大道',
  '城东工业区兴业路',
  '科技园科苑路',
  '港口大道',
];

function uniqueName(used: Set<string>, make: () => string, groupHead: boolean): string {
  for (let attempt = 0; ; attempt++) {
    let name = make();
    if (groupHead) name = name.replace(/(股份|有限责任|集团)?有限(责任)?公司$/, '集团有限公司');
    if (attempt > 8) name = `${name.replace(/公司$|(Inc\.|LLC|GmbH|Ltd\.)$/, '')}${attempt}号分公司`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
