// The steps of a strategy as an editable table: stage, trigger (days and repeat; amount and currency;
// grades), action, template, label.
import { Button, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';
import { minorUnitsOf, parseAmount, toDecimalString } from '../../lib/money';
import type { StrategyStep, Template, Trigger } from './collectionsApi';
import { keyText } from './parts';

const TRIGGERS: Trigger['type'][] = [
  'daysFromDue',
  'daysInStage',
  'brokenPromise',
  'missedInstallment',
  'amountAbove',
  'grade',
];

/** The trigger a step gets when its type is changed: what carries over (days), else a starting point. */
function triggerOf(type: Trigger['type'], before: Trigger): Trigger {
  if (type === 'daysFromDue' || type === 'daysInStage')
    return { type, days: 'days' in before ? before.days : 0 };
  if (type === 'amountAbove') return { type, currency: 'CNY', amount: 5_000_000 }; // 50,000.00
  if (type === 'grade') return { type, grades: ['C'] };
  return { type };
}

/**
 * An amount typed in major units ("50,000.00"), kept as minor units: the text is parsed digit by digit
 * (never through a float) and passed on only when it is a valid amount of the currency.
 */
function AmountInput({
  minor,
  currency,
  label,
  onChange,
}: {
  minor: number;
  currency: string;
  label: string;
  onChange(minor: number): void;
}) {
  const [text, setText] = useState(() => toDecimalString(minor, minorUnitsOf(currency)));
  const parsed = parseAmount(text, currency);
  return (
    <Input
      size="small"
      value={text}
      aria-label={label}
      status={parsed.ok && parsed.minor >= 0 ? undefined : 'error'}
      style={{ width: 110 }}
      onChange={(e) => {
        setText(e.target.value);
        const next = parseAmount(e.target.value, currency);
        if (next.ok && next.minor >= 0) onChange(next.minor);
      }}
    />
  );
}

const ACTIONS: StrategyStep['action'][] = [
  'email',
  'sms',
  'letter',
  'statement',
  'call',
  'visit',
  'escalate',
  'credit_hold',
  'legal_review',
  'agency_referral',
];
const CHANNEL_OF: Partial<Record<StrategyStep['action'], StrategyStep['channel']>> = {
  email: 'email',
  sms: 'sms',
  letter: 'letter',
  statement: 'email',
  call: 'phone',
  visit: 'visit',
};
const KIND_OF: Record<string, string> = {
  email: 'message',
  letter: 'message',
  statement: 'message',
  sms: 'sms',
};

export function StepTable({
  steps,
  templates,
  onChange,
}: {
  steps: StrategyStep[];
  templates: Template[];
  onChange(steps: StrategyStep[]): void;
}) {
  const t = useT();
  const def = { steps };
  const setDef = (next: { steps: StrategyStep[] }) => onChange(next.steps);
  const setStep = (index: number, patch: Partial<StrategyStep>) =>
    onChange(steps.map((s, i) => (i === index ? ({ ...s, ...patch } as StrategyStep) : s)));
  const templateOptions = (action: string) =>
    templates
      .filter((tp) => tp.kind === (KIND_OF[action] ?? 'task'))
      .map((tp) => ({ value: tp.key, label: keyText(t, 'tpl', tp.key) }));
  return (
    <Table<StrategyStep>
      rowKey={(_, index) => String(index)}
      size="small"
      pagination={false}
      dataSource={steps}
      data-testid="step-table"
      scroll={{ x: 900 }}
      columns={[
        {
          title: t('col.stage'),
          width: 120,
          render: (_, s, i) => (
            <Select
              size="small"
              value={s.stage}
              style={{ width: 110 }}
              onChange={(stage) => setStep(i, { stage })}
              options={['reminder', 'early', 'strong', 'any'].map((v) => ({
                value: v,
                label: t(`col.stage.${v}`),
              }))}
            />
          ),
        },
        {
          title: t('col.trigger'),
          width: 320,
          render: (_, s, i) => (
            <Space.Compact size="small">
              <Select
                size="small"
                value={s.trigger.type}
                style={{ width: 140 }}
                onChange={(type) => setStep(i, { trigger: triggerOf(type, s.trigger) })}
                options={TRIGGERS.map((v) => ({ value: v, label: t(`col.trigger.${v}`) }))}
              />
              {s.trigger.type === 'amountAbove' && (
                <Input
                  size="small"
                  value={s.trigger.currency}
                  maxLength={3}
                  style={{ width: 56 }}
                  aria-label={t('col.trigger.currency')}
                  onChange={(e) =>
                    setStep(i, {
                      trigger: {
                        ...(s.trigger as Extract<Trigger, { type: 'amountAbove' }>),
                        currency: e.target.value.toUpperCase(),
                      },
                    })
                  }
                />
              )}
              {s.trigger.type === 'amountAbove' && (
                <AmountInput
                  key={`${s.key}-${s.trigger.currency}`}
                  minor={s.trigger.amount}
                  currency={s.trigger.currency}
                  label={t('col.trigger.amount')}
                  onChange={(amount) =>
                    setStep(i, {
                      trigger: { ...(s.trigger as Extract<Trigger, { type: 'amountAbove' }>), amount },
                    })
                  }
                />
              )}
              {s.trigger.type === 'grade' && (
                <Select
                  size="small"
                  mode="tags"
                  value={s.trigger.grades}
                  style={{ minWidth: 110 }}
                  aria-label={t('col.trigger.grades')}
                  placeholder={t('col.trigger.grades')}
                  tokenSeparators={[',', ' ']}
                  onChange={(grades: string[]) =>
                    setStep(i, {
                      trigger: { type: 'grade', grades: grades.map((g) => g.trim()).filter(Boolean) },
                    })
                  }
                  options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))}
                />
              )}
              {'days' in s.trigger && (
                <InputNumber
                  size="small"
                  value={s.trigger.days}
                  style={{ width: 60 }}
                  aria-label={t('col.days')}
                  onChange={(v) =>
                    setStep(i, {
                      trigger: {
                        ...(s.trigger as { type: 'daysFromDue'; days: number }),
                        days: Number(v),
                      },
                    })
                  }
                />
              )}
              {'days' in s.trigger && (
                <InputNumber
                  size="small"
                  min={1}
                  placeholder={t('col.repeat')}
                  value={s.trigger.repeatEveryDays}
                  style={{ width: 60 }}
                  onChange={(v) =>
                    setStep(i, {
                      trigger: {
                        ...(s.trigger as { type: 'daysFromDue'; days: number }),
                        repeatEveryDays: v ? Number(v) : undefined,
                      },
                    })
                  }
                />
              )}
            </Space.Compact>
          ),
        },
        {
          title: t('col.action'),
          width: 140,
          render: (_, s, i) => (
            <Select
              size="small"
              value={s.action}
              style={{ width: 130 }}
              onChange={(action) =>
                setStep(i, {
                  action,
                  channel: CHANNEL_OF[action] ?? 'internal',
                  template: templateOptions(action)[0]?.value ?? s.template,
                })
              }
              options={ACTIONS.map((v) => ({ value: v, label: t(`col.action.${v}`) }))}
            />
          ),
        },
        {
          title: t('col.template'),
          width: 170,
          render: (_, s, i) => (
            <Select
              size="small"
              value={s.template}
              style={{ width: 160 }}
              onChange={(template) => setStep(i, { template })}
              options={templateOptions(s.action)}
            />
          ),
        },
        {
          title: t('col.label'),
          render: (_, s, i) => (
            <Input size="small" value={s.label} onChange={(e) => setStep(i, { label: e.target.value })} />
          ),
        },
        {
          title: '',
          width: 70,
          render: (_, _s, i) => (
            <Button
              size="small"
              danger
              onClick={() => setDef({ ...def, steps: def.steps.filter((_x, j) => j !== i) })}
            >
              {t('col.remove')}
            </Button>
          ),
        },
      ]}
    />
  );
}
