import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DiagnosticCentreView } from '@yigong/contracts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { ModalityTag } from './order-tags.component.tsx';

type Shift = DiagnosticCentreView['rota'][number];

/** `08:00–17:30`, the end's date shown when the shift runs past midnight (Asia/Shanghai). */
export function shiftTime(s: Pick<Shift, 'startsAt' | 'endsAt'>): string {
  const start = formatDateTime(s.startsAt);
  const end = formatDateTime(s.endsAt);
  return `${start.slice(11)}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : `${end.slice(5, 10)} ${end.slice(11)}`}`;
}

export function onDuty(s: Pick<Shift, 'startsAt' | 'endsAt'>, now: number): boolean {
  return Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt);
}

/** Who reads now, and who comes next. */
function OnDutyNow({ rota, now }: { rota: DiagnosticCentreView['rota']; now: number }) {
  const { t } = useTranslation();
  const current = rota.find((s) => onDuty(s, now));
  const next = rota.find((s) => Date.parse(s.startsAt) > now);
  return (
    <Space orientation="vertical" size={2}>
      <Space size={4} wrap>
        <Tag color={current ? 'green' : 'default'}>{t('centres.onDuty')}</Tag>
        {current ? (
          <Typography.Text strong>
            {current.readerName} <Typography.Text type="secondary">{shiftTime(current)}</Typography.Text>
          </Typography.Text>
        ) : (
          '—'
        )}
      </Space>
      {next && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('centres.next')}：{next.readerName} {formatDateTime(next.startsAt).slice(5)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** One card per centre: where it is, how to reach it, its open orders and who reads now. */
export function CentreCards({ centres, now }: { centres: readonly DiagnosticCentreView[]; now: number }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]} data-testid="centre-cards">
      {centres.map((c) => (
        <Col key={c.id} xs={24} lg={12} xxl={6}>
          <Card
            size="small"
            title={
              <Space>
                <ModalityTag modality={c.modality} />
                {c.name}
              </Space>
            }
            style={{ height: '100%' }}
          >
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Row gutter={16}>
                <Col span={12}>
                  <Statistic title={t('centres.openOrders')} value={c.openOrders} styles={{ content: { color: c.openOrders > 0 ? '#d46b08' : undefined } }} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('centres.items')} value={c.items} />
                </Col>
              </Row>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'org', label: t('diagnostics.performingUnit'), children: c.organizationName },
                  { key: 'phone', label: <PhoneOutlined />, children: c.phone ?? '—' },
                ]}
              />
              <OnDutyNow rota={c.rota} now={now} />
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
