import { Alert, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BatchDetailView } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { cycleName } from './batch-format.ts';
import { groupToRetrieve } from './recall-groups.ts';

type Recall = NonNullable<BatchDetailView['recall']>;
type Used = Recall['used'][number];

/** 已用于患者: whom to notify — the resident (their record), the unit that used the pack, when. */
function UsedTable({ used, exportName }: { used: Recall['used']; exportName: string }) {
  const { t } = useTranslation();
  const columns: DataColumn<Used>[] = [
    {
      title: t('sterile.patient'),
      dataIndex: 'residentName',
      render: (_: unknown, u) => (
        <Link to={`/residents/${u.residentId}`} data-testid="recall-resident">
          {u.residentName}
        </Link>
      ),
    },
    { title: t('sterile.usedAtUnit'), dataIndex: 'organizationName', render: (v: string | null) => v ?? '—' },
    { title: t('sterile.usedAt'), dataIndex: 'usedAt', render: (v: string) => formatDateTime(v), exportValue: (u) => formatDateTime(u.usedAt) },
    { title: t('sterile.barcode'), dataIndex: 'barcode', render: (v: string) => <Link to={`/sterile/packs?barcode=${v}`} style={{ fontFamily: 'monospace' }}>{v}</Link> },
  ];
  return <DataTable data-testid="recall-used" columns={columns} rows={used} rowKey="barcode" exportName={exportName} />;
}

/** 待收回: the packs to fetch back, one card per unit holding them (as the recall found them), the centre's own shelf last. */
function ToRetrieve({ items }: { items: Recall['toRetrieve'] }) {
  const { t } = useTranslation();
  const groups = groupToRetrieve(items);
  if (groups.length === 0) return <Typography.Text type="secondary">{t('sterile.nothingToRetrieve')}</Typography.Text>;
  return (
    <Row gutter={[12, 12]} data-testid="recall-retrieve">
      {groups.map((g) => (
        <Col key={g.organizationId ?? 'centre'} xs={24} md={12}>
          <Card size="small" title={g.organizationName ?? t('sterile.atCentre')} extra={<Tag color="red">{t('sterile.packsCount', { count: g.packs.length })}</Tag>}>
            <List
              size="small"
              dataSource={g.packs}
              renderItem={(p) => (
                // The status the pack had when the recall reached it: on the shelf, delivered, returned…
                <List.Item key={p.barcode} extra={p.status && <Tag>{t('sterile.whenRecalled', { status: t(`sterile.packStatusesShort.${p.status}`) })}</Tag>}>
                  <Link to={`/sterile/packs?barcode=${p.barcode}`} style={{ fontFamily: 'monospace' }}>
                    {p.barcode}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 召回影响 of a recalled batch (docs/domain/sterile-supply.md "Recall"): the residents a pack was
 * already used on, to notify their doctors; the packs to fetch back, by unit; packs whose history
 * a person must check; the other batches the same failed indicator recalled.
 */
export function RecallImpact({ b, recall }: { b: BatchDetailView; recall: Recall }) {
  const { t } = useTranslation();
  return (
    <Card title={<Typography.Text type="danger">{t('sterile.recallImpact')}</Typography.Text>} size="small" data-testid="recall-impact">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title={t('sterile.recallResidents')} value={recall.residentCount} styles={{ content: { color: recall.residentCount > 0 ? '#cf1322' : undefined } }} />
          </Col>
          <Col span={8}>
            <Statistic title={t('sterile.recallUsed')} value={recall.used.length} />
          </Col>
          <Col span={8}>
            <Statistic title={t('sterile.recallToRetrieve')} value={recall.toRetrieve.length} />
          </Col>
        </Row>
        {b.recalledWith.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('sterile.recalledWith')}
            description={
              <Space wrap>
                {b.recalledWith.map((r) => (
                  <Link key={r.id} to={`/sterile/batches/${r.id}`}>
                    {cycleName(r)}
                  </Link>
                ))}
              </Space>
            }
          />
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('sterile.usedOnPatients')}
        </Typography.Title>
        <UsedTable used={recall.used} exportName={`${t('sterile.usedOnPatients')}-${cycleName(b)}`} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('sterile.toRetrieve')}
        </Typography.Title>
        <ToRetrieve items={recall.toRetrieve} />
        {recall.unclear.length > 0 && (
          <Alert type="error" showIcon title={t('sterile.unclear')} description={<Space wrap>{recall.unclear.map((c) => <Link key={c} to={`/sterile/packs?barcode=${c}`} style={{ fontFamily: 'monospace' }}>{c}</Link>)}</Space>} data-testid="recall-unclear" />
        )}
      </Space>
    </Card>
  );
}
