import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResidentRecord } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { KeyPopulationTags, StatusTag } from '../../shared/components/tags.component.tsx';
import { orDash } from '../../shared/i18n/format.ts';
import { RevealIdButton } from './reveal-id.component.tsx';

/** Header of the 居民健康档案: identity, key populations, where the resident belongs. */
export function ResidentHeader({ r, extra }: { r: ResidentRecord; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Card data-testid="resident-header" extra={extra}>
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="resident-name">
          {r.name}
        </Typography.Title>
        <Typography.Text>
          {t(`sex.${r.sex}`)} · {t('record.ageYears', { age: r.age })}
        </Typography.Text>
        {r.status !== 'active' && <StatusTag ns="residentStatus" status={r.status} />}
        <Tag color={r.access === 'grant' ? 'orange' : 'default'}>{t(`access.${r.access}`)}</Tag>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'id',
            label: t('residents.idMasked'),
            children: (
              <Space>
                <span style={{ fontFamily: 'monospace' }} data-testid="record-id-masked">
                  {r.idNumberMasked}
                </span>
                {/* A grant (授权调阅) allows reading only; revealing needs the record in scope. */}
                {can('resident.reveal_id') && r.access !== 'grant' && <RevealIdButton residentId={r.id} />}
              </Space>
            ),
          },
          { key: 'kp', label: t('residents.keyPopulations'), children: <KeyPopulationTags tags={r.keyPopulations} />, span: 2 },
          { key: 'community', label: t('field.community'), children: r.communityName },
          { key: 'unit', label: t('residents.unit'), children: <Link to={`/organizations/${r.organizationId}`}>{r.organizationName}</Link> },
          { key: 'grid', label: t('residents.grid'), children: orDash(r.gridName) },
          {
            key: 'household',
            label: t('residents.household'),
            span: 3,
            children:
              r.householdMembers.length === 0 ? (
                '—'
              ) : (
                <Space wrap>
                  {r.householdMembers.map((m) => (
                    <Link key={m.id} to={`/residents/${m.id}`}>
                      {m.name}（{t(`sex.${m.sex}`)}，{m.birthDate}）
                    </Link>
                  ))}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}
