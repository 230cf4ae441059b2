import { Space } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { DirectionTag, OverdueTag, PriorityTag, ReferralStatusTag, primaryDiagnosisText } from './referral-tags.component.tsx';

interface Options {
  /** Leave out the resident column (the resident record's own tab). */
  showResident?: boolean;
  /** Add the escalation time (the escalation list). */
  showEscalation?: boolean;
}

/** Columns of referral lists: inbox, escalation list, a resident's referrals. */
export function useReferralColumns({ showResident = true, showEscalation = false }: Options = {}): DataColumn<ReferralView>[] {
  const { t } = useTranslation();
  const cols: (DataColumn<ReferralView> | false)[] = [
    {
      title: t('referral.status'),
      dataIndex: 'status',
      render: (_: unknown, r) => (
        <Space size={0}>
          <ReferralStatusTag status={r.status} />
          <OverdueTag r={r} />
        </Space>
      ),
      exportValue: (r) => `${t(`referral.statuses.${r.status}`)}${r.overdue ? ` ${t('referral.overdue')}` : ''}`,
    },
    showResident && {
      title: t('referral.resident'),
      dataIndex: 'residentName',
      render: (_: unknown, r) => (
        <Link to={`/referrals/${r.id}`} data-testid="referral-link">
          {r.residentName}
        </Link>
      ),
    },
    {
      title: t('referral.kind'),
      dataIndex: 'direction',
      render: (_: unknown, r) => (
        <Space size={0}>
          <DirectionTag direction={r.direction} />
          <PriorityTag priority={r.priority} />
        </Space>
      ),
      exportValue: (r) => `${t(`referral.directions.${r.direction}`)}·${t(`referral.priorities.${r.priority}`)}`,
    },
    {
      title: t('referral.primaryDiagnosis'),
      dataIndex: 'diagnoses',
      ellipsis: true,
      width: 200,
      render: (_: unknown, r) => primaryDiagnosisText(r),
      exportValue: (r) => primaryDiagnosisText(r),
    },
    { title: t('referral.from'), dataIndex: 'fromOrganizationName' },
    {
      title: t('referral.to'),
      dataIndex: 'toOrganizationName',
      render: (_: unknown, r) => (r.externalHospital ? `${r.toOrganizationName} → ${r.externalHospital}` : r.toOrganizationName),
      exportValue: (r) => (r.externalHospital ? `${r.toOrganizationName} → ${r.externalHospital}` : r.toOrganizationName),
    },
    { title: t('referral.slotTime'), dataIndex: 'slotStartsAt', render: (v: string | null) => formatDateTime(v), exportValue: (r) => orDash(r.slotStartsAt && formatDateTime(r.slotStartsAt)) },
    { title: t('referral.deadline'), dataIndex: 'deadlineAt', render: (v: string) => formatDateTime(v), exportValue: (r) => formatDateTime(r.deadlineAt) },
    showEscalation && { title: t('referral.escalatedAt'), dataIndex: 'escalatedAt', render: (v: string | null) => formatDateTime(v), exportValue: (r) => formatDateTime(r.escalatedAt) },
    { title: t('referral.pickupCode'), dataIndex: 'pickupCode', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    {
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, r) => (
        <Link to={`/referrals/${r.id}`} data-testid="referral-open">
          {t('action.view')}
        </Link>
      ),
    },
  ];
  return cols.filter((c): c is DataColumn<ReferralView> => !!c);
}
