// 审批 inbox: requests waiting for my decision, my own requests, and every request I can see. Each row shows
// the subject (kind, customer, what it is, amount), who asked and why, the step and its roles; approve or
// reject with a comment (a rejection needs one), or withdraw my own.
import { Button, Flex, Input, Modal, message, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert, errorText } from '../../components/ApiErrorAlert';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useRequest } from '../../hooks/useRequest';
import { labelOr, type Translate, useT } from '../../i18n';
import { dateTimeText } from '../../lib/dates';
import { APPROVALS_CHANGED, type Approval, type ApprovalScope, approvalsApi } from './approvalsApi';

const STATUS_COLOR: Record<Approval['status'], string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  cancelled: 'default',
  expired: 'default',
};

type Action = 'approve' | 'reject' | 'cancel';

const kindText = (t: Translate, kind: string) => labelOr(t, `approvals.kind.${kind}`, kind);
const rolesText = (t: Translate, roles: string[]) => roles.map((r) => labelOr(t, `role.${r}`, r)).join(' / ');

function Decisions({ approval }: { approval: Approval }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text>
        {t('approvals.reason')}: {approval.reason}
      </Typography.Text>
      {approval.decisions.map((d) => (
        <Typography.Text key={`${d.step}-${d.decidedAt}`} type="secondary">
          {t('approvals.decisionLine', {
            step: d.step,
            decision: t(`approvals.status.${d.decision}`),
            who: d.deciderName ?? '—',
            at: dateTimeText(d.decidedAt),
          })}
          {d.comment ? ` — ${d.comment}` : ''}
        </Typography.Text>
      ))}
    </Space>
  );
}

export default function ApprovalsPage() {
  const t = useT();
  const [scope, setScope] = useState<ApprovalScope>('todo');
  const list = useRequest(() => approvalsApi.list(scope), [scope]);
  const [pending, setPending] = useState<{ approval: Approval; action: Action } | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  const open = (approval: Approval, action: Action) => {
    setComment('');
    setPending({ approval, action });
  };
  const submit = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await approvalsApi.decide(pending.approval.id, pending.action, comment.trim() || null);
      message.success(t(`approvals.done.${pending.action}`));
      setPending(null);
      list.reload();
      window.dispatchEvent(new Event(APPROVALS_CHANGED));
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setBusy(false);
    }
  };

  const columns = [
    {
      title: t('approvals.subject'),
      key: 'subject',
      render: (_: unknown, a: Approval) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{kindText(t, a.kind)}</Typography.Text>
          <Link to={`/customers/${a.customerId}`}>
            {a.customerCode} {a.customerName}
          </Link>
          <Typography.Text type="secondary">
            {a.entityCode} · {a.subjectLabel}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, a: Approval) => <Money amount={a.amount} currency={a.currency} strong />,
    },
    {
      title: t('approvals.requester'),
      key: 'requester',
      render: (_: unknown, a: Approval) => (
        <Space orientation="vertical" size={0}>
          <span>{a.requesterName ?? t('approvals.system')}</span>
          <Typography.Text type="secondary">
            {a.requestedOn} → {a.expiresOn}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('approvals.step'),
      key: 'step',
      render: (_: unknown, a: Approval) =>
        a.currentStep ? (
          <span>
            {t('approvals.stepOf', { step: a.currentStep, steps: a.steps.length })}:{' '}
            {rolesText(t, a.steps[a.currentStep - 1])}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, a: Approval) => (
        <Tag color={STATUS_COLOR[a.status]}>{t(`approvals.status.${a.status}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, a: Approval) => (
        <Space>
          {a.canDecide && (
            <>
              <Button
                type="primary"
                size="small"
                onClick={() => open(a, 'approve')}
                data-testid={`approve-${a.id}`}
              >
                {t('approvals.approve')}
              </Button>
              <Button danger size="small" onClick={() => open(a, 'reject')} data-testid={`reject-${a.id}`}>
                {t('approvals.reject')}
              </Button>
            </>
          )}
          {a.canCancel && (
            <Button size="small" onClick={() => open(a, 'cancel')} data-testid={`cancel-${a.id}`}>
              {t('approvals.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('nav.approvals')}
        extra={<Button onClick={list.reload}>{t('common.refresh')}</Button>}
      />
      <Tabs
        activeKey={scope}
        onChange={(key) => setScope(key as ApprovalScope)}
        items={(['todo', 'mine', 'all'] as const).map((key) => ({ key, label: t(`approvals.scope.${key}`) }))}
      />
      {list.error ? <ApiErrorAlert error={list.error} /> : null}
      <Table<Approval>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        expandable={{ expandedRowRender: (a) => <Decisions approval={a} /> }}
        locale={{ emptyText: t(`approvals.empty.${scope}`) }}
        data-testid="approvals-table"
      />
      <Modal
        open={pending !== null}
        title={
          pending
            ? `${t(`approvals.${pending.action === 'cancel' ? 'withdraw' : pending.action}`)} · ${kindText(t, pending.approval.kind)}`
            : ''
        }
        onCancel={() => setPending(null)}
        onOk={submit}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{
          disabled: pending?.action === 'reject' && !comment.trim(),
          danger: pending?.action === 'reject',
        }}
      >
        {pending && (
          <Flex vertical gap={8}>
            <Typography.Text>
              {pending.approval.customerName} · {pending.approval.subjectLabel} ·{' '}
              <Money amount={pending.approval.amount} currency={pending.approval.currency} />
            </Typography.Text>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t(pending.action === 'reject' ? 'approvals.commentRequired' : 'approvals.comment')}
              data-testid="approval-comment"
            />
          </Flex>
        )}
      </Modal>
    </>
  );
}
