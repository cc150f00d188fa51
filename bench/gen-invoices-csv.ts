// Generates a deterministic invoice export for import benchmarks, shaped like a Chinese ERP's (UTF-8,
// Chinese headers, grouped amounts, a quoted customer name now and then):
//   npx tsx bench/gen-invoices-csv.ts <rows> <customers> <out.csv>
// The same arguments always give the same bytes (a seeded PRNG, no clock).

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface GenerateOptions {
  rows: number;
  customers: number;
  out: string;
  seed?: number;
}

export const HEADER = '客户编码,客户名称,发票号,开票日期,到期日,金额,币种';

/** mulberry32: small, fast and good enough for test data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const CITIES = ['上海', '北京', '深圳', '广州', '杭州', '苏州', '成都', '武汉', '南京', '天津'];
const TRADES = ['机械', '电子', '化工', '纺织', '建材', '食品', '物流', '医药'];

function customerName(index: number): string {
  const name = `${CITIES[index % CITIES.length]}${TRADES[index % TRADES.length]}有限公司${index}`;
  // Some ERP names carry commas (分公司, 办事处): those are quoted, as exports do.
  return index % 17 === 0 ? `"${name},华东分公司"` : name;
}

function grouped(minor: number): string {
  const whole = String(Math.floor(minor / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${whole}.${String(minor % 100).padStart(2, '0')}`;
  return whole.includes(',') ? `"${text}"` : text;
}

export async function generateInvoicesCsv(options: GenerateOptions): Promise<void> {
  const random = prng(options.seed ?? 20_240_106);
  const out = createWriteStream(options.out);
  let chunk = `${HEADER}\n`;
  for (let i = 1; i <= options.rows; i++) {
    const customer = 1 + Math.floor(random() * options.customers);
    const issued = START + Math.floor(random() * 1000) * DAY;
    const terms = [0, 30, 45, 60, 90][Math.floor(random() * 5)];
    const amount = 100 + Math.floor(random() * 50_000_000); // 1.00 to 500,000.00
    chunk += `C${String(customer).padStart(6, '0')},${customerName(customer)},INV${String(i).padStart(9, '0')},${iso(issued)},${iso(issued + terms * DAY)},${grouped(amount)},CNY\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [rows, customers, out] = process.argv.slice(2);
  if (!rows || !customers || !out) {
    process.stderr.write('usage: tsx bench/gen-invoices-csv.ts <rows> <customers> <out.csv>\n');
    process.exit(2);
  }
  await generateInvoicesCsv({ rows: Number(rows), customers: Number(customers), out });
}
