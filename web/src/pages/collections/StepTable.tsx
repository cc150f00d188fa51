// The steps of a strategy as an editable table: stage, trigger (days, repeat), action, template, label.
import { Button, Input, InputNumber, Select, Space, Table } from 'antd';
import { useT } from '../../i18n';
import type { StrategyStep, Template } from './collectionsApi';

const ACTIONS = [
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
const CHANNEL_OF: Record<string, string> = {
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
      .map((tp) => ({ value: tp.key, label: tp.key }));
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
          width: 260,
          render: (_, s, i) => (
            <Space.Compact size="small">
              <Select
                size="small"
                value={s.trigger.type}
                style={{ width: 140 }}
                onChange={(type) =>
                  setStep(i, {
                    trigger:
                      type === 'daysFromDue' || type === 'daysInStage'
                        ? { type, days: 'days' in s.trigger ? s.trigger.days : 0 }
                        : { type },
                  })
                }
                options={['daysFromDue', 'daysInStage', 'brokenPromise', 'missedInstallment'].map((v) => ({
                  value: v,
                  label: t(`col.trigger.${v}`),
                }))}
              />
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
