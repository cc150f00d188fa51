// One demo customer (客户) with its contacts: Chinese manufacturers, distributors and project companies,
// plus export customers of the Hong Kong entity. Writes the customer and contact rows into the batch.

import { writeChineseContacts, writeForeignContacts } from './contacts';
import type { EntityRef, GenContext } from './context';
import { CITIES, MARKETS } from './geography';
import { chineseCompanyName, foreignCompanyName, INDUSTRIES } from './names';
import { rngFor } from './prng';
import {
  chooseProfile,
  type DemoProfile,
  KEY_ACCOUNT_WEIGHTS,
  PROFILE_WEIGHTS,
  type ProfileName,
} from './profiles';
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
  /** Last day it may be invoiced (as-of, churned, or supply stopped). */
  lastDay: number;
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

/** Days before the history window in which invoices are issued (the opening balance). */
export const WARM_UP_DAYS = 180;
/** Share of customers won during the window. */
export const NEW_SHARE = 0.14;
/**
 * Share of the other customers (neither new nor deadbeat) who stop buying during the window: as many as
 * join in it once the deadbeats whose supply was stopped are counted, so that sales stay about level.
 */
export const CHURN_SHARE = 0.13;
/** A deadbeat is a smaller account than most (a big customer going bad is a crisis, not a demo). */
const DEADBEAT_SIZE = 0.5;

/** Relative size of customer `index` (log-normal: a few big accounts, many small ones). */
export function sizeOf(seed: number, index: number): number {
  return Math.exp(rngFor(seed, index, 4).normal() * 0.9);
}

/** Customers this size or more (about the largest 7 %) are key accounts. */
const KEY_ACCOUNT_SIZE = 3.8;

/** When customer `index` bought from us, and how it pays: drawn before its details, for the invoice counts. */
export interface CustomerLife {
  profile: ProfileName;
  /** First day the customer was invoiced. */
  sinceDay: number;
  /** Last day it may be invoiced: the as-of date, a churn day, or a deadbeat's stopped supply. */
  lastDay: number;
  /** deadbeat: the day it stopped paying. */
  stoppedPayingDay: number | null;
  /** Relative sales volume over the window: days it buys in the window and warm-up, times a size factor. */
  exposure: number;
}

/**
 * The life of customer `index`: its payment profile, when it joined and when it stopped buying. New
 * customers join and churned ones leave at evenly spread days of the same stretch of the window.
 */
export function customerLife(seed: number, index: number, startDay: number, asOfDay: number): CustomerLife {
  const rng = rngFor(seed, index, 5);
  // The first six customers take one profile each, so that even a tiny demo shows every behaviour. The
  // big accounts (大客户) pay on time or a little late, as their contracts say: the ledger's overdue share
  // then does not hang on whether one of them happened to draw a bad habit.
  const profile =
    index <= PROFILE_WEIGHTS.length
      ? PROFILE_WEIGHTS[index - 1][0]
      : rng.weighted(sizeOf(seed, index) >= KEY_ACCOUNT_SIZE ? KEY_ACCOUNT_WEIGHTS : PROFILE_WEIGHTS);
  const early = startDay + 30;
  const late = Math.max(early, asOfDay - 150);
  const isNew = rng.chance(NEW_SHARE);
  const sinceDay = isNew ? rng.int(early, late) : startDay - rng.int(0, 2000);
  let lastDay = asOfDay;
  let stoppedPayingDay: number | null = null;
  if (profile === 'deadbeat') {
    stoppedPayingDay = Math.max(sinceDay + 120, asOfDay - rng.int(120, 600));
    // Supply was stopped (停止供货) one to three months after it stopped paying.
    lastDay = Math.min(asOfDay, stoppedPayingDay + rng.int(20, 90));
  } else if (!isNew && rng.chance(CHURN_SHARE)) lastDay = rng.int(early, late);
  const first = Math.max(sinceDay, startDay - WARM_UP_DAYS);
  const exposure = Math.max(30, lastDay - first + 1) * (profile === 'deadbeat' ? DEADBEAT_SIZE : 1);
  return { profile, sinceDay, lastDay, stoppedPayingDay, exposure };
}

/** The customer at 1-based position `index`; names already used are avoided with `usedNames`. */
export function generateCustomer(
  ctx: GenContext,
  index: number,
  usedNames: Set<string>,
  life: CustomerLife,
): CustomerSpec {
  const rng = rngFor(ctx.options.seed, index, 1);
  const id = ctx.nextId('customer');
  const code = `C${String(index).padStart(6, '0')}`;
  const domestic = rng.chance(0.9);
  const profile = chooseProfile(rng, life.profile, ctx.asOfDay, (d) => ctx.iso(d), life.stoppedPayingDay);
  const { sinceDay } = life;
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
      lastDay: life.lastDay,
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
      lastDay: life.lastDay,
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
