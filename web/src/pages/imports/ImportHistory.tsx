// Past import batches, newest first, each linking to its report. Dry runs are listed apart: they wrote nothing.
import { Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { importsApi } from '../../api/imports';
import type { ImportReport } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { useCursorList } from '../../hooks/useCursorList';
import { useT } from '../../i18n';

export const STATUS_COLOR: Record<string, string> = {
  loaded: 'green',
  validated: 'blue',
  rejected: 'red',
  failed: 'red',
  running: 'processing',
};

async function page(query: Record<string, unknown>) {
  const result = await importsApi.list(query as { limit?: number; cursor?: string; dryRun?: boolean });
  return { items: result.items, nextCursor: 'nextCursor' in result ? result.nextCursor : null };
}

export function ImportHistory() {
  const t = useT();
  const [dryRun, setDryRun] = useState(false);
  const list = useCursorList(page, { limit: 50, dryRun });
  return (
    <>
      <Segmented
        style={{ marginBottom: 12 }}
        data-testid="import-history-filter"
        value={dryRun ? 'dry' : 'imports'}
        onChange={(value) => setDryRun(value === 'dry')}
        options={[
          { value: 'imports', label: t('imports.history.imports') },
          { value: 'dry', label: t('imports.history.dryRuns') },
        ]}
      />
      <ApiErrorAlert error={list.error} />
      <Table<ImportReport>
        rowKey="batchId"
        size="small"
        data-testid="import-history"
        loading={list.loading && list.items.length === 0}
        pagination={false}
        dataSource={list.items}
        columns={[
          {
            title: '#',
            dataIndex: 'batchId',
            width: 70,
            render: (id: number) => <Link to={`/imports/${id}`}>{id}</Link>,
          },
          { title: t('imports.kind'), dataIndex: 'kind', render: (k: string) => t(`imports.kinds.${k}`) },
          { title: t('imports.file'), dataIndex: 'fileName' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`imports.status.${s}`)}</Tag>,
          },
          { title: t('imports.rowsTotal'), dataIndex: 'rowsTotal', align: 'right' },
          { title: t('imports.inserted'), dataIndex: 'inserted', align: 'right' },
          { title: t('imports.updated'), dataIndex: 'updated', align: 'right' },
          { title: t('imports.errorCount'), dataIndex: 'errorCount', align: 'right' },
          {
            title: t('imports.startedAt'),
            dataIndex: 'startedAt',
            render: (v?: string) => (v ? new Date(v).toLocaleString() : '—'),
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
