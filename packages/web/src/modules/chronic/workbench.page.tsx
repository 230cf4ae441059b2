import { useState } from 'react';
import { Card, Col, Row, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { DataTable } from '../../shared/components/data-table.component.tsx';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { useContracts } from '../family-doctor/family-doctor.resource.ts';
import { MyContracts } from '../family-doctor/my-contracts.component.tsx';
import { CallDialog } from './call-dialog.component.tsx';
import { useWorklist } from './chronic.resource.ts';
import type { WorklistRow } from '@yigong/contracts';
import { QuickFollowUp } from './quick-follow-up.component.tsx';
import { useWorklistColumns } from './worklist-columns.component.tsx';

type TabKey = 'today' | 'week' | 'overdue' | 'contracts';

function Stat({ title, value, loading, active, danger, onClick, testId }: { title: string; value: number | undefined; loading: boolean; active: boolean; danger?: boolean; onClick: () => void; testId: string }) {
  return (
    <Card size="small" hoverable onClick={onClick} style={active ? { borderColor: '#1668dc' } : undefined} data-testid={testId}>
      <Statistic title={title} value={value ?? 0} loading={loading} styles={{ content: danger && value ? { color: '#cf1322' } : undefined }} />
    </Card>
  );
}

/**
 * 工作台 of a village doctor: follow-ups due today and this week, the overdue list (most overdue
 * first, with 电话随访), the contracted residents, and a quick follow-up entry for the phone.
 */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const due = useWorklist('due', 7);
  const overdue = useWorklist('overdue');
  const contracts = useContracts('active');
  const [tab, setTab] = useState<TabKey>('today');
  const [selected, setSelected] = useState<WorklistRow | null>(null);
  const [calling, setCalling] = useState<WorklistRow | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const dueToday = due.data?.filter((r) => r.next_due_date === today);

  function followUp(row: WorklistRow) {
    setSelected(row);
    document.getElementById('quick-follow-up')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  const dueColumns = useWorklistColumns({ overdue: false, onFollowUp: followUp });
  const overdueColumns = useWorklistColumns({ overdue: true, onFollowUp: followUp, onCall: setCalling });
  const candidates = [...(overdue.data ?? []), ...(due.data ?? [])];

  const list = (key: TabKey) => {
    if (key === 'contracts') return <MyContracts query={contracts} />;
    const q = key === 'overdue' ? overdue : due;
    const rows = key === 'today' ? dueToday : q.data;
    return (
      <DataTable
        data-testid={`worklist-${key}`}
        columns={key === 'overdue' ? overdueColumns : dueColumns}
        rows={rows}
        loading={q.isPending}
        error={q.error}
        onRetry={() => void q.refetch()}
        pageSize={10}
        emptyText={<EmptyState description={t(key === 'overdue' ? 'workbench.noOverdue' : 'workbench.noDue')} />}
        exportName={t(key === 'today' ? 'workbench.dueToday' : key === 'week' ? 'workbench.dueWeek' : 'workbench.overdue')}
      />
    );
  };

  const stats: { key: TabKey; title: string; value: number | undefined; loading: boolean; danger?: boolean }[] = [
    { key: 'today', title: t('workbench.dueToday'), value: dueToday?.length, loading: due.isPending },
    { key: 'week', title: t('workbench.dueWeek'), value: due.data?.length, loading: due.isPending },
    { key: 'overdue', title: t('workbench.overdue'), value: overdue.data?.length, loading: overdue.isPending, danger: true },
    { key: 'contracts', title: t('workbench.contracts'), value: contracts.data?.length, loading: contracts.isPending },
  ];

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('workbench.today', { date: dayjs().format('YYYY-MM-DD dddd') })}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={6}>
            <Stat title={s.title} value={s.value} loading={s.loading} danger={s.danger} active={tab === s.key} onClick={() => setTab(s.key)} testId={`stat-${s.key}`} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as TabKey)}
            data-testid="workbench-tabs"
            items={stats.map((s) => ({
              key: s.key,
              label: s.value === undefined ? s.title : `${s.title} (${s.value})`,
              children: list(s.key),
            }))}
          />
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
          <QuickFollowUp candidates={candidates} selected={selected} onSelect={setSelected} />
        </Col>
      </Row>
      {calling && <CallDialog row={calling} onClose={() => setCalling(null)} />}
    </>
  );
}
