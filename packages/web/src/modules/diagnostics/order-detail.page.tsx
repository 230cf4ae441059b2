import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { NewConsultationButton } from './consultation-new.component.tsx';
import { useCriticalColumns } from './critical-columns.component.tsx';
import { useCanOrder } from './order-new.component.tsx';
import { OrderActions } from './order-actions.component.tsx';
import { OrderFacts } from './order-facts.component.tsx';
import { OrderResults } from './order-results.component.tsx';
import { OrderSteps } from './order-steps.component.tsx';
import { CriticalTag, ModalityTag, OrderStatusTag, OverdueTag, PriorityTag } from './order-tags.component.tsx';
import { OrderTimeline } from './order-timeline.component.tsx';
import { ReportVersions } from './report-versions.component.tsx';
import { useOrder } from './diagnostics.resource.ts';
import { useNow } from './use-now.ts';

function OrderCriticalValues({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const columns = useCriticalColumns({ now, ofOrder: true });
  return (
    <Card title={<span style={{ color: '#cf1322' }}>{t('diagnostics.orderCritical')}</span>} size="small" data-testid="order-critical">
      <DataTable columns={columns} rows={o.criticalValues} exportName={`${o.residentName}-${t('critical.title')}`} />
    </Card>
  );
}

function OrderBody({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  // 申请会诊 about this order's study: a doctor of a unit (the server checks diagnostics.order).
  const canConsult = useCanOrder();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="order-title">
            {o.residentName} · {o.itemName}
          </Typography.Title>
          <ModalityTag modality={o.modality} />
          <OrderStatusTag status={o.status} />
          <PriorityTag priority={o.priority} />
          <OverdueTag overdue={o.overdue} dueAt={o.reportDueAt} />
          <CriticalTag critical={o.critical} />
        </Space>
        <Space wrap>
          <Typography.Text type="secondary">
            {o.centreName} · {o.performingOrganizationName}
          </Typography.Text>
          {canConsult && <NewConsultationButton type="default" resident={{ id: o.residentId, name: o.residentName }} orderId={o.id} />}
        </Space>
      </Flex>
      <Card size="small">
        <OrderSteps o={o} />
      </Card>
      {o.criticalValues.length > 0 && <OrderCriticalValues o={o} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('diagnostics.reports')} size="small">
              <ReportVersions reports={o.reports} />
            </Card>
            <Card title={t('diagnostics.results')} size="small">
              <OrderResults o={o} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('diagnostics.actionsTitle')} size="small">
              <OrderActions o={o} />
            </Card>
            <Card title={t('diagnostics.facts')} size="small">
              <OrderFacts o={o} />
            </Card>
            <Card title={t('diagnostics.history')} size="small">
              <OrderTimeline history={o.history} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** 检查单: the status path, results (lab, ECG, images), reports, critical values, the caller's actions and the history. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const query = useOrder(id);
  return (
    <QueryState query={query} isEmpty={() => false}>
      {(o) => <OrderBody o={o} />}
    </QueryState>
  );
}
