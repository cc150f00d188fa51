import { Button, Flex, Typography } from 'antd';
import { useT } from '../i18n';

/** The footer of a keyset-paged list. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  count,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore(): void;
  count: number;
}) {
  const t = useT();
  return (
    <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('common.rows', { count })}</Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
      )}
    </Flex>
  );
}
