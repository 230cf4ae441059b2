import { Badge, Flex, Segmented, Tabs, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConsultationQuery } from '@yigong/contracts';
import { CONSULTATION_STATUSES, type ConsultationStatus, type Role } from '@yigong/domain';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { useConsultationColumns } from './consultation-columns.component.tsx';
import { NewConsultationButton } from './consultation-new.component.tsx';
import { useConsultations } from './consultation.resource.ts';
import { useCanOrder } from './order-new.component.tsx';

type View = ConsultationQuery['view'];

/** What a role mostly works on: a village doctor asks, a reader answers, the others see both. */
const DEFAULT_VIEW: Partial<Record<Role, View>> = { village_doctor: 'requested', reader: 'incoming' };

/**
 * 远程会诊: the consultations the caller's unit asked for (我方申请) or was asked (邀请我方), or all in
 * scope (a manager), by status, with the 申请会诊 form.
 */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const canRequest = useCanOrder();
  const [params, setParams] = useSearchParams();
  // An account without a unit of its own can only list everything in its scope.
  const views: View[] = user.organizationId ? ['all', 'requested', 'incoming'] : ['all'];
  const view = views.find((v) => v === params.get('view')) ?? (user.organizationId ? (DEFAULT_VIEW[user.role] ?? 'all') : 'all');
  const status = CONSULTATION_STATUSES.find((s) => s === params.get('status'));
  const all = useConsultations({ view });
  // One status asked of the server too: the tab lists all of it even past the first 500 of the view.
  const one = useConsultations({ view, status }, !!status);
  const query = status ? one : all;
  const columns = useConsultationColumns();

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  const count = (s: ConsultationStatus) => (all.data ?? []).filter((c) => c.status === s).length;
  // The badge: what waits for the caller (the server offers it an action: schedule, answer, close).
  const mine = (s: ConsultationStatus) => (all.data ?? []).filter((c) => c.status === s && c.actions.length > 0).length;
  const tabs = [
    { key: 'all', label: `${t('diagnostics.tabAll')} ${all.data?.length ?? ''}` },
    ...CONSULTATION_STATUSES.map((s) => ({
      key: s,
      label: (
        <Badge count={mine(s)} size="small" offset={[8, -2]} title={t('consultation.waitingForYou', { count: mine(s) })}>
          {`${t(`consultation.statuses.${s}`)} ${all.data ? count(s) : ''}`}
        </Badge>
      ),
    })),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('consultation.title')}
        </Typography.Title>
        {canRequest && <NewConsultationButton />}
      </Flex>
      <Typography.Paragraph type="secondary">{t(user.organizationId ? 'consultation.hint' : 'consultation.managerHint')}</Typography.Paragraph>
      <Tabs activeKey={status ?? 'all'} onChange={(k) => setParam('status', k === 'all' ? undefined : k)} items={tabs} data-testid="consultation-tabs" />
      <DataTable
        data-testid="consultation-list"
        columns={columns}
        rows={query.data}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(c) => void navigate(`/consultations/${c.id}`)}
        pageSize={20}
        toolbar={
          views.length > 1 && (
            <Segmented<View>
              value={view}
              onChange={(v) => setParam('view', v)}
              options={views.map((v) => ({ value: v, label: t(`consultation.views.${v}`) }))}
              data-testid="consultation-view"
            />
          )
        }
        exportName={`${t('consultation.title')}-${t(`consultation.views.${view}`)}-${status ? t(`consultation.statuses.${status}`) : t('diagnostics.tabAll')}`}
      />
    </>
  );
}
