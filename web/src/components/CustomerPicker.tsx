// A customer select that searches the server as you type (code prefix, name — Chinese too — or tax id).
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { customersApi } from '../api/ledger';
import type { Customer } from '../api/types';
import { useT } from '../i18n';

interface Props {
  value?: number;
  onChange?: (value: number | undefined, customer?: Customer) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
  id?: string;
}

export function CustomerPicker({ value, onChange, placeholder, style, allowClear = true, id }: Props) {
  const t = useT();
  const [options, setOptions] = useState<Customer[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const ticket = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++ticket.current;
      setSearching(true);
      customersApi
        .list({ q: q || undefined, limit: 20, sort: 'code' })
        .then((page) => mine === ticket.current && setOptions(page.items))
        .catch(() => mine === ticket.current && setOptions([]))
        .finally(() => mine === ticket.current && setSearching(false));
    }, 250);
  };

  // Show the chosen customer's label even when it is not in the current search results.
  useEffect(() => {
    if (value === undefined || options.some((c) => c.id === value)) return;
    customersApi.get(value).then(
      (customer) => setOptions((previous) => [customer, ...previous]),
      () => {},
    );
  }, [value, options]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear={allowClear}
      value={value}
      placeholder={placeholder ?? t('customers.pick')}
      style={{ minWidth: 240, ...style }}
      notFoundContent={searching ? <Spin size="small" /> : null}
      onOpenChange={(open) => open && options.length === 0 && search('')}
      onChange={(next: number | undefined) =>
        onChange?.(
          next,
          options.find((c) => c.id === next),
        )
      }
      options={options.map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
      data-testid="customer-picker"
    />
  );
}
