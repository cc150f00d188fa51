// Step 2: which column feeds which field (suggested from the headers, every one changeable), the date
// format, and a look at the first rows. Validation is a dry run on the server: nothing is written.
import { Alert, Button, Checkbox, Flex, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { importsApi } from '../../api/imports';
import type { ImportField, ImportMapping } from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useCurrencies, useEntities } from '../../hooks/useReference';
import { labelOr, useLocale, useT } from '../../i18n';
import type { WizardState } from './ImportPage';

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/M/D',
  'M/D/YYYY',
  'D/M/YYYY',
  'D.M.YYYY',
  'YYYY年M月D日',
  'YYYYMMDD',
];

export function missingRequired(fields: ImportField[], mapping: ImportMapping): string[] {
  return fields
    .filter((f) => f.required && !mapping.columns[f.name] && !mapping.defaults?.[f.name])
    .map((f) => f.name);
}

/** The kinds whose rows may create their customers (mapping.createCustomers). */
const CUSTOMER_CREATING_KINDS = ['invoices', 'history'];

export function MappingStep({
  fields,
  state,
  onChange,
  onBack,
  onValidated,
}: {
  fields: ImportField[];
  state: WizardState;
  onChange(mapping: ImportMapping): void;
  onBack(): void;
  onValidated(report: NonNullable<WizardState['report']>): void;
}) {
  const { locale } = useLocale();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const preview = state.preview!;
  const { mapping } = state;
  const missing = missingRequired(fields, mapping);
  const sample = (header?: string) => {
    const index = header ? preview.headers.indexOf(header) : -1;
    return index < 0 ? '' : (preview.sampleRows.find((row) => row[index])?.[index] ?? '');
  };
  const entities = useEntities();
  const currencies = useCurrencies();
  const has = (field: string) => fields.some((f) => f.name === field);
  const setDefault = (field: string, value?: string) => {
    const defaults = { ...mapping.defaults };
    if (value) defaults[field] = value;
    else delete defaults[field];
    onChange({ ...mapping, defaults: Object.keys(defaults).length ? defaults : undefined });
  };
  const setColumn = (field: string, header?: string) => {
    const columns = { ...mapping.columns };
    if (header) columns[field] = header;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };

  const validate = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onValidated(await importsApi.run(state.file!, state.kind, mapping, true));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        {preview.format === 'csv'
          ? t('imports.fileInfo', {
              name: preview.fileName,
              format: 'CSV',
              encoding: preview.encoding ?? '?',
              delimiter: preview.delimiter === '\t' ? 'TAB' : (preview.delimiter ?? '?'),
              columns: preview.headers.length,
            })
          : t('imports.fileInfoXlsx', { name: preview.fileName, columns: preview.headers.length })}
      </Typography.Paragraph>
      <Table<ImportField>
        rowKey="name"
        size="small"
        pagination={false}
        data-testid="mapping-table"
        dataSource={fields}
        columns={[
          {
            title: t('imports.col.field'),
            dataIndex: 'name',
            width: 220,
            render: (name: string, f) => (
              <>
                <Typography.Text strong title={name}>
                  {f.required ? <span style={{ color: '#ff4d4f' }}>* </span> : null}
                  {labelOr(t, `imports.field.${name}`, name)}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('imports.col.column'),
            key: 'column',
            width: 260,
            render: (_, f) => (
              <Select
                allowClear
                value={mapping.columns[f.name]}
                onChange={(header?: string) => setColumn(f.name, header)}
                placeholder={t('imports.notMapped')}
                status={f.required && !mapping.columns[f.name] ? 'error' : undefined}
                style={{ width: '100%' }}
                options={preview.headers.map((h) => ({ value: h, label: h }))}
                data-testid={`map-${f.name}`}
              />
            ),
          },
          {
            title: t('imports.col.sample'),
            key: 'sample',
            render: (_, f) => {
              const value = sample(mapping.columns[f.name]);
              return value ? <Typography.Text code>{value}</Typography.Text> : null;
            },
          },
          {
            title: t('imports.col.description'),
            dataIndex: 'description',
            responsive: ['lg'],
            // The server describes fields in English; the zh-CN screen shows its own text for each.
            render: (text: string, f) =>
              locale === 'en' ? text : labelOr(t, `imports.fieldDesc.${f.name}`, text),
          },
        ]}
      />
      <Form layout="inline" style={{ marginTop: 16 }}>
        <Form.Item label={t('imports.dateFormat')}>
          <Select
            allowClear
            value={mapping.dateFormat}
            onChange={(dateFormat?: string) => onChange({ ...mapping, dateFormat })}
            placeholder={t('imports.dateFormatAuto')}
            style={{ width: 200 }}
            options={DATE_FORMATS.map((f) => ({ value: f, label: f }))}
          />
        </Form.Item>
        {has('entity') ? (
          <Form.Item label={t('imports.defaultEntity')} tooltip={t('imports.defaultEntityHint')}>
            <Select
              allowClear
              value={mapping.defaults?.entity}
              onChange={(code?: string) => setDefault('entity', code)}
              placeholder={t('imports.defaultNone')}
              style={{ width: 200 }}
              data-testid="default-entity"
              options={entities.map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }))}
            />
          </Form.Item>
        ) : null}
        {has('currency') ? (
          <Form.Item label={t('imports.defaultCurrency')} tooltip={t('imports.defaultCurrencyHint')}>
            <Select
              allowClear
              showSearch
              value={mapping.defaults?.currency}
              onChange={(code?: string) => setDefault('currency', code)}
              placeholder={t('imports.defaultCurrencyNone')}
              style={{ width: 160 }}
              data-testid="default-currency"
              options={currencies.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
            />
          </Form.Item>
        ) : null}
        {CUSTOMER_CREATING_KINDS.includes(state.kind) ? (
          <Form.Item tooltip={t('imports.createCustomersHint')}>
            <Checkbox
              checked={mapping.createCustomers === true}
              data-testid="create-customers"
              onChange={(e) => onChange({ ...mapping, createCustomers: e.target.checked || undefined })}
            >
              {t('imports.createCustomers')}
            </Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item>
          <Checkbox
            checked={mapping.decimalComma === true}
            onChange={(e) => onChange({ ...mapping, decimalComma: e.target.checked || undefined })}
          >
            {t('imports.decimalComma')}
          </Checkbox>
        </Form.Item>
      </Form>
      <SampleRows headers={preview.headers} rows={preview.sampleRows} />
      {missing.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('imports.missingRequired', { fields: missing.join(', ') })}
        />
      ) : null}
      <ApiErrorAlert error={error} />
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Space>
          <Button onClick={onBack}>{t('common.back')}</Button>
          <Button
            type="primary"
            onClick={validate}
            loading={busy}
            disabled={missing.length > 0}
            data-testid="import-validate"
          >
            {t('imports.validate')}
          </Button>
        </Space>
      </Flex>
    </>
  );
}

function SampleRows({ headers, rows }: { headers: string[]; rows: string[][] }) {
  const t = useT();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('imports.sampleRows', { count: Math.min(rows.length, 5) })}
      </Typography.Title>
      <Table<string[]>
        size="small"
        pagination={false}
        rowKey={(_, index) => String(index)}
        scroll={{ x: 'max-content' }}
        dataSource={rows.slice(0, 5)}
        columns={headers.map((h, i) => ({ title: h, key: String(i), render: (_, row) => row[i] }))}
      />
    </>
  );
}
