import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { formatPercent, formatWan } from './insurance-format.ts';
import { useBudget } from './insurance.resource.ts';
import { shanghaiYear } from '../../shared/i18n/format.ts';

/**
 * The dashboard's warning when this year's projected outlay crosses the community's capitation
 * budget (docs/domain/insurance.md §2 "Alert"). Shows nothing otherwise — nor while loading, nor
 * when the year has no policy (400) or the user may not read the budget (403).
 */
export function BudgetAlertCard({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const year = shanghaiYear();
  const budget = useBudget(communityId, year, can('insurance.read'));
  const b = budget.data;
  if (!b || !b.alert) return null;
  const over = b.projection - b.budget;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="dashboard-budget-alert"
      title={t('budget.dashboardAlertTitle', { year })}
      description={t('budget.dashboardAlertText', { projection: formatWan(b.projection, currentLanguage()), budget: formatWan(b.budget, currentLanguage()), share: formatPercent(b.budget > 0 ? Math.max(over, 0) / b.budget : null) })}
      action={
        <Link to="/insurance/budget">
          <Button size="small" danger>{t('budget.openBudget')}</Button>
        </Link>
      }
    />
  );
}
