import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PackDetailView } from '@yigong/contracts';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { cycleName } from './batch-format.ts';
import { PackActionModal, type PackModalAction } from './pack-action-modal.component.tsx';
import { PackSteps } from './pack-steps.component.tsx';
import { PackTimeline } from './pack-timeline.component.tsx';
import { BatchStatusTag, ExpiryTag, PackStatusTag } from './sterile-tags.component.tsx';

const ACTIONS: PackModalAction[] = ['use', 'return'];
const LIVE = new Set<PackDetailView['status']>(['sterilised', 'released', 'delivered']);

/** 灭菌包信息: type, batch (a link for the centre's staff), days, holder, patient. */
function PackFacts({ p, today, linkBatch }: { p: PackDetailView; today: string; linkBatch: boolean }) {
  const { t } = useTranslation();
  const batch = `${cycleName(p)} · ${t(`sterile.methods.${p.batch.method}`)}`;
  const items = [
    { key: 'type', label: t('sterile.packType'), children: `${p.packTypeName}（${p.packType}）` },
    {
      key: 'batch',
      label: t('sterile.batch'),
      children: (
        <Space size={4} wrap>
          {linkBatch ? <Link to={`/sterile/batches/${p.batchId}`}>{batch}</Link> : batch}
          <BatchStatusTag status={p.batch.status} />
        </Space>
      ),
    },
    { key: 'sterilised', label: t('sterile.sterilisedOn'), children: p.sterilisedOn },
    {
      key: 'expires',
      label: t('sterile.expiresOn'),
      children: (
        <Space size={4}>
          {p.expiresOn}
          {LIVE.has(p.status) && <ExpiryTag expiresOn={p.expiresOn} today={today} />}
        </Space>
      ),
    },
    { key: 'holder', label: t('sterile.holder'), children: p.organizationName ?? t('sterile.atCentre') },
    p.residentId && { key: 'patient', label: t('sterile.patient'), children: <Link to={`/residents/${p.residentId}`} data-testid="pack-resident">{p.residentName}</Link> },
    p.usedAt && { key: 'usedAt', label: t('sterile.usedAt'), children: formatDateTime(p.usedAt) },
    p.batch.status === 'recalled' && { key: 'recall', label: t('sterile.recallReason'), children: <Typography.Text type="danger">{orDash(p.batch.recallReason)}</Typography.Text> },
  ];
  return <Descriptions size="small" column={1} data-testid="pack-facts" items={items.filter((i) => !!i)} />;
}

/** One pack: its path from sterilisation to a patient, breaks in its history, its facts, the holder's buttons, every event. */
export function PackDetail({ p, today, linkBatch }: { p: PackDetailView; today: string; linkBatch: boolean }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<PackModalAction | null>(null);
  const actions = ACTIONS.filter((a) => p.actions.includes(a));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="pack-detail">
      <Space wrap align="center">
        <Typography.Title level={5} style={{ margin: 0, fontFamily: 'monospace' }} data-testid="pack-title">
          {p.barcode}
        </Typography.Title>
        <Typography.Text strong>{p.packTypeName}</Typography.Text>
        <PackStatusTag status={p.status} />
      </Space>
      {p.batch.status === 'recalled' && p.status !== 'recalled' && <Alert type="error" showIcon title={t('sterile.batchRecalledWarning')} />}
      <Card size="small">
        <PackSteps p={p} />
      </Card>
      {p.issues.length > 0 && (
        <Alert type="warning" showIcon title={t('sterile.traceIssues')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{p.issues.map((i) => <li key={i}>{i}</li>)}</ul>} data-testid="pack-issues" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('sterile.actionsTitle')}>
              {actions.length === 0 ? (
                <Typography.Text type="secondary">{t('sterile.noPackActions')}</Typography.Text>
              ) : (
                <Space wrap data-testid="pack-actions">
                  {actions.map((a, i) => (
                    <Button key={a} type={i === 0 ? 'primary' : 'default'} onClick={() => setAction(a)} data-testid={`pack-action-${a}`}>
                      {t(`sterile.packActions.${a}`)}
                    </Button>
                  ))}
                </Space>
              )}
            </Card>
            <Card size="small" title={t('sterile.packFacts')}>
              <PackFacts p={p} today={today} linkBatch={linkBatch} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('sterile.traceRecord')}>
            <PackTimeline p={p} />
          </Card>
        </Col>
      </Row>
      <PackActionModal action={action} p={p} onClose={() => setAction(null)} />
    </Space>
  );
}
