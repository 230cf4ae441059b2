import { Col, Row, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { useSigningRates } from '../family-doctor/family-doctor.resource.ts';
import { useChronicRates, useChronicRatesByUnit } from './chronic.resource.ts';
import { RatesCards } from './rates-cards.component.tsx';
import { UnitRatesChart, UnitRatesTable } from './unit-rates.component.tsx';

/**
 * 慢病管理指标 of a community for a year: 规范管理率 and 控制率 per disease and combined,
 * 签约率 and 重点人群签约率 against the policy targets, and the table and chart by unit.
 */
export default function ChronicRatesPage() {
  const { t } = useTranslation();
  const { communityId, community } = useCommunitySelection();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const chronic = useChronicRates(communityId, year);
  const byUnit = useChronicRatesByUnit(communityId, year);
  // Signing is counted on the period's last day (docs/domain/indicators.md "Signing rates"): 31 December of a past year, today
  // otherwise. Asked last: the embedded database answers one query at a time, and the chronic
  // rates are what the page is about.
  const signing = useSigningRates(communityId, year < thisYear ? `${year}-12-31` : undefined, !chronic.isPending && !byUnit.isPending);
  const years = Array.from({ length: 4 }, (_, i) => thisYear - i);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('chronicRates.title')}
            {community && <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }}>{community.name}</Typography.Text>}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <CommunitySelect />
            <Select
              aria-label={t('chronicRates.year')}
              style={{ width: 120 }}
              value={year}
              onChange={(y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true })}
              options={years.map((y) => ({ value: y, label: t('chronicRates.yearOption', { year: y }) }))}
              data-testid="rates-year"
            />
          </Space>
        </Col>
      </Row>
      {!communityId ? (
        <EmptyState description={t('chronicRates.chooseCommunity')} />
      ) : (
        <>
          {chronic.data && (
            <Typography.Text type="secondary" data-testid="rates-as-of">
              {t('chronicRates.asOf', { date: chronic.data.asOf, ruleSet: chronic.data.ruleSet })}
            </Typography.Text>
          )}
          <RatesCards chronic={chronic} signing={signing} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
            {t('chronicRates.targetsSource')}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={9}>
              <UnitRatesChart rows={byUnit.data?.items} loading={byUnit.isPending} />
            </Col>
            <Col xs={24} xxl={15}>
              <UnitRatesTable
                rows={byUnit.data?.items}
                loading={byUnit.isPending}
                error={byUnit.error}
                onRetry={() => void byUnit.refetch()}
                exportName={`${t('chronicRates.byUnit')}-${year}`}
              />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
