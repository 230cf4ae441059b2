import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { FLAG_COLOURS, FlagTag } from './order-tags.component.tsx';

type Observation = OrderDetailView['observations'][number];

const TEXT_COLOURS: Record<string, string> = { orange: '#d46b08', red: '#cf1322' };

function range(o: Observation): string {
  if (o.low === null && o.high === null) return '—';
  if (o.low === null) return `≤ ${o.high}`;
  if (o.high === null) return `≥ ${o.low}`;
  return `${o.low}–${o.high}`;
}

/** 检验结果: one row per analyte, the value coloured by its flag (H/L orange, HH/LL red). */
export function LabResults({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const columns: DataColumn<Observation>[] = [
    { title: t('diagnostics.code'), dataIndex: 'code', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('diagnostics.analyte'), dataIndex: 'name', render: (_: unknown, b) => b.name ?? b.code, exportValue: (b) => b.name ?? b.code },
    {
      title: t('diagnostics.value'),
      dataIndex: 'value',
      align: 'right',
      render: (_: unknown, b) => {
        const colour = b.flag && b.flag !== 'N' ? TEXT_COLOURS[FLAG_COLOURS[b.flag]] : undefined;
        return (
          <Typography.Text strong={!!colour} style={{ color: colour }} data-testid="lab-value">
            {String(b.value)}
            {b.flag === 'H' || b.flag === 'HH' ? ' ↑' : b.flag === 'L' || b.flag === 'LL' ? ' ↓' : ''}
          </Typography.Text>
        );
      },
    },
    { title: t('diagnostics.unit'), dataIndex: 'unit', render: (v: string | null) => v ?? '' },
    { title: t('diagnostics.range'), key: 'range', render: (_: unknown, b) => range(b), exportValue: range },
    {
      title: t('diagnostics.flag'),
      dataIndex: 'flag',
      render: (_: unknown, b) => <FlagTag flag={b.flag} />,
      exportValue: (b) => (b.flag ? t(`diagnostics.flags.${b.flag}`) : ''),
    },
  ];
  return (
    <DataTable
      data-testid="lab-results"
      columns={columns}
      rows={o.observations}
      rowKey="code"
      exportName={`${o.residentName}-${o.itemName}`}
    />
  );
}
