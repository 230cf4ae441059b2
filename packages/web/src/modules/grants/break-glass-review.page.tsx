import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Segmented, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BreakGlassView } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { StatusTag } from '../../shared/components/tags.component.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { useBreakGlass, useReviewBreakGlass, type BreakGlassOutcome } from './break-glass.resource.ts';

const OUTCOMES: (BreakGlassOutcome | 'all')[] = ['pending', 'questioned', 'reviewed', 'all'];
const expired = (g: BreakGlassView) => g.status === 'active' && Date.parse(g.expiresAt) < Date.now();
const OUTCOME_COLOURS: Record<BreakGlassOutcome, string> = { pending: 'processing', reviewed: 'success', questioned: 'error' };

/** The review dialog: justified (note optional) or questioned (note required, as the server checks). */
function ReviewModal({ grant, onClose }: { grant: BreakGlassView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const review = useReviewBreakGlass();
  const [form] = Form.useForm<{ outcome: 'reviewed' | 'questioned'; note: string }>();
  const outcome = Form.useWatch('outcome', form);

  async function submit() {
    const v = await form.validateFields();
    try {
      await review.mutateAsync({ grantId: grant.id, outcome: v.outcome, note: v.note?.trim() ?? '' });
      void message.success(t('breakGlass.saved'));
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  return (
    <Modal open title={`${t('breakGlass.review')} · ${grant.residentName}`} onCancel={onClose} onOk={() => void submit()} confirmLoading={review.isPending} okButtonProps={{ 'data-testid': 'break-glass-save' } as Record<string, string>}>
      <Typography.Paragraph>
        <Typography.Text strong>{grant.granteeUsername}</Typography.Text> · {formatDateTime(grant.requestedAt)} · {t('breakGlass.reads')} {grant.reads}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{grant.reason}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'reviewed', note: '' }}>
        <Form.Item name="outcome" label={t('breakGlass.outcome')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'reviewed', label: t('breakGlass.markReviewed') },
              { value: 'questioned', label: t('breakGlass.markQuestioned') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('breakGlass.note')}
          rules={[{ validator: (_, v: string | undefined) => (outcome === 'questioned' && (v ?? '').trim().length < 4 ? Promise.reject(new Error(t('breakGlass.noteRequired'))) : Promise.resolve()) }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('breakGlass.notePlaceholder')} data-testid="break-glass-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 紧急调阅复核: the manager's queue of break-the-glass reads, pending first (issue #10). */
export default function BreakGlassReviewPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const [outcome, setOutcome] = useState<BreakGlassOutcome | 'all'>('pending');
  const [reviewing, setReviewing] = useState<BreakGlassView | null>(null);
  const list = useBreakGlass(communityId, outcome === 'all' ? null : outcome);
  const counts = list.data?.counts;
  const reviewer = can('grant.review');

  const columns: DataColumn<BreakGlassView>[] = [
    { title: t('breakGlass.resident'), dataIndex: 'residentName', render: (_: unknown, g) => <Link to={`/residents/${g.residentId}`}>{g.residentName}</Link> },
    { title: t('breakGlass.unit'), dataIndex: 'organizationName' },
    { title: t('breakGlass.grantee'), dataIndex: 'granteeUsername' },
    { title: t('breakGlass.reason'), dataIndex: 'reason', width: 200 },
    { title: t('breakGlass.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v), exportValue: (g) => formatDateTime(g.requestedAt) },
    {
      title: t('field.status'),
      dataIndex: 'status',
      // A break-the-glass grant stays `active` in the table after its time runs out; say so.
      render: (_: unknown, g) => (expired(g) ? <Tag>{t('breakGlass.expired')}</Tag> : <StatusTag ns="grantStatus" status={g.status} />),
      exportValue: (g) => (expired(g) ? t('breakGlass.expired') : t(`grantStatus.${g.status}`)),
    },
    {
      title: t('breakGlass.reads'),
      dataIndex: 'reads',
      render: (_: unknown, g) => (
        <Space direction="vertical" size={0}>
          <span>{g.reads}</span>
          {g.lastReadAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`${t('breakGlass.lastReadAt')} ${formatDateTime(g.lastReadAt)}`}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('breakGlass.lastReadAt'), dataIndex: 'lastReadAt', hidden: true, exportValue: (g) => (g.lastReadAt ? formatDateTime(g.lastReadAt) : '') },
    {
      title: t('breakGlass.outcome'),
      dataIndex: 'outcome',
      render: (v: BreakGlassOutcome) => <Tag color={OUTCOME_COLOURS[v]}>{t(`breakGlassOutcome.${v}`)}</Tag>,
      exportValue: (g) => t(`breakGlassOutcome.${g.outcome}`),
    },
    { title: t('breakGlass.note'), dataIndex: 'note', width: 200, render: (v: string | null) => orDash(v) },
    {
      title: t('breakGlass.reviewedBy'),
      dataIndex: 'reviewedBy',
      render: (_: unknown, g) =>
        g.reviewedBy ? (
          <Space direction="vertical" size={0}>
            <span>{g.reviewedBy}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(g.reviewedAt!)}</Typography.Text>
          </Space>
        ) : (
          '—'
        ),
      exportValue: (g) => (g.reviewedBy ? `${g.reviewedBy} ${formatDateTime(g.reviewedAt!)}` : ''),
    },
    {
      title: t('field.actions'),
      noExport: true,
      fixed: 'right',
      render: (_: unknown, g) =>
        reviewer && g.outcome === 'pending' ? (
          <Button size="small" type="primary" onClick={() => setReviewing(g)} data-testid="break-glass-review">
            {t('breakGlass.review')}
          </Button>
        ) : null,
    },
  ];

  const label = (o: BreakGlassOutcome | 'all') => (o === 'all' ? t('action.all') : `${t(`breakGlassOutcome.${o}`)}${counts ? ` (${counts[o]})` : ''}`);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('breakGlass.title')}
        </Typography.Title>
        <Space wrap>
          <CommunitySelect />
          <Segmented<BreakGlassOutcome | 'all'> value={outcome} onChange={setOutcome} options={OUTCOMES.map((o) => ({ value: o, label: label(o) }))} data-testid="break-glass-filter" />
        </Space>
      </Space>
      <Alert type="info" showIcon message={t('breakGlass.hint')} style={{ marginBottom: 12 }} />
      <DataTable
        data-testid="break-glass-table"
        columns={columns}
        rows={list.data?.items}
        rowKey="id"
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        exportName={t('breakGlass.title')}
        pageSize={20}
      />
      {reviewing && <ReviewModal grant={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}
