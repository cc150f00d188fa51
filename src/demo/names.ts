// Names for the demo: Chinese company names (region + 字号 + industry + 有限公司), people's names, foreign
// company and contact names. Plain data and pure builders over a seeded Rng.
import type { City, Market } from './geography';
import type { Rng } from './prng';

// 字号 (trade name) = two characters, each from a list of the auspicious characters firms favour.
const TRADE_FIRST =
  '恒鑫华永金宏瑞盛隆兴德裕泰丰汇佳嘉创新达远通联顺宝利东亚中天海信诚博万祥益安广富荣凯源鼎明';
const TRADE_SECOND = '达源盛泰丰昌隆茂兴发利成通达信邦威宇航科锐力普捷诚和正鸿辉晟润祥瑞宏翔腾业鑫锋美';

/** Industries of a precision-machinery maker's customers, with the segment they usually belong to. */
export const INDUSTRIES: ReadonlyArray<readonly [string, number]> = [
  ['五金机电', 8],
  ['机械设备', 8],
  ['精密模具', 5],
  ['自动化设备', 6],
  ['电气设备', 5],
  ['液压科技', 3],
  ['机床', 4],
  ['轴承', 3],
  ['汽车零部件', 6],
  ['工业控制', 3],
  ['机电工程', 4],
  ['钢结构工程', 3],
  ['建设工程', 3],
  ['环保设备', 2],
  ['包装机械', 2],
  ['医疗器械', 2],
  ['新能源科技', 4],
  ['电子科技', 4],
  ['工贸', 4],
  ['机电设备贸易', 5],
  ['阀门', 2],
  ['泵业', 2],
  ['重工', 2],
  ['塑胶制品', 2],
];

const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['有限公司', 80],
  ['股份有限公司', 10],
  ['有限责任公司', 7],
  ['集团有限公司', 3],
];

export function chineseCompanyName(rng: Rng, city: City, industry: string): string {
  const trade =
    TRADE_FIRST[rng.int(0, TRADE_FIRST.length - 1)] + TRADE_SECOND[rng.int(0, TRADE_SECOND.length - 1)];
  return `${city.short}${trade}${industry}${rng.weighted(SUFFIXES)}`;
}

// Surnames by frequency (the top of the 百家姓 as actually used), given-name characters.
const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 72],
  ['李', 71],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 33],
  ['黄', 24],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 14],
  ['马', 12],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['高', 10],
  ['林', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 6],
  ['宋', 6],
  ['唐', 6],
  ['许', 5],
  ['韩', 5],
  ['冯', 5],
  ['邓', 5],
  ['曹', 5],
  ['彭', 4],
  ['曾', 4],
  ['肖', 4],
  ['田', 4],
  ['董', 4],
  ['潘', 3],
  ['袁', 3],
  ['蒋', 3],
  ['蔡', 3],
  ['欧阳', 1],
];
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉玉兰鹏飞海燕晓东俊峰春梅宇浩雪琳婷斌亮';

export function chinesePersonName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES);
  const first = GIVEN[rng.int(0, GIVEN.length - 1)];
  if (rng.chance(0.3)) return surname + first;
  return surname + first + GIVEN[rng.int(0, GIVEN.length - 1)];
}

// Mobile numbers: 1[3-9]x prefixes of the three carriers (and Broadnet), then eight digits.
const MOBILE_PREFIXES = (
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 176 177 180 181 182 183 ' +
  '185 186 187 188 189 191 193 195 198 199'
).split(' ');

export function chineseMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

export function landline(rng: Rng, areaCode: string): string {
  const digits = areaCode.length === 3 ? 8 : rng.chance(0.5) ? 8 : 7;
  const first = rng.int(2, 8);
  return `${areaCode}-${first}${String(rng.int(0, 10 ** (digits - 1) - 1)).padStart(digits - 1, '0')}`;
}

// Foreign customers: invented names from generic parts, never real firms.
const FOREIGN_CORE = [
  'Precision|Machine Works|Industrial Supply|Fluid Power|Automation|Tooling|Engineering|Motion Systems',
  'Components|Hydraulics|Drive Technology|Metal Parts|Equipment Trading',
]
  .join('|')
  .split('|');
const FIRST_NAMES = [
  'John',
  'Mary',
  'David',
  'Laura',
  'Michael',
  'Anna',
  'Thomas',
  'Sophie',
  'Daniel',
  'Emma',
];
const LAST_NAMES = [
  'Miller',
  'Schmidt',
  'Rossi',
  'Nguyen',
  'Brown',
  'Weber',
  'Bianchi',
  'Silva',
  'Tran',
  'Khan',
];

export function foreignCompanyName(rng: Rng, market: Market): string {
  return `${rng.pick(market.places)} ${rng.pick(FOREIGN_CORE)} ${rng.pick(market.suffixes)}`;
}

export function foreignPersonName(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

/** ASCII handle for e-mail addresses: a stable hash of the name, since Chinese names have no spelling. */
export function emailLocalPart(name: string, salt: number): string {
  let h = salt >>> 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  return `${/^[A-Za-z ]+$/.test(name) ? name.toLowerCase().replace(/ /g, '.') : 'cw'}${h % 10000}`;
}
