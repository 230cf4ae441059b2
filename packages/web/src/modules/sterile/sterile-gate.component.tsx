import { Result } from 'antd';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';

/**
 * Every 消毒供应 page sits under this: a role without `sterile.read` (a reader, a pharmacist, a
 * regulator reaching the address by hand) is told once, instead of each widget failing with a 403.
 */
export default function SterileGate() {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!can('sterile.read')) return <Result status="403" title={t('state.forbidden')} subTitle={t('sterile.noAccess')} data-testid="sterile-forbidden" />;
  return <Outlet />;
}
