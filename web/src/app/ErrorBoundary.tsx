// Catches a page that fails to render or whose code-split chunk fails to load (e.g. after a deploy), so the
// shell stays usable.
import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (this.state.error) return <Failure message={this.state.error.message} />;
    return this.props.children;
  }
}

function Failure({ message }: { message: string }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('app.loadFailed')}
      subTitle={message}
      extra={<Button onClick={() => window.location.reload()}>{t('app.reload')}</Button>}
    />
  );
}
