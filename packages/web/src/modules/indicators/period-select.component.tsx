import { Segmented, Select, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { granularityOf, periodLabel, periodOf, periodOptions, type Granularity } from './indicator-format.ts';

/** The period in the address (`?period=2026-Q3`); the current year by default. */
export function usePeriod(): [string, (p: string) => void] {
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? String(dayjs().year());
  return [
    period,
    (p: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('period', p);
          return next;
        },
        { replace: true },
      ),
  ];
}

/** 月 / 季度 / 年 and the period itself. */
export function PeriodSelect({ period, onChange }: { period: string; onChange: (p: string) => void }) {
  const { t } = useTranslation();
  const g = granularityOf(period);
  return (
    <Space>
      <Segmented<Granularity>
        data-testid="period-granularity"
        aria-label={t('dashboard.granularity')}
        value={g}
        options={(['month', 'quarter', 'year'] as const).map((v) => ({ value: v, label: t(`dashboard.${v}`) }))}
        onChange={(v) => onChange(periodOf(dayjs(), v))}
      />
      <Select
        data-testid="period-select"
        aria-label={t('dashboard.period')}
        style={{ width: 170 }}
        value={period}
        onChange={onChange}
        options={periodOptions(g).map((p) => ({ value: p, label: periodLabel(p, t) }))}
      />
    </Space>
  );
}
