import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackTypeView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { moneyColumn } from '../../shared/components/money-column.ts';

interface Props {
  types: PackTypeView[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}

/** 灭菌包目录: each pack type with its wrap, the shelf life the wrap gives in this centre's store, the stock on the shelf and the charge. */
export function PackTypeTable({ types, loading, error, onRetry }: Props) {
  const { t } = useTranslation();
  const columns: DataColumn<PackTypeView>[] = [
    { title: t('sterile.code'), dataIndex: 'code', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    {
      title: t('sterile.packType'),
      dataIndex: 'name',
      render: (_: unknown, p) => (
        <>
          {p.name}
          {!p.active && <Tag style={{ marginInlineStart: 8 }}>{t('sterile.inactive')}</Tag>}
        </>
      ),
    },
    { title: t('sterile.wrap'), dataIndex: 'wrap', render: (_: unknown, p) => t(`sterile.wraps.${p.wrap}`), exportValue: (p) => t(`sterile.wraps.${p.wrap}`) },
    {
      title: t('sterile.shelfLife'),
      dataIndex: 'shelfLifeDays',
      align: 'right',
      sorter: (a, b) => a.shelfLifeDays - b.shelfLifeDays,
      render: (v: number) => t('sterile.days', { count: v }),
    },
    {
      title: t('sterile.onShelf'),
      dataIndex: 'onShelf',
      align: 'right',
      sorter: (a, b) => a.onShelf - b.onShelf,
      render: (v: number) => <Typography.Text type={v === 0 ? 'danger' : undefined} strong={v === 0}>{v}</Typography.Text>,
    },
    moneyColumn<PackTypeView>(t('sterile.price'), 'price', (p) => p.priceFen),
    {
      title: t('sterile.contents'),
      dataIndex: 'contents',
      width: 320,
      render: (v: string) => (
        <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 320 }}>
          {v || '—'}
        </Typography.Text>
      ),
    },
  ];
  return <DataTable data-testid="pack-types" columns={columns} rows={types} rowKey="code" loading={loading} error={error} onRetry={onRetry} exportName={t('sterile.catalogue')} />;
}
