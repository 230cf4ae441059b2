import { Space } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PackView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { cycleName } from './batch-format.ts';
import { ExpiryTag, PackStatusTag } from './sterile-tags.component.tsx';

interface Options {
  /** Business date (Asia/Shanghai) the expiry tags are read on. */
  today: string;
  /** The batch column (left out on the batch's own page). */
  showBatch?: boolean;
  /** The batch links to its page (the centre's staff: others cannot open it). */
  linkBatch?: boolean;
}

/** Only packs in circulation can still expire (docs/domain/sterile-supply.md "Pack states"). */
const LIVE = new Set<PackView['status']>(['sterilised', 'released', 'delivered']);

/** Columns of pack lists: a batch's packs, the stock. The barcode opens the pack's trace. */
export function usePackColumns({ today, showBatch = true, linkBatch = false }: Options): DataColumn<PackView>[] {
  const { t } = useTranslation();
  const cols: (DataColumn<PackView> | false)[] = [
    {
      title: t('sterile.barcode'),
      dataIndex: 'barcode',
      render: (v: string) => (
        <Link to={`/sterile/packs?barcode=${v}`} onClick={(e) => e.stopPropagation()} style={{ fontFamily: 'monospace' }} data-testid="pack-link">
          {v}
        </Link>
      ),
    },
    { title: t('sterile.packType'), dataIndex: 'packTypeName' },
    {
      title: t('sterile.status'),
      dataIndex: 'status',
      render: (_: unknown, p) => (
        <Space size={0} wrap>
          <PackStatusTag status={p.status} />
          {LIVE.has(p.status) && <ExpiryTag expiresOn={p.expiresOn} today={today} />}
        </Space>
      ),
      exportValue: (p) => t(`sterile.packStatuses.${p.status}`),
    },
    { title: t('sterile.holder'), dataIndex: 'organizationName', render: (v: string | null) => v ?? t('sterile.atCentre'), exportValue: (p) => p.organizationName ?? t('sterile.atCentre') },
    { title: t('sterile.sterilisedOn'), dataIndex: 'sterilisedOn' },
    { title: t('sterile.expiresOn'), dataIndex: 'expiresOn', sorter: (a, b) => (a.expiresOn < b.expiresOn ? -1 : a.expiresOn > b.expiresOn ? 1 : 0) },
    showBatch && {
      title: t('sterile.batch'),
      dataIndex: 'batchId',
      render: (_: unknown, p) => (linkBatch ? <Link to={`/sterile/batches/${p.batchId}`} onClick={(e) => e.stopPropagation()}>{cycleName(p)}</Link> : cycleName(p)),
      exportValue: (p) => cycleName(p),
    },
    {
      title: t('sterile.patient'),
      dataIndex: 'residentName',
      render: (_: unknown, p) => (p.residentId ? <Link to={`/residents/${p.residentId}`} onClick={(e) => e.stopPropagation()}>{p.residentName}</Link> : '—'),
      exportValue: (p) => orDash(p.residentName),
    },
    { title: t('sterile.usedAt'), dataIndex: 'usedAt', render: (v: string | null) => formatDateTime(v), exportValue: (p) => formatDateTime(p.usedAt) },
  ];
  return cols.filter((c): c is DataColumn<PackView> => !!c);
}
