import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetailView } from '@yigong/contracts';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { UrgencyTag } from './consultation-tags.component.tsx';

/** 会诊信息: who asks whom about whom, when, and the linked order. */
export function ConsultationFacts({ c }: { c: ConsultationDetailView }) {
  const { t } = useTranslation();
  const items = [
    { key: 'resident', label: t('consultation.resident'), children: <Link to={`/residents/${c.residentId}`}>{c.residentName}</Link> },
    { key: 'urgency', label: t('consultation.urgency'), children: <UrgencyTag urgency={c.urgency} /> },
    { key: 'from', label: t('consultation.requestingUnit'), children: c.requestingOrganizationName },
    { key: 'requester', label: t('consultation.requester'), children: c.requesterName },
    { key: 'to', label: t('consultation.consultingUnit'), children: c.consultantOrganizationName },
    { key: 'department', label: t('consultation.department'), children: orDash(c.consultantDepartment) },
    { key: 'consultant', label: t('consultation.consultant'), children: orDash(c.consultantName) },
    { key: 'createdAt', label: t('consultation.createdAt'), children: formatDateTime(c.createdAt) },
    { key: 'scheduledAt', label: t('consultation.scheduledAt'), children: <span data-testid="consultation-scheduled-at">{formatDateTime(c.scheduledAt)}</span> },
    c.orderId && {
      key: 'order',
      label: t('consultation.order'),
      children: (
        <Link to={`/diagnostics/orders/${c.orderId}`} data-testid="consultation-order-link">
          {t('diagnostics.openOrder')}
        </Link>
      ),
    },
    c.reason && {
      key: 'reason',
      label: t(c.status === 'declined' ? 'consultation.declineReason' : 'consultation.cancelReason'),
      children: <Typography.Text type="danger">{c.reason}</Typography.Text>,
    },
  ];
  return <Descriptions size="small" column={1} data-testid="consultation-facts" items={items.filter((i) => !!i)} />;
}
