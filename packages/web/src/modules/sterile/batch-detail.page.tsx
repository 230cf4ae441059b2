import { Alert, Card, Col, Row, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BatchDetailView } from '@yigong/contracts';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime, shanghaiToday } from '../../shared/i18n/format.ts';
import { cycleName } from './batch-format.ts';
import { CycleRecord, ReleaseChecks } from './batch-facts.component.tsx';
import { BiologicalResult } from './biological-result.component.tsx';
import { usePackColumns } from './pack-columns.component.tsx';
import { RecallImpact } from './recall-impact.component.tsx';
import { SterileHeader } from './sterile-nav.component.tsx';
import { BatchStatusTag, ImplantsTag } from './sterile-tags.component.tsx';
import { useBatch } from './sterile.resource.ts';

/** Why the batch is where it is: held with the reasons, recalled with the cause, or released when. */
function StatusAlert({ b }: { b: BatchDetailView }) {
  const { t } = useTranslation();
  if (b.status === 'released') return <Alert type="success" showIcon title={t('sterile.releasedOn', { at: formatDateTime(b.releasedAt) })} data-testid="batch-alert" />;
  return (
    <Alert
      type={b.status === 'recalled' ? 'error' : 'warning'}
      showIcon
      title={t(b.status === 'recalled' ? 'sterile.recalledTitle' : 'sterile.heldTitle')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {b.holdReasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      }
      data-testid="batch-alert"
    />
  );
}

function BatchBody({ b }: { b: BatchDetailView }) {
  const { t } = useTranslation();
  const columns = usePackColumns({ today: shanghaiToday(), showBatch: false });
  // A result is recorded once, for a batch not recalled; the centre's staff record it.
  // The server says when (centre staff, not recalled, within 7 days of the cycle: the longest incubation).
  const canRecord = b.actions.includes('biological');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="batch-title">
          {t('sterile.batchOf', { name: cycleName(b), date: b.sterilisedOn })}
        </Typography.Title>
        <BatchStatusTag status={b.status} />
        <ImplantsTag implants={b.implants} />
      </Space>
      <StatusAlert b={b} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {b.recall && <RecallImpact b={b} recall={b.recall} />}
            <Card title={t('sterile.batchPacks', { count: b.packs.length })} size="small">
              <DataTable data-testid="batch-packs" columns={columns} rows={b.packs} rowKey="barcode" pageSize={20} exportName={`${t('sterile.batchPacksExport')}-${cycleName(b)}`} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {canRecord && (
              <Card title={t('sterile.biological')} size="small">
                <BiologicalResult b={b} />
              </Card>
            )}
            <Card title={t('sterile.releaseChecks')} size="small">
              <ReleaseChecks b={b} />
            </Card>
            <Card title={t('sterile.cycleRecord')} size="small">
              <CycleRecord b={b} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** 灭菌批次详情: status and why, the recall's reach, the packs, the biological result to record, the release checks and the cycle record. */
export default function BatchDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useBatch(id);
  return (
    <>
      <SterileHeader title={t('sterile.batchDetailTitle')} />
      <QueryState query={query} isEmpty={() => false}>
        {(b) => <BatchBody b={b} />}
      </QueryState>
    </>
  );
}
