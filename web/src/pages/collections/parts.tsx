// Small shared pieces of the collections screens: stage and status tags, totals. (The line chart is in
// LineChart.tsx, loaded lazily: most screens importing this module draw no chart.)
import { Tag } from 'antd';
import { MoneyList } from '../../components/Money';
import { labelOr, type Translate, useT } from '../../i18n';
import type { CaseTotals } from './collectionsApi';

const STAGE_COLOR: Record<string, string> = { reminder: 'blue', early: 'orange', strong: 'red' };
const STATUS_COLOR: Record<string, string> = {
  active: 'processing',
  paused: 'default',
  promise: 'cyan',
  plan: 'geekblue',
  dispute: 'purple',
  legal: 'magenta',
  agency: 'volcano',
  closed: 'success',
};

export function StageTag({ stage }: { stage: string }) {
  const t = useT();
  return <Tag color={STAGE_COLOR[stage]}>{t(`col.stage.${stage}`)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`col.status.${status}`)}</Tag>;
}

export function Totals({ totals, field }: { totals: CaseTotals[]; field: 'open' | 'overdue' }) {
  return (
    <MoneyList
      items={totals.map((x) => ({ currency: x.currency, amount: x[field] }))}
      type={field === 'overdue' ? 'danger' : undefined}
    />
  );
}

/** A value the server sends as a key (task status, outcome, template…) in the user's language. */
export const keyText = (t: Translate, group: string, key: string | null | undefined) =>
  key ? labelOr(t, `col.${group}.${key}`, key) : '';

/** A strategy's name in the user's language (the standard ones are translated; others show as named). */
export const strategyText = (t: Translate, name: string) => labelOr(t, `col.strategyName.${name}`, name);

/**
 * A step key ("remind-3", "legal-review") in the user's language: its kind translated, the day count kept.
 */
export function stepKeyText(t: Translate, key: string): string {
  const match = /^(.*?)-(\d+)$/.exec(key);
  const base = match ? match[1] : key;
  const text = labelOr(t, `col.stepKey.${base}`, base);
  return match ? `${text} · ${match[2]}` : text;
}
