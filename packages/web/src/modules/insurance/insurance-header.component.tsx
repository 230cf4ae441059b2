import type { ReactNode } from 'react';
import { Col, Row, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { insuranceYears } from './insurance-format.ts';
import { shanghaiYear } from '../../shared/i18n/format.ts';

/** The year in the address (`?year=2025`); this year (in Asia/Shanghai) by default. */
export function useInsuranceYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const thisYear = shanghaiYear();
  const year = Number(params.get('year')) || thisYear;
  return [
    year,
    (y: number) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (y === thisYear) next.delete('year');
          else next.set('year', String(y));
          return next;
        },
        { replace: true },
      ),
  ];
}

export function YearSelect({ year, onChange, testId = 'insurance-year' }: { year: number; onChange: (y: number) => void; testId?: string }) {
  const { t } = useTranslation();
  const years = insuranceYears(shanghaiYear());
  if (!years.includes(year)) years.push(year);
  return (
    <Select
      aria-label={t('insuranceUi.year')}
      style={{ width: 120 }}
      value={year}
      onChange={onChange}
      options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: t('insuranceUi.yearOption', { year: y }) }))}
      data-testid={testId}
    />
  );
}

/** Title with the community's name, the community switch (region users) and the year. */
export function InsuranceHeader({ title, year, onYear, extra }: { title: string; year?: number; onYear?: (y: number) => void; extra?: ReactNode }) {
  const { community } = useCommunitySelection();
  return (
    <Row justify="space-between" align="middle" gutter={[8, 8]}>
      <Col>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
          {community && (
            <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 12 }} data-testid="insurance-community">
              {community.name}
            </Typography.Text>
          )}
        </Typography.Title>
      </Col>
      <Col>
        <Space wrap>
          <CommunitySelect />
          {year !== undefined && onYear && <YearSelect year={year} onChange={onYear} />}
          {extra}
        </Space>
      </Col>
    </Row>
  );
}
