import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SterileCentreView } from '@yigong/contracts';
import { PackStatusChart } from './pack-status-chart.component.tsx';

/** A figure of the board, a link to the list behind it when there is one. */
function Figure({ title, value, to, warn, testId }: { title: string; value: number; to?: string; warn?: boolean; testId: string }) {
  const stat = <Statistic title={title} value={value} styles={{ content: { color: warn && value > 0 ? '#d46b08' : undefined } }} />;
  return (
    <Col xs={12} md={6} data-testid={testId}>
      {to ? <Link to={to}>{stat}</Link> : stat}
    </Col>
  );
}

/**
 * The centre (消毒供应中心): where it is, how to reach it, whether its sterile store meets WS 310.1
 * (cotton then keeps 14 days, else 7), and its board — packs on the shelf and out at the units,
 * batches waiting for release, requests waiting for delivery — with the packs by status.
 */
export function CentreCard({ centre, showBatches }: { centre: SterileCentreView; showBatches: boolean }) {
  const { t } = useTranslation();
  const n = (s: string) => centre.packCounts[s] ?? 0;
  return (
    <Card
      size="small"
      data-testid="centre-card"
      title={
        <Space wrap>
          {centre.name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {centre.organizationName}
          </Typography.Text>
        </Space>
      }
      extra={
        <Tag color={centre.storageMeetsStandard ? 'green' : 'orange'} data-testid="storage-tag">
          {t(centre.storageMeetsStandard ? 'sterile.storageOk' : 'sterile.storageNotOk')}
        </Tag>
      }
    >
      <Row gutter={[16, 16]}>
        <Figure title={t('sterile.onShelf')} value={n('released')} to="/sterile/packs?status=released" testId="figure-on-shelf" />
        <Figure title={t('sterile.outAtUnits')} value={n('delivered')} to="/sterile/packs?status=delivered" testId="figure-delivered" />
        <Figure title={t('sterile.heldBatches')} value={centre.heldBatches} to={showBatches ? '/sterile/batches?status=held' : undefined} warn testId="figure-held" />
        <Figure title={t('sterile.openRequests')} value={centre.openRequests} to="/sterile/requests" warn testId="figure-open-requests" />
      </Row>
      <Row gutter={[16, 8]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Typography.Text type="secondary">{t('sterile.packsByStatus')}</Typography.Text>
          <PackStatusChart counts={centre.packCounts} />
        </Col>
        <Col xs={24} lg={8}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'unit', label: t('sterile.centreUnit'), children: centre.organizationName },
              { key: 'phone', label: <PhoneOutlined />, children: centre.phone ?? '—' },
              { key: 'storage', label: t('sterile.storage'), children: t(centre.storageMeetsStandard ? 'sterile.storageOkHint' : 'sterile.storageNotOkHint') },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
