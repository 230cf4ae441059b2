import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, ResidentRecord, TimelineEntry } from '@yigong/contracts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { useAuditActionLabel, usePurposeLabel } from '../audit/audit-labels.ts';
import { useAccessLog } from './resident.resource.ts';

const TIMELINE_COLOURS: Record<TimelineEntry['kind'], string> = {
  created: 'green',
  problem: 'red',
  observation: 'blue',
  transfer: 'orange',
  update: 'gray',
  merge: 'purple',
};

/** 时间线 tab: the record's events, newest first. */
export function TimelineTab({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  if (r.timeline.length === 0) return <EmptyState />;
  const items = [...r.timeline].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      data-testid="resident-timeline"
      items={items.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: TIMELINE_COLOURS[e.kind],
        title: formatDateTime(e.at),
        content: (
          <>
            <Tag>{t(`timelineKind.${e.kind}`)}</Tag>
            <Typography.Text strong>{e.title}</Typography.Text>
            {e.detail && <div><Typography.Text type="secondary">{e.detail}</Typography.Text></div>}
          </>
        ),
      }))}
    />
  );
}

/** 访问记录 tab: who read or changed this record, when and why. */
export function AccessLogTab({ r, active }: { r: ResidentRecord; active: boolean }) {
  const { t } = useTranslation();
  const actionLabel = useAuditActionLabel();
  const purposeLabel = usePurposeLabel();
  const log = useAccessLog(r.id, active);
  const columns: DataColumn<AuditEntry>[] = [
    { title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatDateTime(v), exportValue: (e) => formatDateTime(e.at) },
    { title: t('audit.user'), dataIndex: 'username', render: (v: string | null) => orDash(v) },
    { title: t('audit.role'), dataIndex: 'role', render: (v: string | null) => (v ? t(`role.${v}`, { defaultValue: v }) : '—'), exportValue: (e) => (e.role ? t(`role.${e.role}`, { defaultValue: e.role }) : '') },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => actionLabel(v), exportValue: (e) => actionLabel(e.action) },
    { title: t('audit.purpose'), dataIndex: 'purpose', render: (v: string | null) => orDash(purposeLabel(v)), exportValue: (e) => purposeLabel(e.purpose) },
  ];
  return (
    <DataTable
      data-testid="access-log"
      columns={columns}
      rows={log.data}
      loading={log.isPending && active}
      error={log.error}
      onRetry={() => void log.refetch()}
      exportName={`${r.name}-${t('record.tabAccessLog')}`}
    />
  );
}
