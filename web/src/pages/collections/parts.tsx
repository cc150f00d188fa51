// Small shared pieces of the collections screens: stage and status tags, totals. (The line chart is in
// LineChart.tsx, loaded lazily: most screens importing this module draw no chart.)
import { Tag } from 'antd';
import { MoneyList } from '../../components/Money';
import { useT } from '../../i18n';
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
