// One case: open invoices, what comes next, the history of steps, messages exactly as queued, tasks,
// promises; pause / resume and recording a promise.
import { Alert, Button, Card, Descriptions, Input, message, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { formatMessage, isMessageCode } from '../../../../src/shared/messages';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { activeLocale, useT } from '../../i18n';
import { MessageCard, PromiseModal } from './CaseParts';
import { collectionsApi } from './collectionsApi';
import { keyText, StageTag, StatusTag, stepKeyText, strategyText, Totals } from './parts';

export default function CaseDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data: c, error, loading, reload } = useRequest(() => collectionsApi.getCase(id), [id]);
  const [promiseOpen, setPromiseOpen] = useState(false);
  const [pauseUntil, setPauseUntil] = useState('');

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      reload();
    } catch (failure) {
      message.error(String((failure as Error).message));
    }
  };

  if (error) return <ApiErrorAlert error={error} />;
  if (!c) return <Card loading={loading} />;
  return (
    <>
      <PageTitle
        title={`${c.customer.code} ${c.customer.name}`}
        extra={
          <Space>
            {c.manualStatus === 'paused' ? (
              <Button onClick={() => act(() => collectionsApi.updateCase(id, { manualStatus: null }))}>
                {t('col.resume')}
              </Button>
            ) : (
              <Space.Compact>
                <Input
                  type="date"
                  value={pauseUntil}
                  onChange={(e) => setPauseUntil(e.target.value)}
                  aria-label={t('col.pauseUntil')}
                />
                <Button
                  onClick={() =>
                    act(() =>
                      collectionsApi.updateCase(id, {
                        manualStatus: 'paused',
                        pausedUntil: pauseUntil || null,
                      }),
                    )
                  }
                  data-testid="pause-case"
                >
                  {t('col.pause')}
                </Button>
              </Space.Compact>
            )}
            <Button type="primary" onClick={() => setPromiseOpen(true)}>
              {t('col.addPromise')}
            </Button>
          </Space>
        }
      />
      {c.creditHold && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('col.creditHold', { date: c.creditHold.placedOn })}
          description={c.creditHold.reason}
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('col.entity')}>{c.entity.name}</Descriptions.Item>
        <Descriptions.Item label={t('col.stage')}>
          <StageTag stage={c.stage} /> {c.stageSince}
        </Descriptions.Item>
        <Descriptions.Item label={t('col.status')}>
          <StatusTag status={c.status} /> {c.pausedUntil ? `→ ${c.pausedUntil}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('col.dpd')}>
          {c.daysPastDue ?? '—'}
          {c.daysPastDueAsOf ? ` (${t('col.dpdAsOf', { date: c.daysPastDueAsOf })})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('col.overdue')}>
          <Totals totals={c.totals} field="overdue" />
        </Descriptions.Item>
        {c.lateInterest && c.lateInterest.totals.length > 0 && (
          <Descriptions.Item label={t('col.lateInterest')}>
            {c.lateInterest.totals.map((total) => (
              <div key={total.currency}>
                <Money amount={total.interest} currency={total.currency} />
              </div>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('col.strategy')}>
          {c.strategy ? `${strategyText(t, c.strategy.name)} v${c.strategy.version}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('col.collector')}>{c.collector?.displayName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('col.nextAction')}>
          {c.nextActionOn ? `${c.nextActionOn} ${c.nextStepKey ? stepKeyText(t, c.nextStepKey) : ''}` : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={[
          {
            key: 'invoices',
            label: `${t('col.invoices')} (${c.invoices.length})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.invoices}
                columns={[
                  { title: t('col.invoice'), dataIndex: 'number' },
                  { title: t('col.dueDate'), dataIndex: 'dueDate' },
                  {
                    title: t('col.open'),
                    align: 'right',
                    render: (_, i) => <Money amount={i.openAmount} currency={i.currency} />,
                  },
                  { title: t('col.dpd'), align: 'right', dataIndex: 'daysPastDue' },
                  {
                    title: t('col.lateInterest'),
                    align: 'right',
                    render: (_, i) => {
                      const accrued = c.lateInterest?.invoices.find((row) => row.invoiceId === i.id);
                      return accrued && accrued.days > 0 ? (
                        <Money amount={accrued.interest} currency={i.currency} />
                      ) : (
                        '—'
                      );
                    },
                  },
                  {
                    title: '',
                    render: (_, i) => (i.disputed ? <Tag color="purple">{t('col.disputed')}</Tag> : null),
                  },
                ]}
              />
            ),
          },
          {
            key: 'upcoming',
            label: t('col.upcoming'),
            children: (
              <Table
                rowKey={(u) => `${u.date}-${u.stepKey}`}
                size="small"
                pagination={false}
                dataSource={c.upcoming}
                data-testid="case-upcoming"
                columns={[
                  { title: t('col.date'), dataIndex: 'date' },
                  { title: t('col.stage'), render: (_, u) => <StageTag stage={u.stage} /> },
                  { title: t('col.action'), render: (_, u) => t(`col.action.${u.action}`) },
                  { title: t('col.label'), dataIndex: 'label' },
                ]}
              />
            ),
          },
          {
            key: 'history',
            label: `${t('col.history')} (${c.firings.length})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.firings}
                columns={[
                  { title: t('col.date'), dataIndex: 'firedOn' },
                  { title: t('col.step'), render: (_, f) => stepKeyText(t, f.stepKey) },
                  { title: t('col.action'), render: (_, f) => t(`col.action.${f.action}`) },
                  {
                    title: t('col.outcome'),
                    render: (_, f) =>
                      f.detail
                        ? `${keyText(t, 'outcome', f.outcome)}: ${
                            isMessageCode(f.detailCode)
                              ? formatMessage(activeLocale(), f.detailCode, f.detailParams ?? {})
                              : f.detail
                          }`
                        : keyText(t, 'outcome', f.outcome),
                  },
                  { title: t('col.strategy'), render: (_, f) => strategyText(t, f.strategy) },
                ]}
              />
            ),
          },
          {
            key: 'messages',
            label: `${t('col.messages')} (${c.messages.length})`,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {c.messages.map((m) => (
                  <MessageCard key={m.id} m={m} />
                ))}
              </Space>
            ),
          },
          {
            key: 'tasks',
            label: `${t('col.tasks')} (${c.tasks.length})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.tasks}
                expandable={{
                  expandedRowRender: (task) => (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {task.instructions}
                    </Typography.Paragraph>
                  ),
                }}
                columns={[
                  { title: t('col.date'), dataIndex: 'dueOn' },
                  { title: t('col.action'), render: (_, task) => keyText(t, 'action', task.type) },
                  { title: t('col.label'), dataIndex: 'title' },
                  {
                    title: t('col.status'),
                    render: (_, task) =>
                      task.cancelReason ? (
                        <span data-testid="task-cancel-reason">
                          {keyText(t, 'taskStatus', task.status)} · {t(`col.taskCancel.${task.cancelReason}`)}
                        </span>
                      ) : (
                        keyText(t, 'taskStatus', task.status)
                      ),
                  },
                  {
                    title: '',
                    render: (_, task) =>
                      task.status === 'open' ? (
                        <Button
                          size="small"
                          onClick={() => act(() => collectionsApi.updateTask(task.id, 'done'))}
                        >
                          {t('col.done')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            ),
          },
          {
            key: 'promises',
            label: `${t('col.promises')} (${c.promises.length})`,
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.promises}
                columns={[
                  { title: t('col.promiseDue'), dataIndex: 'dueOn' },
                  {
                    title: t('col.amount'),
                    align: 'right',
                    render: (_, p) => <Money amount={p.amount} currency={p.currency} />,
                  },
                  { title: t('col.status'), render: (_, p) => keyText(t, 'promiseStatus', p.status) },
                ]}
              />
            ),
          },
        ]}
      />
      <PromiseModal
        open={promiseOpen}
        currency={c.totals[0]?.currency ?? 'CNY'}
        onClose={() => setPromiseOpen(false)}
        onSave={(body) =>
          act(async () => {
            await collectionsApi.addPromise(id, body);
            setPromiseOpen(false);
          })
        }
      />
    </>
  );
}
