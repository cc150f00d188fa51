// 催收策略: every version of every strategy; turn one on or off, open it in the editor.
import { Button, message, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { labelOr, useT } from '../../i18n';
import { collectionsApi, type StrategySummary } from './collectionsApi';
import { keyText, strategyText } from './parts';

export default function StrategyListPage() {
  const t = useT();
  const { data, error, loading, reload } = useRequest(() => collectionsApi.strategies(), []);
  const toggle = async (s: StrategySummary) => {
    try {
      await collectionsApi.setActive(s.id, !s.active);
      reload();
    } catch (failure) {
      message.error(String((failure as Error).message));
    }
  };
  return (
    <>
      <PageTitle title={t('nav.collections.strategies')} />
      <ApiErrorAlert error={error} />
      <Table<StrategySummary>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.items ?? []}
        data-testid="strategy-table"
        columns={[
          {
            title: t('col.strategy'),
            render: (_, s) => (
              <Link to={`/collections/strategies/${s.id}`}>
                {labelOr(t, `col.strategyName.${s.name}`, s.label)}
              </Link>
            ),
          },
          { title: t('col.key'), render: (_, s) => strategyText(t, s.name) },
          { title: t('col.version'), dataIndex: 'version' },
          { title: t('col.locale'), render: (_, s) => keyText(t, 'localeName', s.locale) },
          { title: t('col.steps'), dataIndex: 'stepCount' },
          {
            title: t('col.active'),
            render: (_, s) => (s.active ? <Tag color="green">{t('col.active')}</Tag> : null),
          },
          {
            title: '',
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => toggle(s)} data-testid={`toggle-${s.name}-${s.version}`}>
                  {s.active ? t('col.deactivate') : t('col.activate')}
                </Button>
                <Link to={`/collections/strategies/${s.id}`}>{t('col.edit')}</Link>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
