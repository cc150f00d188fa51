// Pieces of the case view: a queued message exactly as the customer will receive it, and the promise form.
import { Card, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatMessage, isMessageCode } from '../../../../src/shared/messages';
import { activeLocale, useT } from '../../i18n';
import { parseAmount } from '../../lib/money';
import type { OutboxMessage } from './collectionsApi';
import { keyText } from './parts';

// The reasons the engine and the use cases give for a message cancelled before sending (outbox.error),
// as they write them; any other text (a send failure, a missing contact) is shown as it is.
const MESSAGE_REASONS: Record<string, string> = {
  'cancelled before sending: the case is paused': 'col.msgCancel.paused',
  'cancelled before sending: a promise to pay holds the case': 'col.msgCancel.promise',
  'cancelled before sending: a payment plan holds the case': 'col.msgCancel.plan',
  'cancelled before sending: the case was handed to legal': 'col.msgCancel.legal',
  'cancelled before sending: the case was handed to a collection agency': 'col.msgCancel.agency',
  'case closed before sending': 'col.msgCancel.closed',
  'cancelled before sending: its invoices are no longer owed': 'col.msgCancel.paid',
};

export function MessageCard({ m }: { m: OutboxMessage }) {
  const t = useT();
  const reason = isMessageCode(m.errorCode)
    ? formatMessage(activeLocale(), m.errorCode, m.errorParams ?? {})
    : m.error
      ? MESSAGE_REASONS[m.error]
        ? t(MESSAGE_REASONS[m.error])
        : m.error
      : null;
  return (
    <Card
      size="small"
      title={`${m.scheduledOn} · ${t(`col.action.${m.channel}`)} · ${m.subject ?? ''}`}
      extra={<Tag>{keyText(t, 'outboxStatus', m.status)}</Tag>}
    >
      {reason && (
        <Typography.Paragraph type="warning" style={{ margin: '0 0 4px' }} data-testid="message-reason">
          {t('col.cancelReason')}: {reason}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary">
        {m.recipients.map((r) => `${r.name} <${r.address}>`).join(', ')}
      </Typography.Text>
      <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'monospace', margin: '8px 0 0' }}>{m.body}</pre>
    </Card>
  );
}

export function PromiseModal({
  open,
  currency,
  onClose,
  onSave,
}: {
  open: boolean;
  currency: string;
  onClose(): void;
  onSave(body: { amount: number; currency: string; dueOn: string }): void;
}) {
  const t = useT();
  const [amount, setAmount] = useState<string>('');
  const [dueOn, setDueOn] = useState('');
  const parsed = parseAmount(amount, currency);
  const minor = parsed.ok && parsed.minor > 0 ? parsed.minor : 0;
  return (
    <Modal
      open={open}
      title={t('col.addPromise')}
      onCancel={onClose}
      onOk={() => onSave({ amount: minor, currency, dueOn })}
      okButtonProps={{ disabled: !minor || !dueOn }}
    >
      <Flex vertical gap={8}>
        <Input
          addonBefore={currency}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          placeholder={t('col.amount')}
        />
        <Input
          type="date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
          aria-label={t('col.promiseDue')}
        />
      </Flex>
    </Modal>
  );
}
