// 登记收款: a payment with its remittance invoice numbers; the server allocates it (by reference, else
// oldest due first) unless auto-allocation is switched off. The amount is typed as decimal text and
// converted to minor units by string parsing.
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { paymentsApi } from '../../api/ledger';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageTitle } from '../../components/PageTitle';
import { useCurrencies, useEntities } from '../../hooks/useReference';
import { useT } from '../../i18n';
import { todayDayjs } from '../../lib/dates';
import { parseAmount } from '../../lib/money';
import { OpenInvoicesPanel } from './OpenInvoicesPanel';

interface Values {
  customerId: number;
  entityId: number;
  reference: string;
  receivedDate: Dayjs;
  currency: string;
  amount: string;
  method?: string;
  remittanceInvoiceNumbers?: string[];
  note?: string;
  autoAllocate: boolean;
}

const METHODS = ['bank_transfer', 'acceptance_bill', 'cash', 'check', 'card', 'other'];

export default function PaymentNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const entities = useEntities();
  const currencies = useCurrencies();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const customerId = Form.useWatch('customerId', form);
  const currency = Form.useWatch('currency', form);

  // Default the entity (and its currency) once entities arrive, when there is only an obvious choice.
  useEffect(() => {
    if (entities.length > 0 && form.getFieldValue('entityId') === undefined) {
      form.setFieldsValue({
        entityId: entities[0].id,
        currency: form.getFieldValue('currency') ?? entities[0].baseCurrency,
      });
    }
  }, [entities, form]);

  const submit = async (values: Values) => {
    const parsed = parseAmount(values.amount, values.currency);
    if (!parsed.ok) return;
    setSaving(true);
    setError(undefined);
    try {
      const payment = await paymentsApi.create({
        entityId: values.entityId,
        customerId: values.customerId,
        reference: values.reference.trim(),
        receivedDate: values.receivedDate.format('YYYY-MM-DD'),
        currency: values.currency,
        amount: parsed.minor,
        method: values.method || undefined,
        remittanceInvoiceNumbers: values.remittanceInvoiceNumbers?.length
          ? values.remittanceInvoiceNumbers
          : undefined,
        note: values.note?.trim() || undefined,
        autoAllocate: values.autoAllocate,
      });
      message.success(t('payments.recorded'));
      navigate(`/payments/${payment.id}`);
    } catch (failure) {
      setError(failure);
      if (failure instanceof ApiError) {
        form.setFields(
          failure.problems
            .filter((p) => p.field && p.field.replace(/^\//, '') in form.getFieldsValue())
            .map((p) => ({ name: p.field!.replace(/^\//, '') as keyof Values, errors: [p.reason] })),
        );
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageTitle title={t('payments.record')} />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card>
            <ApiErrorAlert error={error} onClose={() => setError(undefined)} />
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={submit}
              data-testid="payment-form"
              initialValues={{
                customerId: params.get('customerId') ? Number(params.get('customerId')) : undefined,
                receivedDate: todayDayjs(),
                autoAllocate: true,
                method: 'bank_transfer',
              }}
            >
              <Form.Item
                name="customerId"
                label={t('common.customer')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <CustomerPicker />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    name="entityId"
                    label={t('common.entity')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      options={entities.map((e) => ({ value: e.id, label: `${e.code} ${e.name}` }))}
                      onChange={(id: number) => {
                        const entity = entities.find((e) => e.id === id);
                        if (entity) form.setFieldsValue({ currency: entity.baseCurrency });
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="reference"
                    label={t('payments.col.reference')}
                    rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                  >
                    <Input maxLength={100} placeholder={t('payments.referenceHint')} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item
                    name="receivedDate"
                    label={t('payments.col.receivedDate')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="amount"
                    label={t('common.amount')}
                    dependencies={['currency']}
                    rules={[
                      { required: true, message: t('common.required') },
                      {
                        validator: async (_, value: string | undefined) => {
                          if (!value) return;
                          const parsed = parseAmount(value, form.getFieldValue('currency') ?? 'CNY');
                          if (!parsed.ok) throw new Error(t(`money.invalid.${parsed.reason}`));
                          if (parsed.minor <= 0) throw new Error(t('money.invalid.positive'));
                        },
                      },
                    ]}
                  >
                    <Input inputMode="decimal" placeholder="0.00" style={{ textAlign: 'right' }} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item
                    name="currency"
                    label={t('common.currency')}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select showSearch options={currencies.map((c) => ({ value: c.code, label: c.code }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="method" label={t('payments.col.method')}>
                <Select
                  allowClear
                  options={METHODS.map((m) => ({ value: m, label: t(`payments.method.${m}`) }))}
                />
              </Form.Item>
              <Form.Item
                name="remittanceInvoiceNumbers"
                label={t('payments.remittance')}
                extra={t('payments.remittanceHint')}
              >
                <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
              </Form.Item>
              <Form.Item name="note" label={t('payments.col.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Form.Item name="autoAllocate" label={t('payments.autoAllocate')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={saving} data-testid="payment-submit">
                  {t('common.save')}
                </Button>
                <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <OpenInvoicesPanel
            customerId={customerId}
            currency={currency}
            onPick={(number) => {
              const current: string[] = form.getFieldValue('remittanceInvoiceNumbers') ?? [];
              if (!current.includes(number))
                form.setFieldsValue({ remittanceInvoiceNumbers: [...current, number] });
            }}
          />
        </Col>
      </Row>
    </>
  );
}
