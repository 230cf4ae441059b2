import { Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsultationView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { ConsultationStatusTag, SideTag, UrgencyTag } from './consultation-tags.component.tsx';

/** Columns of 远程会诊: urgency, status, resident, who asks, who answers, the session, the question. */
export function useConsultationColumns(): DataColumn<ConsultationView>[] {
  const { t } = useTranslation();
  const open = (c: ConsultationView, text: string, testId: string) => (
    <Link to={`/consultations/${c.id}`} onClick={(e) => e.stopPropagation()} data-testid={testId}>
      {text}
    </Link>
  );
  return [
    {
      title: t('consultation.urgency'),
      dataIndex: 'urgency',
      render: (_: unknown, c) => <UrgencyTag urgency={c.urgency} />,
      exportValue: (c) => t(`consultation.urgencies.${c.urgency}`),
    },
    {
      title: t('consultation.status'),
      dataIndex: 'status',
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <ConsultationStatusTag status={c.status} />
          <SideTag side={c.side} />
        </Space>
      ),
      exportValue: (c) => t(`consultation.statuses.${c.status}`),
    },
    { title: t('consultation.resident'), dataIndex: 'residentName', render: (_: unknown, c) => open(c, c.residentName, 'consultation-link') },
    {
      title: t('consultation.requestingUnit'),
      dataIndex: 'requestingOrganizationName',
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          {c.requestingOrganizationName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.requesterName}
          </Typography.Text>
        </Space>
      ),
      exportValue: (c) => `${c.requestingOrganizationName} ${c.requesterName}`,
    },
    {
      title: t('consultation.consultingUnit'),
      dataIndex: 'consultantOrganizationName',
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          {c.consultantOrganizationName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {orDash(c.consultantDepartment)}
          </Typography.Text>
        </Space>
      ),
      exportValue: (c) => `${c.consultantOrganizationName}${c.consultantDepartment ? ` ${c.consultantDepartment}` : ''}`,
    },
    { title: t('consultation.scheduledAt'), dataIndex: 'scheduledAt', render: (v: string | null) => formatDateTime(v), exportValue: (c) => formatDateTime(c.scheduledAt) },
    {
      title: t('consultation.question'),
      dataIndex: 'question',
      width: 240,
      render: (v: string, c) => (
        <Space size={4}>
          <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 200 }}>
            {v}
          </Typography.Text>
          {c.attachmentCount > 0 && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              <PaperClipOutlined /> {c.attachmentCount}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('consultation.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), exportValue: (c) => formatDateTime(c.createdAt) },
    { title: t('field.actions'), noExport: true, render: (_: unknown, c) => open(c, t('action.view'), 'consultation-open') },
  ];
}
