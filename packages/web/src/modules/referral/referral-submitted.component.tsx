import { Button, Descriptions, Result, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReferralView } from '@yigong/contracts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { CatalogueRuleTag, DirectionTag, PriorityTag, primaryDiagnosisText } from './referral-tags.component.tsx';

/** After submission: the stored catalogue check, the pickup code, and links to the form and its print slip. */
export function ReferralSubmitted({ r, onClose }: { r: ReferralView; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('referral.submitted')}
      subTitle={t('referral.submittedHint')}
      data-testid="referral-submitted"
      extra={
        <Space>
          <Link to={`/referrals/${r.id}`} onClick={onClose}>
            <Button type="primary" data-testid="open-referral">{t('referral.openDetail')}</Button>
          </Link>
          <Link to={`/referrals/${r.id}/print`} onClick={onClose}>
            <Button icon={<PrinterOutlined />} data-testid="print-referral">{t('referral.print')}</Button>
          </Link>
        </Space>
      }
    >
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('referral.pickupCode')}</Typography.Text>
        <div style={{ fontSize: 40, fontWeight: 700, letterSpacing: 8, fontFamily: 'monospace' }} data-testid="pickup-code">
          {r.pickupCode}
        </div>
      </div>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'catalogue',
            label: t('referral.catalogue'),
            children: (
              <Space>
                <CatalogueRuleTag rule={r.catalogueCheck.rule} />
                {r.catalogueCheck.range && <Typography.Text type="secondary">{t('referral.catalogueRange', { range: r.catalogueCheck.range })}</Typography.Text>}
              </Space>
            ),
          },
          {
            key: 'to',
            label: t('referral.to'),
            children: (
              <Space>
                <DirectionTag direction={r.direction} />
                <PriorityTag priority={r.priority} />
                {r.toOrganizationName}
                {r.externalHospital && ` → ${r.externalHospital}`}
              </Space>
            ),
          },
          { key: 'dx', label: t('referral.primaryDiagnosis'), children: primaryDiagnosisText(r) },
          { key: 'slot', label: t('referral.slotTime'), children: formatDateTime(r.slotStartsAt) },
          { key: 'deadline', label: t('referral.deadline'), children: formatDateTime(r.deadlineAt) },
        ]}
      />
    </Result>
  );
}
