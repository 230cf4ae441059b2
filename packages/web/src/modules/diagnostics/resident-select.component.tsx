import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentListItem } from '@yigong/contracts';
import { useResidentSearch } from '../residents/resident.resource.ts';

/** A resident already chosen (the record the form was opened from). */
export interface KnownResident {
  id: string;
  name: string;
  detail?: string;
}

interface Props {
  communityId: string | null;
  value?: string;
  onChange?: (id: string | undefined) => void;
  known?: KnownResident | null;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * Chooses a resident with the resident search of the 居民 page (name, pinyin initials, ID
 * number, phone; GET /residents), typed ahead with a short pause.
 */
export function ResidentSelect({ communityId, value, onChange, known, disabled, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useResidentSearch(communityId, q);
  const found = search.data?.pages.flatMap((p) => p.items) ?? [];
  const label = (r: ResidentListItem) => `${r.name}（${t(`sex.${r.sex}`)}，${t('record.ageYears', { age: r.age })}）${r.idNumberMasked} · ${r.organizationName}`;
  const options = found.map((r) => ({ value: r.id, label: label(r) }));
  if (known && !options.some((o) => o.value === known.id)) options.unshift({ value: known.id, label: known.detail ? `${known.name}（${known.detail}）` : known.name });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      disabled={disabled}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={t('diagnostics.residentPlaceholder')}
      loading={search.isFetching}
      options={options}
      notFoundContent={search.isFetching ? t('state.loading') : t('state.empty')}
      data-testid={testId}
    />
  );
}
