// What a chosen customer would receive and when under the strategy being edited (nothing is saved).
import { Button, Card, Empty, Flex, Input, InputNumber, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CustomerPicker } from '../../components/CustomerPicker';
import { useT } from '../../i18n';
import { collectionsApi, type PreviewEvent, type StrategyDefinition } from './collectionsApi';
import { StageTag } from './parts';

export function StrategyPreview({ definition }: { definition: StrategyDefinition }) {
  const t = useT();
  const [customerId, setCustomerId] = useState<number>();
  const [from, setFrom] = useState(new Date().toISOString().slice(0, 10));
  const [days, setDays] = useState(90);
  const [events, setEvents] = useState<PreviewEvent[]>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const run = async () => {
    if (!customerId) return;
    setLoading(true);
    setError(undefined);
    try {
      setEvents((await collectionsApi.preview(definition, customerId, from, days)).items);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Card size="small" title={t('col.preview')}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <CustomerPicker
          value={customerId}
          onChange={(id) => setCustomerId(id)}
          placeholder={t('col.previewFor')}
          style={{ width: 240 }}
          id="preview-customer"
        />
        <Input
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          style={{ width: 150 }}
          aria-label={t('col.previewFrom')}
        />
        <InputNumber
          min={1}
          max={366}
          value={days}
          onChange={(v) => setDays(Number(v) || 90)}
          aria-label={t('col.previewDays')}
        />
        <Button
          type="primary"
          onClick={run}
          loading={loading}
          disabled={!customerId}
          data-testid="run-preview"
        >
          {t('col.preview')}
        </Button>
      </Flex>
      <ApiErrorAlert error={error} />
      {events && events.length === 0 && <Empty description={t('col.previewEmpty')} />}
      {events && events.length > 0 && (
        <Timeline
          data-testid="preview-timeline"
          items={events.map((e) => ({
            key: `${e.date}-${e.stepKey}`,
            content: (
              <div>
                <Typography.Text strong>{e.date}</Typography.Text> <StageTag stage={e.stage} />{' '}
                {t(`col.action.${e.action}`)} — {e.label}
                {e.message && (
                  <details>
                    <summary>{e.message.subject ?? e.message.body.slice(0, 60)}</summary>
                    <Typography.Text type="secondary">{e.message.recipients.join(', ')}</Typography.Text>
                    <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}>{e.message.body}</pre>
                  </details>
                )}
                {e.task && (
                  <details>
                    <summary>{e.task.title}</summary>
                    <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace' }}>
                      {e.task.instructions}
                    </pre>
                  </details>
                )}
                {e.skipped && (
                  <Typography.Text type="warning">
                    {' '}
                    {t('col.noRecipient', { reason: e.skipped })}
                  </Typography.Text>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
