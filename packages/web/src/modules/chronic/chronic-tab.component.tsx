import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { FormOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { FollowUpView, ProblemView, ResidentEnrollment, ResidentRecord } from '@yigong/contracts';
import { CHRONIC_DISEASES, type ChronicDisease, type SymptomCode } from '@yigong/domain';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { formatDate, orDash } from '../../shared/i18n/format.ts';
import { ClassificationTag, DiseaseTag, NextStepTag, OverdueDaysTag } from './chronic-tags.component.tsx';
import { useResidentChronic } from './chronic.resource.ts';
import { EnrollDialog } from './enroll-dialog.component.tsx';
import { FollowUpCharts } from './follow-up-charts.component.tsx';
import { FollowUpDrawer } from './follow-up-drawer.component.tsx';

/** Open problems that call for enrolment: I10–I15 → hypertension, E11 → type-2 diabetes (docs/domain/chronic.md "Enrolment"). */
export function suggestedEnrolments(problems: readonly ProblemView[]): { disease: ChronicDisease; problem: ProblemView }[] {
  const out: { disease: ChronicDisease; problem: ProblemView }[] = [];
  for (const p of problems) {
    if (p.resolvedDate) continue;
    const cat = p.code.slice(0, 3);
    const disease: ChronicDisease | null = cat >= 'I10' && cat <= 'I15' ? 'hypertension' : cat === 'E11' ? 'diabetes' : null;
    if (disease && !out.some((s) => s.disease === disease)) out.push({ disease, problem: p });
  }
  return out;
}

type HistoryRow = FollowUpView & { disease: ChronicDisease };

/** A hypertension follow-up's own verdict (150/90 from 65); for diabetes rows the plain 140/90. */
const bpHigh = (f: HistoryRow) => (f.disease === 'hypertension' ? !f.controlled : (f.sbp ?? 0) >= 140 || (f.dbp ?? 0) >= 90);

function useHistoryColumns(): DataColumn<HistoryRow>[] {
  const { t } = useTranslation();
  const symptoms = (f: HistoryRow) => f.symptoms.filter((s) => s !== 'none').map((s: SymptomCode) => t(`chronic.symptomNames.${s}`)).join('、') || '—';
  return [
    { title: t('chronic.date'), dataIndex: 'date', render: (v: string) => formatDate(v) },
    { title: t('chronic.disease'), dataIndex: 'disease', render: (v: string) => <DiseaseTag disease={v} />, exportValue: (f) => t(`chronic.diseases.${f.disease}`) },
    { title: t('chronic.way'), dataIndex: 'way', render: (v: string) => t(`chronic.ways.${v}`), exportValue: (f) => t(`chronic.ways.${f.way}`) },
    {
      title: `${t('chronic.bp')} (mmHg)`,
      dataIndex: 'sbp',
      render: (_: unknown, f) => (f.sbp !== null ? <span style={{ color: bpHigh(f) ? '#cf1322' : undefined }}>{`${f.sbp}/${f.dbp}`}</span> : '—'),
      exportValue: (f) => (f.sbp !== null ? `${f.sbp}/${f.dbp}` : null),
    },
    { title: `${t('chronic.glucose')} (mmol/L)`, dataIndex: 'fastingGlucose', render: (v: number | null) => orDash(v) },
    { title: t('chronic.heartRate'), dataIndex: 'heartRate', render: (v: number | null) => orDash(v) },
    { title: t('chronic.symptoms'), dataIndex: 'symptoms', render: (_: unknown, f) => symptoms(f), exportValue: symptoms },
    {
      title: t('chronic.classification'),
      dataIndex: 'classification',
      render: (_: unknown, f) => <ClassificationTag value={f.classification} />,
      exportValue: (f) => t(`chronic.classifications.${f.classification}`),
    },
    { title: t('chronic.nextStep'), dataIndex: 'nextStep', render: (_: unknown, f) => <NextStepTag value={f.nextStep} />, exportValue: (f) => t(`chronic.nextSteps.${f.nextStep}`) },
    { title: t('chronic.nextDueDate'), dataIndex: 'nextDueDate', render: (v: string) => formatDate(v) },
    { title: t('chronic.urgentReasons'), dataIndex: 'urgentReasons', render: (v: string[]) => v.join('、') || '—', exportValue: (f) => f.urgentReasons.join('、') },
  ];
}

/** 慢病管理 tab: enrolments, the suggestion to enrol from the problem list, trends, follow-up history. */
export function ChronicTab({ r, active }: { r: ResidentRecord; active: boolean }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const query = useResidentChronic(r.id, active);
  const [enrolling, setEnrolling] = useState<{ disease?: ChronicDisease } | null>(null);
  const [recording, setRecording] = useState<ResidentEnrollment | null>(null);
  const historyColumns = useHistoryColumns();
  const editable = can('care.write') && r.status === 'active' && r.access !== 'grant';
  const today = dayjs().format('YYYY-MM-DD');

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const enrolments = query.data;
  const open = enrolments.filter((e) => !e.ended_on);
  const enrolled = open.map((e) => e.disease);
  const suggestions = suggestedEnrolments(r.problems).filter((s) => !enrolled.includes(s.disease));
  const history: HistoryRow[] = enrolments.flatMap((e) => e.followUps.map((f) => ({ ...f, disease: e.disease }))).sort((a, b) => b.date.localeCompare(a.date));

  const enrolmentColumns: DataColumn<ResidentEnrollment>[] = [
    { title: t('chronic.disease'), dataIndex: 'disease', render: (v: string) => <DiseaseTag disease={v} />, exportValue: (e) => t(`chronic.diseases.${e.disease}`) },
    { title: t('chronic.enrolledOn'), dataIndex: 'enrolled_on', render: (v: string) => formatDate(v) },
    { title: t('chronic.managingUnit'), dataIndex: 'organization_name' },
    {
      title: t('chronic.status'),
      dataIndex: 'ended_on',
      render: (_: unknown, e) => (e.ended_on ? `${t('chronic.ended')}（${t(`chronic.endReasons.${e.end_reason ?? ''}`, { defaultValue: e.end_reason ?? '' })} ${formatDate(e.ended_on)}）` : t('chronic.open')),
      exportValue: (e) => (e.ended_on ? t('chronic.ended') : t('chronic.open')),
    },
    {
      title: t('chronic.nextDue'),
      dataIndex: 'next_due_date',
      render: (_: unknown, e) =>
        e.ended_on || !e.next_due_date ? '—' : (
          <Space size={4}>
            {formatDate(e.next_due_date)}
            {e.next_due_date < today && <OverdueDaysTag days={dayjs(today).diff(e.next_due_date, 'day')} />}
          </Space>
        ),
    },
    { title: t('chronic.lastClassification'), dataIndex: 'last_classification', render: (_: unknown, e) => <ClassificationTag value={e.last_classification} /> },
    {
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, e) =>
        editable && !e.ended_on ? (
          <Button size="small" type="primary" icon={<FormOutlined />} onClick={() => setRecording(e)} data-testid="enrolment-follow-up">
            {t('chronic.newFollowUp')}
          </Button>
        ) : null,
    },
  ];

  const enrollButton = editable && enrolled.length < CHRONIC_DISEASES.length && (
    <Button icon={<PlusOutlined />} onClick={() => setEnrolling({})} data-testid="chronic-enroll">
      {t('chronic.enroll')}
    </Button>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="chronic-tab">
      {editable &&
        suggestions.map((s) => (
          <Alert
            key={s.disease}
            type="info"
            showIcon
            data-testid="enrol-suggestion"
            title={t('chronic.suggest', { code: s.problem.code, name: i18n.language === 'en' ? s.problem.nameEn : s.problem.nameZh, disease: t(`chronic.diseases.${s.disease}`) })}
            action={
              <Button size="small" type="primary" onClick={() => setEnrolling({ disease: s.disease })} data-testid="enrol-suggested">
                {t('chronic.enroll')}
              </Button>
            }
          />
        ))}
      {enrolments.length === 0 ? (
        <EmptyState description={t('chronic.noEnrollment')} action={enrollButton} />
      ) : (
        <>
          <DataTable
            data-testid="enrolments"
            columns={enrolmentColumns}
            rows={enrolments}
            exportName={`${r.name}-${t('chronic.enrollments')}`}
            toolbar={
              <Space>
                <Typography.Text strong>{t('chronic.enrollments')}</Typography.Text>
                {enrollButton}
              </Space>
            }
          />
          <FollowUpCharts followUps={history} />
          <DataTable
            data-testid="followup-history"
            columns={historyColumns}
            rows={history}
            pageSize={10}
            toolbar={<Typography.Text strong>{t('chronic.history')}</Typography.Text>}
            exportName={`${r.name}-${t('chronic.history')}`}
          />
        </>
      )}
      {enrolling && <EnrollDialog r={r} disease={enrolling.disease} enrolled={enrolled} onClose={() => setEnrolling(null)} />}
      {recording && <FollowUpDrawer r={r} enrollment={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
