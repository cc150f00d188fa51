import { Spin } from 'antd';
import { useT } from '../i18n';

export function PageLoading() {
  const t = useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('app.loading')} />
    </div>
  );
}
