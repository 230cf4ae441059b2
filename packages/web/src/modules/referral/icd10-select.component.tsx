import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIcd10Search } from '../residents/resident.resource.ts';
import type { Icd10Item } from '@yigong/contracts';

/** A chosen code with its shown label (labelInValue keeps the label when the search changes). */
export interface IcdValue {
  value: string;
  label: string;
}

export function icdLabel(item: Pick<Icd10Item, 'code' | 'nameZh' | 'nameEn'>, lang: string): string {
  return `${item.code} ${lang === 'en' ? item.nameEn : item.nameZh}`;
}

/** `{code, name}` of a referral's diagnosis as a select value. */
export function toIcdValue(code: string, name?: string | null): IcdValue {
  return { value: code, label: name ? `${code} ${name}` : code };
}

interface Props {
  value?: IcdValue | IcdValue[] | null;
  onChange?: (v: IcdValue | IcdValue[] | null) => void;
  multiple?: boolean;
  placeholder?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
}

/** ICD-10 search select (GET /icd10?q=), single or multiple. */
export function Icd10Select({ value, onChange, multiple, placeholder, style, 'data-testid': testId }: Props) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const icd = useIcd10Search(q);
  return (
    <Select
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      labelInValue
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      style={{ width: '100%', ...style }}
      placeholder={placeholder ?? t('referral.icdSearch')}
      loading={icd.isFetching}
      notFoundContent={icd.isFetching ? t('state.loading') : t('state.empty')}
      options={(icd.data ?? []).map((c) => ({ value: c.code, label: icdLabel(c, i18n.language) }))}
      value={value ?? undefined}
      onChange={(v: IcdValue | IcdValue[] | undefined) => onChange?.(v ?? null)}
      onBlur={() => setQ('')}
    />
  );
}
