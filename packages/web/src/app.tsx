import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppLayout, type RouteHandle } from './shared/layout/app-layout.tsx';
import { useAuth } from './shared/auth/auth-context.tsx';
import { landingPath } from './shared/layout/menu.ts';
import { LoadingState } from './shared/components/query-state.component.tsx';
import { CriticalAlert } from './modules/diagnostics/critical-alert.component.tsx';

function Landing() {
  const { user } = useAuth();
  return user ? <Navigate to={landingPath(user.role)} replace /> : <LoadingState />;
}

/** Where an integration account lands: it sends data through the API and has no pages. */
function ApiAccount() {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('layout.apiAccountTitle')}
      subTitle={t('layout.apiAccountText')}
      extra={
        <a href="/api/docs" data-testid="api-docs-link">
          <Button type="primary">{t('layout.apiDocs')}</Button>
        </a>
      }
      data-testid="api-account"
    />
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('layout.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('layout.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A lazily loaded page: keeps each module out of the first download. */
function page(load: () => Promise<{ default: React.ComponentType }>, crumb?: string): Pick<RouteObject, 'lazy' | 'handle'> {
  const handle: RouteHandle = { crumb };
  return { handle, lazy: async () => ({ Component: (await load()).default }) };
}

const routes: RouteObject[] = [
  { path: '/login', hydrateFallbackElement: <LoadingState />, ...page(() => import('./modules/auth/login.page.tsx')) },
  { path: '/dashboard/wall', hydrateFallbackElement: <LoadingState />, ...page(() => import('./modules/indicators/wall.page.tsx')) },
  {
    path: '/',
    element: <AppLayout headerExtra={<CriticalAlert />} />,
    hydrateFallbackElement: <LoadingState />,
    children: [
      { index: true, element: <Landing /> },
      { path: 'api-account', element: <ApiAccount /> },
      { path: 'communities', ...page(() => import('./modules/communities/community-list.page.tsx'), 'nav.communities') },
      {
        path: 'dashboard',
        handle: { crumb: 'nav.dashboard' } satisfies RouteHandle,
        children: [
          { index: true, ...page(() => import('./modules/indicators/dashboard.page.tsx')) },
          { path: 'units/:organizationId', ...page(() => import('./modules/indicators/unit-dashboard.page.tsx'), 'nav.unitDashboard') },
        ],
      },
      {
        path: 'organizations',
        handle: { crumb: 'nav.organizations' } satisfies RouteHandle,
        children: [
          { index: true, ...page(() => import('./modules/org/organization-tree.page.tsx')) },
          { path: ':id', ...page(() => import('./modules/org/organization-detail.page.tsx'), 'nav.organizationDetail') },
        ],
      },
      {
        path: 'practitioners',
        handle: { crumb: 'nav.practitioners' } satisfies RouteHandle,
        children: [
          { index: true, ...page(() => import('./modules/practitioners/practitioner-list.page.tsx')) },
          { path: ':id', ...page(() => import('./modules/practitioners/practitioner-detail.page.tsx'), 'nav.practitionerDetail') },
        ],
      },
      {
        path: 'residents',
        handle: { crumb: 'nav.residents' } satisfies RouteHandle,
        children: [
          { index: true, ...page(() => import('./modules/residents/resident-search.page.tsx')) },
          { path: ':id', ...page(() => import('./modules/residents/resident-record.page.tsx'), 'nav.residentRecord') },
        ],
      },
      {
        path: 'referrals',
        handle: { crumb: 'nav.referrals' } satisfies RouteHandle,
        children: [
          { index: true, ...page(() => import('./modules/referral/referral-inbox.page.tsx')) },
          { path: 'escalations', ...page(() => import('./modules/referral/referral-escalations.page.tsx'), 'nav.escalations') },
          {
            path: ':id',
            handle: { crumb: 'nav.referralDetail' } satisfies RouteHandle,
            children: [
              { index: true, ...page(() => import('./modules/referral/referral-detail.page.tsx')) },
              { path: 'print', ...page(() => import('./modules/referral/referral-print.page.tsx'), 'nav.referralPrint') },
            ],
          },
        ],
      },
      {
        path: 'insurance',
        children: [
          { index: true, element: <Navigate to="/insurance/budget" replace /> },
          { path: 'budget', ...page(() => import('./modules/insurance/budget.page.tsx'), 'nav.insuranceBudget') },
          { path: 'settlements', ...page(() => import('./modules/insurance/settlements.page.tsx'), 'nav.insuranceSettlements') },
          { path: 'appraisal', ...page(() => import('./modules/insurance/appraisal.page.tsx'), 'nav.insuranceAppraisal') },
          { path: 'dip', ...page(() => import('./modules/insurance/dip.page.tsx'), 'nav.insuranceDip') },
          { path: 'scenarios', ...page(() => import('./modules/insurance/scenarios.page.tsx'), 'nav.insuranceScenarios') },
        ],
      },
      {
        path: 'diagnostics',
        children: [
          { index: true, element: <Navigate to="/diagnostics/orders" replace /> },
          {
            path: 'orders',
            handle: { crumb: 'nav.diagnosticOrders' } satisfies RouteHandle,
            children: [
              { index: true, ...page(() => import('./modules/diagnostics/orders.page.tsx')) },
              { path: ':id', ...page(() => import('./modules/diagnostics/order-detail.page.tsx'), 'nav.diagnosticOrderDetail') },
            ],
          },
          { path: 'worklist', ...page(() => import('./modules/diagnostics/worklist.page.tsx'), 'nav.diagnosticWorklist') },
          { path: 'centres', ...page(() => import('./modules/diagnostics/centres.page.tsx'), 'nav.diagnosticCentres') },
          { path: 'indicators', ...page(() => import('./modules/diagnostics/centre-indicators.page.tsx'), 'nav.diagnosticIndicators') },
        ],
      },
      {
        path: 'consultations',
        handle: { crumb: 'nav.consultations' } satisfies RouteHandle,
        children: [
          { index: true, ...page(() => import('./modules/diagnostics/consultations.page.tsx')) },
          { path: ':id', ...page(() => import('./modules/diagnostics/consultation-detail.page.tsx'), 'nav.consultationDetail') },
        ],
      },
      { path: 'critical-values', ...page(() => import('./modules/diagnostics/critical-values.page.tsx'), 'nav.criticalValues') },
      {
        path: 'sterile',
        ...page(() => import('./modules/sterile/sterile-gate.component.tsx'), 'nav.sterile'),
        children: [
          { index: true, ...page(() => import('./modules/sterile/sterile.page.tsx')) },
          {
            path: 'batches',
            handle: { crumb: 'nav.sterileBatches' } satisfies RouteHandle,
            children: [
              { index: true, ...page(() => import('./modules/sterile/batches.page.tsx')) },
              { path: 'new', ...page(() => import('./modules/sterile/batch-new.page.tsx'), 'nav.sterileBatchNew') },
              { path: ':id', ...page(() => import('./modules/sterile/batch-detail.page.tsx'), 'nav.sterileBatchDetail') },
            ],
          },
          { path: 'requests', ...page(() => import('./modules/sterile/requests.page.tsx'), 'nav.sterileRequests') },
          { path: 'packs', ...page(() => import('./modules/sterile/packs.page.tsx'), 'nav.sterilePacks') },
        ],
      },
      { path: 'workbench', ...page(() => import('./modules/chronic/workbench.page.tsx'), 'nav.workbench') },
      { path: 'chronic/rates', ...page(() => import('./modules/chronic/chronic-rates.page.tsx'), 'nav.chronicRates') },
      { path: 'family-doctor/teams', ...page(() => import('./modules/family-doctor/team-list.page.tsx'), 'nav.teams') },
      {
        path: 'contracts',
        children: [
          { path: 'new', ...page(() => import('./modules/family-doctor/contract-new.page.tsx'), 'nav.contractNew') },
          { path: ':id', ...page(() => import('./modules/family-doctor/contract-detail.page.tsx'), 'nav.contractDetail') },
        ],
      },
      { path: 'scheduling', ...page(() => import('./modules/scheduling/scheduling-calendar.page.tsx'), 'nav.scheduling') },
      { path: 'referral-catalogue', ...page(() => import('./modules/referral/referral-catalogue.page.tsx'), 'nav.referralCatalogue') },
      { path: 'access-grants', ...page(() => import('./modules/grants/access-grants.page.tsx'), 'nav.accessGrants') },
      { path: 'break-glass', ...page(() => import('./modules/grants/break-glass-review.page.tsx'), 'nav.breakGlass') },
      { path: 'duplicates', ...page(() => import('./modules/duplicates/duplicate-queue.page.tsx'), 'nav.duplicates') },
      { path: 'audit', ...page(() => import('./modules/audit/audit-log.page.tsx'), 'nav.audit') },
      { path: 'accounts', ...page(() => import('./modules/accounts/account-list.page.tsx'), 'nav.accounts') },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
