// The customer's master data, including free attributes from imports.
import { Descriptions } from 'antd';
import { Link } from 'react-router';
import type { CustomerDetail } from '../../api/types';
import { useT } from '../../i18n';

export function CustomerInfo({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const dash = (v: string | number | null | undefined) =>
    v === null || v === undefined || v === '' ? '—' : v;
  const attributes = Object.entries(customer.attributes ?? {});
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'code', label: t('customers.col.code'), children: customer.code },
        { key: 'name', label: t('customers.col.name'), children: customer.name },
        { key: 'taxId', label: t('customers.col.taxId'), children: dash(customer.taxId) },
        {
          key: 'parent',
          label: t('customers.col.parent'),
          children: customer.parent ? (
            <Link to={`/customers/${customer.parent.id}`}>
              {customer.parent.code} {customer.parent.name}
            </Link>
          ) : (
            '—'
          ),
        },
        { key: 'region', label: t('customers.col.region'), children: dash(customer.region) },
        { key: 'country', label: t('customers.col.country'), children: customer.country },
        { key: 'segment', label: t('customers.col.segment'), children: dash(customer.segment) },
        { key: 'terms', label: t('customers.col.terms'), children: dash(customer.paymentTermsDays) },
        {
          key: 'collector',
          label: t('customers.col.collector'),
          children: dash(customer.collector?.displayName),
        },
        {
          key: 'salesperson',
          label: t('customers.col.salesperson'),
          children: dash(customer.salesperson?.displayName),
        },
        { key: 'language', label: t('customers.col.language'), children: customer.language },
        { key: 'timeZone', label: t('customers.col.timeZone'), children: customer.timeZone },
        ...attributes.map(([key, value]) => ({
          key: `attr-${key}`,
          label: key,
          children: typeof value === 'object' ? JSON.stringify(value) : String(value),
        })),
      ]}
    />
  );
}
