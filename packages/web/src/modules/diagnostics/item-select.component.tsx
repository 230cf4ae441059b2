import { Descriptions, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiagnosticItemView } from '@yigong/contracts';
import { MODALITIES } from '@yigong/domain';
import { formatYuan } from '../../shared/i18n/format.ts';
import { formatDuration } from './diagnostics-format.ts';
import { ModalityTag } from './order-tags.component.tsx';

/** 互认有效期 of an item: `7 天`, or the same business day only. */
export function useValidityText(): (days: number) => string {
  const { t } = useTranslation();
  return (days) => (days === 0 ? t('diagnostics.validitySameDay') : t('diagnostics.validityDays', { count: days }));
}

interface Props {
  items: readonly DiagnosticItemView[];
  loading?: boolean;
  value?: string;
  onChange?: (code: string | undefined) => void;
  'data-testid'?: string;
}

/** The catalogue grouped by centre kind (影像 / 心电 / 检验 / 病理), each item with its price and 互认有效期. */
export function ItemSelect({ items, loading, value, onChange, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const validity = useValidityText();
  const options = MODALITIES.map((m) => ({
    label: t(`diagnostics.modalities.${m}`),
    options: items
      .filter((i) => i.modality === m)
      .map((i) => ({
        value: i.code,
        searchText: `${i.code} ${i.name}`,
        label: (
          <Flex justify="space-between" gap={12}>
            <span>{i.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatYuan(i.priceFen)} · {t('diagnostics.validity')} {validity(i.validityDays)}
            </Typography.Text>
          </Flex>
        ),
      })),
  })).filter((g) => g.options.length > 0);
  return (
    <Select
      showSearch={{ optionFilterProp: 'searchText' }}
      allowClear
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      placeholder={t('diagnostics.itemPlaceholder')}
      loading={loading}
      options={options}
      data-testid={testId}
    />
  );
}

/** What ordering an item means: its centre, price, report targets and how long its result is recognised. */
export function ItemFacts({ item }: { item: DiagnosticItemView }) {
  const { t } = useTranslation();
  const validity = useValidityText();
  const duration = (m: number) => formatDuration(m, t);
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      data-testid="item-facts"
      items={[
        { key: 'centre', label: t('diagnostics.centre'), children: <><ModalityTag modality={item.modality} />{item.centreName}</> },
        { key: 'price', label: t('diagnostics.price'), children: formatYuan(item.priceFen) },
        { key: 'target', label: t('diagnostics.target'), children: t('diagnostics.targetValue', { routine: duration(item.routineMinutes), urgent: duration(item.urgentMinutes) }) },
        {
          key: 'validity',
          label: t('diagnostics.validity'),
          children: `${validity(item.validityDays)} · ${item.recognisedBy === null ? t('diagnostics.recognisedByAll') : t('diagnostics.recognisedBySome', { count: item.recognisedBy.length })}`,
        },
      ]}
    />
  );
}
