import { useMemo, useState } from 'react';
import { Button, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { LoadMore } from '../../shared/components/load-more.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { useOrganizationNames } from '../org/org.resource.ts';
import { useAuditActionLabel, usePurposeLabel } from './audit-labels.ts';
import { AuditFilterBar } from './audit-filter.component.tsx';
import { useAuditLog, type AuditFilter } from './audit.resource.ts';

/** 审计日志: who did what to which record, when and why; exportable. */
export default function AuditLogPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({ communityId: null });
  const query = useAuditLog(filter);
  const rows = query.data?.pages.flatMap((p) => p.items);
  const actionLabel = useAuditActionLabel();
  const communityIds = useMemo(() => [...new Set((rows ?? []).map((e) => e.communityId).filter((c): c is string => !!c))].sort(), [rows]);
  const orgName = useOrganizationNames(communityIds);
  const orgLabel = (id: string | null) => (id ? (orgName.get(id) ?? id.slice(0, 8)) : '—');
  const purposeLabel = usePurposeLabel();

  const columns: DataColumn<AuditEntry>[] = [
    { title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatDateTime(v), exportValue: (e) => formatDateTime(e.at) },
    {
      title: t('audit.user'),
      dataIndex: 'username',
      render: (_: unknown, e) =>
        e.actorId ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setFilter({ ...filter, actorId: e.actorId ?? undefined })}>
            {e.username}
          </Button>
        ) : (
          orDash(e.username)
        ),
    },
    { title: t('audit.role'), dataIndex: 'role', render: (v: string | null) => (v ? t(`role.${v}`, { defaultValue: v }) : '—'), exportValue: (e) => (e.role ? t(`role.${e.role}`, { defaultValue: e.role }) : '') },
    { title: t('audit.organization'), dataIndex: 'organizationId', render: (v: string | null, e) => e.organizationName ?? orgLabel(v), exportValue: (e) => e.organizationName ?? orgLabel(e.organizationId) },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => actionLabel(v), exportValue: (e) => actionLabel(e.action) },
    { title: t('audit.resource'), dataIndex: 'resourceType', render: (_: unknown, e) => `${e.resourceType}${e.resourceId ? ` ${e.resourceId.slice(0, 8)}` : ''}`, exportValue: (e) => `${e.resourceType} ${e.resourceId ?? ''}` },
    {
      title: t('audit.resident'),
      dataIndex: 'residentId',
      render: (v: string | null, e) => (v ? <Link to={`/residents/${v}`}>{e.residentName ?? v.slice(0, 8)}</Link> : '—'),
      exportValue: (e) => (e.residentId ? `${e.residentName ?? ''} ${e.residentId}` : ''),
    },
    { title: t('audit.purpose'), dataIndex: 'purpose', render: (v: string | null) => orDash(purposeLabel(v)), exportValue: (e) => purposeLabel(e.purpose) },
  ];

  return (
    <>
      <Typography.Title level={4}>{t('audit.title')}</Typography.Title>
      <AuditFilterBar value={filter} onChange={setFilter} />
      <DataTable
        data-testid="audit-table"
        columns={columns}
        rows={rows}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        exportName={t('audit.title')}
      />
      <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} fetchNextPage={query.fetchNextPage} count={rows?.length} />
    </>
  );
}
