import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetailView } from '@yigong/contracts';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { ConsultationActions } from './consultation-actions.component.tsx';
import { ConsultationAttachments } from './consultation-attachments.component.tsx';
import { ConsultationFacts } from './consultation-facts.component.tsx';
import { ConsultationSteps } from './consultation-steps.component.tsx';
import { CONSULTATION_TIMELINE_COLOURS, ConsultationStatusTag, SideTag, UrgencyTag } from './consultation-tags.component.tsx';
import { useConsultation } from './consultation.resource.ts';
import { StatusTimeline } from './order-timeline.component.tsx';

/** 会诊意见: the written opinion, who gave it and when; or what the consultation waits for. */
function Opinion({ c }: { c: ConsultationDetailView }) {
  const { t } = useTranslation();
  if (!c.opinion) return <Typography.Text type="secondary">{t(c.status === 'declined' || c.status === 'cancelled' ? 'consultation.noOpinionEnded' : 'consultation.noOpinion')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="consultation-opinion-text">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 15 }}>{c.opinion}</Typography.Paragraph>
      <Typography.Text type="secondary">{t('consultation.opinionBy', { name: c.consultantName ?? '—', unit: c.consultantOrganizationName, at: formatDateTime(c.opinionAt) })}</Typography.Text>
    </Space>
  );
}

function ConsultationBody({ c }: { c: ConsultationDetailView }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="consultation-title">
            {t('consultation.titleOf', { name: c.residentName })}
          </Typography.Title>
          <ConsultationStatusTag status={c.status} />
          <UrgencyTag urgency={c.urgency} />
          <SideTag side={c.side} />
        </Space>
        <Typography.Text type="secondary">
          {c.requestingOrganizationName} → {c.consultantOrganizationName}
          {c.consultantDepartment ? ` · ${c.consultantDepartment}` : ''}
        </Typography.Text>
      </Flex>
      <Card size="small">
        <ConsultationSteps c={c} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('consultation.question')} size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="consultation-question-text">
                {c.question}
              </Typography.Paragraph>
            </Card>
            <Card title={t('consultation.attachmentsCount', { count: c.attachments.length })} size="small">
              <ConsultationAttachments c={c} />
            </Card>
            <Card title={t('consultation.opinion')} size="small" style={c.opinion ? { borderColor: '#91caff' } : undefined}>
              <Opinion c={c} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('diagnostics.actionsTitle')} size="small">
              <ConsultationActions c={c} />
            </Card>
            <Card title={t('consultation.facts')} size="small">
              <ConsultationFacts c={c} />
            </Card>
            <Card title={t('diagnostics.history')} size="small">
              <StatusTimeline history={c.history} ns="consultation" colours={CONSULTATION_TIMELINE_COLOURS} data-testid="consultation-timeline" />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** 会诊详情: the question and files, the path, the opinion, the caller's actions and the history. */
export default function ConsultationDetailPage() {
  const { id = '' } = useParams();
  const query = useConsultation(id);
  return (
    <QueryState query={query} isEmpty={() => false}>
      {(c) => <ConsultationBody c={c} />}
    </QueryState>
  );
}
