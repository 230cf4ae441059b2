import { Card, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@yigong/contracts';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { useIcd10Search } from '../residents/resident.resource.ts';
import { icdLabel } from './icd10-select.component.tsx';
import { CatalogueRuleTag, OverdueTag } from './referral-tags.component.tsx';
import { useTargetOrganization } from './referral.resource.ts';

const pre: React.CSSProperties = { whiteSpace: 'pre-wrap' };

/** The receiving department's name (the referral stores its code). */
export function useDepartmentName(r: Pick<ReferralView, 'toOrganizationId' | 'toDepartment'>): string | null {
  const org = useTargetOrganization(r.toDepartment ? r.toOrganizationId : undefined);
  if (!r.toDepartment) return null;
  return org.data?.departments.find((d) => d.code === r.toDepartment)?.name ?? r.toDepartment;
}

/** 转出单 content: patient, units, diagnoses with the catalogue check, reason, history, treatment. */
export function ReferralFormCard({ r }: { r: ReferralView }) {
  const { t } = useTranslation();
  const department = useDepartmentName(r);
  const others = r.diagnoses.filter((d) => !d.primary);
  const primary = r.diagnoses.find((d) => d.primary) ?? r.diagnoses[0];
  return (
    <Card title={t('referral.formCard')} size="small" data-testid="referral-form-card">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'resident', label: t('referral.resident'), children: <Link to={`/residents/${r.residentId}`}>{r.residentName}</Link> },
          { key: 'sender', label: t('referral.sender'), children: orDash(r.senderName) },
          { key: 'from', label: t('referral.from'), children: r.fromOrganizationName },
          { key: 'to', label: t('referral.to'), children: r.externalHospital ? `${r.toOrganizationName} → ${r.externalHospital}` : r.toOrganizationName },
          { key: 'dept', label: t('referral.toDepartment'), children: orDash(department) },
          { key: 'slot', label: t('referral.slotTime'), children: formatDateTime(r.slotStartsAt) },
          {
            key: 'primary',
            label: t('referral.primaryDiagnosis'),
            children: primary ? `${primary.code} ${primary.name ?? ''}` : '—',
          },
          {
            key: 'catalogue',
            label: t('referral.catalogue'),
            children: (
              <Space size={4}>
                <CatalogueRuleTag rule={r.catalogueCheck.rule} />
                {r.catalogueCheck.range && <Typography.Text type="secondary">{t('referral.catalogueRange', { range: r.catalogueCheck.range })}</Typography.Text>}
              </Space>
            ),
          },
          ...(others.length > 0 ? [{ key: 'others', label: t('referral.otherDiagnoses'), span: 2, children: others.map((d) => `${d.code} ${d.name ?? ''}`).join('；') }] : []),
          { key: 'reason', label: t('referral.reason'), span: 2, children: <span style={pre}>{r.reason}</span> },
          { key: 'history', label: t('referral.pastHistory'), span: 2, children: <span style={pre}>{orDash(r.pastHistory)}</span> },
          { key: 'treatment', label: t('referral.treatment'), span: 2, children: <span style={pre}>{orDash(r.treatment)}</span> },
          { key: 'created', label: t('referral.createdAt'), children: formatDateTime(r.createdAt) },
          {
            key: 'deadline',
            label: t('referral.deadline'),
            children: (
              <Space size={4}>
                {formatDateTime(r.deadlineAt)}
                <OverdueTag r={r} />
              </Space>
            ),
          },
          ...(r.rejectReason ? [{ key: 'reject', label: t('referral.rejectReasonLabel'), children: t(`referral.rejectReasons.${r.rejectReason}`, { defaultValue: r.rejectReason }) }] : []),
          ...(r.parentReferralId ? [{ key: 'parent', label: t('referral.parent'), children: <Link to={`/referrals/${r.parentReferralId}`}>{t('action.view')}</Link> }] : []),
        ]}
      />
    </Card>
  );
}

/** 回转单: the receiving unit's outcome of a completed referral. */
export function ReferralOutcomeCard({ r }: { r: ReferralView }) {
  const { t, i18n } = useTranslation();
  // The outcome stores the code only; its name comes from the ICD-10 reference.
  const icd = useIcd10Search(r.outcome?.diagnosis ?? '');
  if (!r.outcome) return null;
  const o = r.outcome;
  const dx = icd.data?.find((c) => c.code === o.diagnosis);
  return (
    <Card title={t('referral.outcomeCard')} size="small" data-testid="referral-outcome">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'dx', label: t('referral.outcomeDiagnosis'), children: dx ? icdLabel(dx, i18n.language) : o.diagnosis },
          { key: 'no', label: t('referral.inpatientNumber'), children: orDash(o.inpatientNumber) },
          { key: 'results', label: t('referral.keyResults'), span: 2, children: <span style={pre}>{orDash(o.keyResults)}</span> },
          { key: 'treatment', label: t('referral.outcomeTreatment'), span: 2, children: <span style={pre}>{orDash(o.treatment)}</span> },
          { key: 'plan', label: t('referral.plan'), span: 2, children: <span style={pre}>{orDash(o.plan)}</span> },
          { key: 'rehab', label: t('referral.rehabilitation'), span: 2, children: <span style={pre}>{orDash(o.rehabilitation)}</span> },
        ]}
      />
    </Card>
  );
}
