// The filter bar of the customer list; every change goes to the URL, which reloads the list.
import { Checkbox, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useStaff } from '../../hooks/useReference';
import { useT } from '../../i18n';

export const FILTER_KEYS = ['q', 'region', 'segment', 'collectorId', 'overdue', 'sort'] as const;
type Key = (typeof FILTER_KEYS)[number];

export function CustomerFilters({
  filters,
  onChange,
}: {
  filters: Record<Key, string>;
  onChange(patch: Partial<Record<Key, string | undefined>>): void;
}) {
  const t = useT();
  const staff = useStaff();
  // Typed text is local until Enter/blur; it follows the URL when that changes (back button, links).
  const [q, setQ] = useState(filters.q);
  const [region, setRegion] = useState(filters.region);
  const [segment, setSegment] = useState(filters.segment);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => setRegion(filters.region), [filters.region]);
  useEffect(() => setSegment(filters.segment), [filters.segment]);

  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        placeholder={t('customers.searchPlaceholder')}
        style={{ width: 300 }}
        enterButton
        data-testid="customer-search"
      />
      <Input
        allowClear
        placeholder={t('customers.col.region')}
        value={region}
        onChange={(e) => setRegion(e.target.value)}
        onPressEnter={() => onChange({ region: region.trim() })}
        onBlur={() => onChange({ region: region.trim() })}
        style={{ width: 140 }}
      />
      <Input
        allowClear
        placeholder={t('customers.col.segment')}
        value={segment}
        onChange={(e) => setSegment(e.target.value)}
        onPressEnter={() => onChange({ segment: segment.trim() })}
        onBlur={() => onChange({ segment: segment.trim() })}
        style={{ width: 140 }}
      />
      <Select
        allowClear
        placeholder={t('customers.col.collector')}
        value={filters.collectorId || undefined}
        onChange={(value?: string) => onChange({ collectorId: value })}
        options={staff
          .filter((s) => s.roles.includes('collector'))
          .map((s) => ({ value: String(s.id), label: s.displayName }))}
        style={{ width: 160 }}
      />
      <Select
        value={filters.sort || 'code'}
        onChange={(value: string) => onChange({ sort: value })}
        options={[
          { value: 'code', label: t('customers.sort.code') },
          { value: 'name', label: t('customers.sort.name') },
          { value: '-code', label: t('customers.sort.codeDesc') },
          { value: '-overdue', label: t('customers.sort.overdueDesc') },
          { value: '-open', label: t('customers.sort.openDesc') },
          { value: 'overdue', label: t('customers.sort.overdue') },
          { value: 'open', label: t('customers.sort.open') },
        ]}
        style={{ width: 200 }}
        data-testid="customer-sort"
      />
      <Checkbox
        checked={filters.overdue === 'true'}
        onChange={(e) => onChange({ overdue: e.target.checked ? 'true' : undefined })}
        style={{ alignSelf: 'center' }}
      >
        {t('customers.overdueOnly')}
      </Checkbox>
    </Flex>
  );
}
