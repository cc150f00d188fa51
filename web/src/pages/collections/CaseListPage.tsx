// 催收案件 list: open cases with stage, status, days past due, overdue amounts and the next action.
import { Button, Flex, Input, message, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { access } from '../../app/extensions';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useCursorList } from '../../hooks/useCursorList';
import { useT } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { type CaseSummary, collectionsApi } from './collectionsApi';
import { StageTag, StatusTag, stepKeyText, strategyText, Totals } from './parts';

export default function CaseListPage() {
  const t = useT();
  const can = access.useCan();
  const [q, setQ] = useState('');
  const [stage, setStage] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [dueToday, setDueToday] = useState(false);
  const [sort, setSort] = useState('nextActionOn');
  const [running, setRunning] = useState(false);
  const list = useCursorList(collectionsApi.cases, {
    q,
    stage,
    status,
    dueBy: dueToday ? todayIso() : undefined,
    sort,
    limit: 50,
  });

  const run = async () => {
    setRunning(true);
    try {
      const result = await collectionsApi.runEngine();
      message.success(t('col.engineDone', { cases: result.casesEvaluated, steps: result.stepsFired }));
      list.reload();
    } catch (error) {
      message.error(String((error as Error).message));
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <PageTitle
        title={t('nav.collections.cases')}
        extra={
          // Running the engine acts on every customer: a collection manager's right, not a collector's.
          can('collections:manage') && (
            <Button onClick={run} loading={running} data-testid="run-engine">
              {t('col.runEngine')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
        <Input.Search
          allowClear
          placeholder={t('col.search')}
          style={{ width: 240 }}
          onSearch={setQ}
          data-testid="case-search"
        />
        <Select
          allowClear
          placeholder={t('col.stage')}
          style={{ width: 160 }}
          value={stage}
          onChange={setStage}
          options={['reminder', 'early', 'strong'].map((s) => ({ value: s, label: t(`col.stage.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('col.status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={['active', 'paused', 'promise', 'plan', 'dispute', 'legal', 'agency'].map((s) => ({
            value: s,
            label: t(`col.status.${s}`),
          }))}
        />
        <Select
          style={{ width: 180 }}
          value={sort}
          onChange={setSort}
          options={[
            { value: 'nextActionOn', label: t('col.nextAction') },
            { value: '-amount', label: t('col.open') },
            { value: '-daysPastDue', label: t('col.dpd') },
          ]}
        />
        <Switch checked={dueToday} onChange={setDueToday} />{' '}
        <Typography.Text>{t('col.dueToday')}</Typography.Text>
      </Flex>
      <ApiErrorAlert error={list.error} />
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid="case-table"
        columns={[
          {
            title: t('col.customer'),
            render: (_, c) => (
              <Link to={`/collections/cases/${c.id}`}>
                {c.customer.code} {c.customer.name}
              </Link>
            ),
          },
          { title: t('col.entity'), render: (_, c) => c.entity.code },
          { title: t('col.stage'), render: (_, c) => <StageTag stage={c.stage} /> },
          { title: t('col.status'), render: (_, c) => <StatusTag status={c.status} /> },
          { title: t('col.dpd'), align: 'right', render: (_, c) => c.daysPastDue ?? '—' },
          {
            title: t('col.overdue'),
            align: 'right',
            render: (_, c) => <Totals totals={c.totals} field="overdue" />,
          },
          {
            title: t('col.nextAction'),
            render: (_, c) =>
              c.nextActionOn
                ? `${c.nextActionOn} ${c.nextStepKey ? stepKeyText(t, c.nextStepKey) : ''}`
                : '—',
          },
          { title: t('col.collector'), render: (_, c) => c.collector?.displayName ?? '—' },
          {
            title: t('col.strategy'),
            render: (_, c) =>
              c.strategy ? `${strategyText(t, c.strategy.name)} v${c.strategy.version}` : '—',
          },
        ]}
      />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loading}
        onLoadMore={list.loadMore}
        count={list.items.length}
      />
    </>
  );
}
