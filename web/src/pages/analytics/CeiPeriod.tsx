// The period's CEI with its formula, the figures put into it, and — when the period figure says nothing
// about collections (AR grew by more than a month of sales) — a note pointing to the monthly average.
import { Alert, Typography } from 'antd';
import { useT } from '../../i18n';
import { amountText, percentText } from './parts';
import type { CeiSummary, Figures } from './reportsApi';

export function CeiPeriod({
  period,
  summary,
  currency,
}: {
  period: Figures;
  summary: CeiSummary;
  currency: string;
}) {
  const t = useT();
  const amount = (value: number | null) => amountText(value, currency);
  return (
    <div data-testid="cei-formula" style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">
        {t('figures.ceiFormula', { months: summary.months })}
      </Typography.Text>
      <br />
      <Typography.Text type="secondary">
        {t('figures.ceiCalculation', {
          opening: amount(period.openingAr),
          sales: amount(period.creditSales),
          months: summary.months,
          closing: amount(period.closingAr),
          current: amount(period.closingCurrentAr),
          value: percentText(summary.period),
        })}
      </Typography.Text>
      {summary.note && (
        <Alert
          data-testid="cei-note"
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t(`figures.ceiNote.${summary.note}`)}
        />
      )}
    </div>
  );
}
