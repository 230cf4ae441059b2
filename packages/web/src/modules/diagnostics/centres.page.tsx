import { Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import type { DiagnosticCentreView } from '@yigong/contracts';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { CatalogueTable } from './catalogue-table.component.tsx';
import { CentreCards, onDuty, shiftTime } from './centre-cards.component.tsx';
import { ModalityTag } from './order-tags.component.tsx';
import { useDiagnosticCentres, useDiagnosticItems } from './diagnostics.resource.ts';
import { useNow } from './use-now.ts';

type RotaRow = DiagnosticCentreView['rota'][number] & { centreName: string; modality: DiagnosticCentreView['modality'] };

/** 排班 of today and tomorrow, every centre, the shift on duty now marked. */
function RotaTable({ centres, now }: { centres: readonly DiagnosticCentreView[]; now: number }) {
  const { t } = useTranslation();
  const rows: RotaRow[] = centres.flatMap((c) => c.rota.map((s) => ({ ...s, centreName: c.name, modality: c.modality })));
  const columns: DataColumn<RotaRow>[] = [
    {
      title: t('diagnostics.centre'),
      dataIndex: 'centreName',
      render: (_: unknown, r) => (
        <Space size={4}>
          <ModalityTag modality={r.modality} />
          {r.centreName}
        </Space>
      ),
    },
    { title: t('centres.date'), key: 'date', render: (_: unknown, r) => formatDate(r.startsAt), exportValue: (r) => formatDate(r.startsAt) },
    { title: t('centres.time'), key: 'time', render: (_: unknown, r) => shiftTime(r), exportValue: (r) => shiftTime(r) },
    {
      title: t('centres.reader'),
      dataIndex: 'readerName',
      render: (_: unknown, r) => (
        <Space size={4}>
          {r.readerName}
          {onDuty(r, now) && <Tag color="green">{t('centres.onDuty')}</Tag>}
        </Space>
      ),
    },
    { title: t('centres.startsAt'), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v), exportValue: (r) => formatDateTime(r.startsAt) },
    { title: t('centres.endsAt'), dataIndex: 'endsAt', render: (v: string) => formatDateTime(v), exportValue: (r) => formatDateTime(r.endsAt) },
  ];
  return <DataTable data-testid="rota" columns={columns} rows={rows} rowKey="id" exportName={t('centres.rota')} pageSize={20} />;
}

/** 诊断中心: the community's shared centres (open orders, today's and tomorrow's rota) and the catalogue. */
export default function CentresPage() {
  const { t } = useTranslation();
  const { communityId } = useCommunitySelection();
  const centres = useDiagnosticCentres(communityId);
  const items = useDiagnosticItems(communityId);
  const now = useNow(60_000);
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('centres.title')}
        </Typography.Title>
        <CommunitySelect />
      </Flex>
      <Typography.Paragraph type="secondary">{t('centres.hint')}</Typography.Paragraph>
      <QueryState query={centres}>
        {(list) => (
          <>
            <CentreCards centres={list} now={now} />
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t('centres.rota')}
            </Typography.Title>
            <RotaTable centres={list} now={now} />
          </>
        )}
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('centres.catalogue')}
      </Typography.Title>
      <CatalogueTable items={items.data} loading={items.isPending} error={items.error} onRetry={() => void items.refetch()} />
    </>
  );
}
