import { useMemo } from 'react';
import { Alert, Button, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEFAULT_INSURANCE_POLICY } from '@yigong/domain';
import { isApiError } from '../../shared/api/api-client.ts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { BudgetCards } from './budget-cards.component.tsx';
import { BudgetChart, bookedMonths } from './budget-chart.component.tsx';
import { BudgetMonths } from './budget-months.component.tsx';
import { InsuranceHeader, useInsuranceYear } from './insurance-header.component.tsx';
import { formatPercent, formatYuan } from './insurance-format.ts';
import { useBudget, usePolicy } from './insurance.resource.ts';
import { PolicyForm } from './policy-form.component.tsx';
import { policyOf } from './policy-values.ts';
import { PolicyVersions } from './policy-versions.component.tsx';

type Tab = 'overview' | 'policy' | 'versions';
const TABS: Tab[] = ['overview', 'policy', 'versions'];

/** 预算执行: the cards, the alert, the burn chart and the months of a community-year. */
function BudgetOverview({ communityId, year, onEditPolicy }: { communityId: string; year: number; onEditPolicy?: () => void }) {
  const { t } = useTranslation();
  const budget = useBudget(communityId, year);
  if (budget.isPending) return <LoadingState />;
  if (budget.isError) {
    if (isApiError(budget.error, 'VALIDATION_FAILED') && budget.error.detail('field') === 'year') {
      return (
        <EmptyState
          description={t('budget.noPolicy', { year })}
          action={onEditPolicy && <Button type="primary" onClick={onEditPolicy}>{t('budget.setPolicy')}</Button>}
        />
      );
    }
    return <ErrorState error={budget.error} onRetry={() => void budget.refetch()} />;
  }
  const b = budget.data;
  const over = b.projection - b.budget;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {b.alert && (
        <Alert
          type="error"
          showIcon
          data-testid="budget-alert"
          title={t('budget.alertTitle')}
          description={t('budget.alertText', { projection: formatYuan(b.projection), budget: formatYuan(b.budget), over: formatYuan(Math.max(over, 0)), share: formatPercent(b.budget > 0 ? over / b.budget : null) })}
        />
      )}
      <BudgetCards b={b} />
      <BudgetChart b={b} />
      <BudgetMonths b={b} booked={bookedMonths(b.year, b.asOf)} exportName={t('budget.monthsExport', { year })} />
    </Space>
  );
}

/** 政策参数: the year's policy, or — for a year without one — last year's (else the defaults) to start from. */
function PolicyTab({ communityId, year, editable }: { communityId: string; year: number; editable: boolean }) {
  const { t } = useTranslation();
  const current = usePolicy(communityId, year);
  const previous = usePolicy(communityId, year - 1);
  const waiting = current.isPending || (current.data === null && previous.isPending);
  const start = useMemo(() => {
    if (current.data) return { policy: policyOf(current.data), notice: undefined };
    // Last year's financing is this year's "previous year" (the risk reserve is on the increase).
    if (previous.data) return { policy: { ...policyOf(previous.data), financingPrevYear: previous.data.financing }, notice: t('policy.fromPreviousYear', { year, previous: year - 1 }) };
    return { policy: policyOf(DEFAULT_INSURANCE_POLICY), notice: t('policy.fromDefaults', { year }) };
  }, [current.data, previous.data, year, t]);
  if (waiting) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {current.data && (
        <Typography.Text type="secondary" data-testid="policy-in-force">
          {t('policy.inForceLine', { version: current.data.version, by: current.data.changedBy, reason: current.data.reason })}
        </Typography.Text>
      )}
      <PolicyForm key={`${communityId}-${year}-${current.data?.version ?? 0}`} communityId={communityId} year={year} start={start.policy} editable={editable} notice={start.notice} />
    </Space>
  );
}

/**
 * 医保预算 (docs/domain/insurance.md §1–2): the community's capitation budget and its execution,
 * the policy parameters (editable with `insurance.write`) and their version history.
 */
export default function BudgetPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const [year, setYear] = useInsuranceYear();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'overview';
  const editable = can('insurance.write');
  const setTab = (next: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === 'overview') p.delete('tab');
        else p.set('tab', next);
        return p;
      },
      { replace: true },
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="budget-page">
      <InsuranceHeader title={t('budget.title')} year={year} onYear={setYear} />
      {!communityId ? (
        <EmptyState description={t('insuranceUi.chooseCommunity')} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'overview', label: t('budget.tabOverview'), children: <BudgetOverview communityId={communityId} year={year} onEditPolicy={editable ? () => setTab('policy') : undefined} /> },
            { key: 'policy', label: t('budget.tabPolicy'), children: <PolicyTab communityId={communityId} year={year} editable={editable} /> },
            { key: 'versions', label: t('budget.tabVersions'), children: <PolicyVersions communityId={communityId} year={year} /> },
          ]}
        />
      )}
    </Space>
  );
}
