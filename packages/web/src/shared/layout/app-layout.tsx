import { Breadcrumb, Button, Dropdown, Grid, Layout, Menu, Segmented, Space, Spin, Tag, Typography, theme } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  KeyOutlined,
  LogoutOutlined,
  MergeCellsOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  IdcardOutlined,
  SwapOutlined,
  FieldTimeOutlined,
  CalendarOutlined,
  BookOutlined,
  DashboardOutlined,
  UsergroupAddOutlined,
  LineChartOutlined,
  FundProjectionScreenOutlined,
  AlertOutlined,
  AccountBookOutlined,
  FileDoneOutlined,
  TrophyOutlined,
  CalculatorOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  ScheduleOutlined,
  MedicineBoxOutlined,
  WarningOutlined,
  VideoCameraOutlined,
  BarChartOutlined,
  ContainerOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context.tsx';
import { CommunityProvider } from '../community/community-context.tsx';
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from '../i18n/i18n.ts';
import { MENU_BY_ROLE, NAV_PATHS, navKeyOf, type NavKey } from './menu.ts';

const ICONS: Record<NavKey, ReactNode> = {
  communities: <ClusterOutlined />,
  organizations: <ApartmentOutlined />,
  practitioners: <TeamOutlined />,
  residents: <IdcardOutlined />,
  duplicates: <MergeCellsOutlined />,
  accessGrants: <SafetyCertificateOutlined />,
  breakGlass: <AlertOutlined />,
  audit: <AuditOutlined />,
  accounts: <KeyOutlined />,
  referrals: <SwapOutlined />,
  escalations: <FieldTimeOutlined />,
  scheduling: <CalendarOutlined />,
  referralCatalogue: <BookOutlined />,
  workbench: <DashboardOutlined />,
  teams: <UsergroupAddOutlined />,
  chronicRates: <LineChartOutlined />,
  dashboard: <FundProjectionScreenOutlined />,
  insuranceBudget: <AccountBookOutlined />,
  insuranceSettlements: <FileDoneOutlined />,
  insuranceAppraisal: <TrophyOutlined />,
  insuranceDip: <CalculatorOutlined />,
  insuranceScenarios: <ExperimentOutlined />,
  diagnosticOrders: <FileSearchOutlined />,
  diagnosticWorklist: <ScheduleOutlined />,
  diagnosticCentres: <MedicineBoxOutlined />,
  criticalValues: <WarningOutlined />,
  consultations: <VideoCameraOutlined />,
  diagnosticIndicators: <BarChartOutlined />,
  sterile: <ContainerOutlined />,
};

/** Route `handle` of a page: the i18n key of its breadcrumb. */
export interface RouteHandle {
  crumb?: string;
}

function Crumbs() {
  const { t } = useTranslation();
  const matches = useMatches();
  const items = matches
    .filter((m) => (m.handle as RouteHandle | undefined)?.crumb)
    .map((m, i, all) => {
      const label = t((m.handle as RouteHandle).crumb!);
      return { key: m.id, title: i < all.length - 1 ? <Link to={m.pathname}>{label}</Link> : label };
    });
  return <Breadcrumb style={{ margin: '12px 0' }} items={[{ key: 'home', title: t('app.home') }, ...items]} />;
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('layout.language')}
      value={i18n.language === 'en' ? 'en' : currentLanguage()}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      onChange={(v) => changeLanguage(v)}
    />
  );
}

/**
 * The signed-in shell: role-aware sidebar, breadcrumb, user menu, language switch. `headerExtra`
 * is what the app mounts in the header beside them (the live critical-value alert).
 */
export function AppLayout({ headerExtra }: { headerExtra?: ReactNode }) {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  // Phone width (village doctors on a phone): hide the collapsed sidebar, the long title and the scope, tighten paddings.
  const narrow = !Grid.useBreakpoint().md;

  if (user === undefined) {
    return (
      <div style={{ padding: 96, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }

  const menuItems = MENU_BY_ROLE[user.role].map((k) => ({ key: k, icon: ICONS[k], label: <Link to={NAV_PATHS[k]}>{t(`nav.${k}`)}</Link> }));
  const selected = navKeyOf(location.pathname);

  return (
    <CommunityProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider breakpoint="lg" collapsedWidth={narrow ? 0 : 56} width={208} theme="dark">
          <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {t('app.name')}
          </div>
          <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={menuItems} data-testid="side-menu" />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ background: token.colorBgContainer, padding: narrow ? '0 8px' : '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
          >
            {narrow ? <span /> : <Typography.Text strong>{t('app.fullName')}</Typography.Text>}
            <Space size="middle">
              {headerExtra}
              <LanguageSwitch />
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [
                    { key: 'scope', disabled: true, label: `${t('layout.scope')}：${user.scope.label}` },
                    { type: 'divider' },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), danger: true },
                  ],
                  onClick: ({ key }) => {
                    if (key === 'logout') void logout().then(() => navigate('/login', { replace: true }));
                  },
                }}
              >
                <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                  <Space size={6}>
                    <span>{user.displayName}</span>
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t(`role.${user.role}`)}
                    </Tag>
                    {!narrow && (
                      <Typography.Text type="secondary" style={{ maxWidth: 260 }} ellipsis>
                        {user.scope.label}
                      </Typography.Text>
                    )}
                  </Space>
                </Button>
              </Dropdown>
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: narrow ? '0 8px 8px' : '0 24px 24px' }}>
            <Crumbs />
            <div style={{ background: token.colorBgContainer, padding: narrow ? 12 : 24, borderRadius: token.borderRadiusLG, minHeight: 360 }}>
              <Outlet />
            </div>
          </Layout.Content>
        </Layout>
      </Layout>
    </CommunityProvider>
  );
}
