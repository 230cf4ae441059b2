import { Button, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@yigong/contracts';
import { useAuth, useUser } from '../../shared/auth/auth-context.tsx';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { ReferralActions } from './referral-actions.component.tsx';
import { FhirButton } from './referral-fhir.component.tsx';
import { canRecordFollowUp, FollowUpForm } from './referral-follow-up.component.tsx';
import { toIcdValue } from './icd10-select.component.tsx';
import { NewReferralButton } from './referral-new.component.tsx';
import { ReferralFormCard, ReferralOutcomeCard } from './referral-summary.component.tsx';
import { ReferralTimeline } from './referral-timeline.component.tsx';
import { DirectionTag, OverdueTag, PriorityTag, ReferralStatusTag } from './referral-tags.component.tsx';
import { useReferral } from './referral.resource.ts';

/** After a completed up-referral, the receiving doctor refers the patient back down (linked). */
function ReferDownButton({ r }: { r: ReferralView }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!(r.direction === 'up' && r.status === 'completed' && r.side === 'receiver' && can('referral.create'))) return null;
  const dx = r.outcome?.diagnosis ?? (r.diagnoses.find((d) => d.primary) ?? r.diagnoses[0])?.code;
  const known = r.diagnoses.find((d) => d.code === dx);
  return (
    <NewReferralButton
      label={t('referral.newDown')}
      subject={{ residentId: r.residentId, residentName: r.residentName, communityId: r.communityId, organizationId: r.fromOrganizationId }}
      defaults={{ direction: 'down', toOrganizationId: r.fromOrganizationId, primary: dx ? toIcdValue(dx, known?.name) : undefined, parentReferralId: r.id }}
    />
  );
}

function ReferralBody({ r }: { r: ReferralView }) {
  const { t } = useTranslation();
  const user = useUser();
  const followUp = canRecordFollowUp(r, user.role);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="referral-title">
            {t('referral.detailTitle')} · {r.residentName}
          </Typography.Title>
          <ReferralStatusTag status={r.status} />
          <OverdueTag r={r} />
          <DirectionTag direction={r.direction} />
          <PriorityTag priority={r.priority} />
        </Space>
        <Space wrap>
          <Typography.Text type="secondary">{t('referral.pickupCode')}</Typography.Text>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 2 }} data-testid="pickup-code">
            {r.pickupCode}
          </Typography.Text>
          <ReferDownButton r={r} />
          <Link to={`/referrals/${r.id}/print`}>
            <Button icon={<PrinterOutlined />} data-testid="print-link">
              {t('referral.print')}
            </Button>
          </Link>
          <FhirButton id={r.id} />
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <ReferralFormCard r={r} />
            <ReferralOutcomeCard r={r} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('field.actions')} size="small">
              <ReferralActions r={r} />
            </Card>
            {followUp && (
              <Card title={t('referral.followUp')} size="small">
                <FollowUpForm r={r} />
              </Card>
            )}
            <Card title={t('referral.timeline')} size="small">
              <ReferralTimeline history={r.history} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

/** 转诊详情: the 转出单, the 回转单, what the caller may do now, and the history. */
export default function ReferralDetailPage() {
  const { id = '' } = useParams();
  const query = useReferral(id);
  return (
    <QueryState query={query} isEmpty={() => false}>
      {(r) => <ReferralBody r={r} />}
    </QueryState>
  );
}
