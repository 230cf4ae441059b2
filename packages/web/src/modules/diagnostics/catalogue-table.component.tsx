import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticItemView } from '@yigong/contracts';
import { MODALITIES, type Modality } from '@yigong/domain';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { moneyColumn } from '../../shared/components/money-column.ts';
import { formatDuration } from './diagnostics-format.ts';
import { useValidityText } from './item-select.component.tsx';
import { ModalityTag } from './order-tags.component.tsx';

/** 服务目录: every item with its centre, report targets, 互认有效期 and price. */
export function CatalogueTable({ items, loading, error, onRetry }: { items: DiagnosticItemView[] | undefined; loading: boolean; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const validity = useValidityText();
  const [modality, setModality] = useState<Modality | undefined>();
  const duration = (m: number) => formatDuration(m, t);
  const columns: DataColumn<DiagnosticItemView>[] = [
    { title: t('centres.code'), dataIndex: 'code', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('centres.itemName'), dataIndex: 'name' },
    {
      title: t('centres.modality'),
      dataIndex: 'modality',
      render: (_: unknown, i) => <ModalityTag modality={i.modality} />,
      exportValue: (i) => t(`diagnostics.modalities.${i.modality}`),
    },
    { title: t('diagnostics.centre'), dataIndex: 'centreName' },
    { title: t('centres.routineTarget'), dataIndex: 'routineMinutes', align: 'right', sorter: (a, b) => a.routineMinutes - b.routineMinutes, render: (v: number) => duration(v) },
    { title: t('centres.urgentTarget'), dataIndex: 'urgentMinutes', align: 'right', sorter: (a, b) => a.urgentMinutes - b.urgentMinutes, render: (v: number) => duration(v) },
    { title: t('diagnostics.validity'), dataIndex: 'validityDays', align: 'right', sorter: (a, b) => a.validityDays - b.validityDays, render: (v: number) => validity(v) },
    {
      title: t('centres.recognisedBy'),
      dataIndex: 'recognisedBy',
      render: (_: unknown, i) => (i.recognisedBy === null ? t('diagnostics.recognisedByAll') : t('diagnostics.recognisedBySome', { count: i.recognisedBy.length })),
      exportValue: (i) => (i.recognisedBy === null ? t('diagnostics.recognisedByAll') : t('diagnostics.recognisedBySome', { count: i.recognisedBy.length })),
    },
    moneyColumn<DiagnosticItemView>(t('diagnostics.price'), 'price', (i) => i.priceFen),
    { title: t('centres.analytes'), key: 'analytes', align: 'right', render: (_: unknown, i) => (i.analytes.length > 0 ? i.analytes.length : '—'), exportValue: (i) => i.analytes.length },
  ];
  return (
    <DataTable
      data-testid="catalogue"
      columns={columns}
      rows={items?.filter((i) => !modality || i.modality === modality)}
      rowKey="code"
      loading={loading}
      error={error}
      onRetry={onRetry}
      toolbar={
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('diagnostics.allModalities')}
          value={modality}
          onChange={(v?: Modality) => setModality(v)}
          options={MODALITIES.map((m) => ({ value: m, label: t(`diagnostics.modalities.${m}`) }))}
        />
      }
      exportName={t('centres.catalogue')}
    />
  );
}
