import { App, Button, Checkbox, Drawer, Form, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import type { OrderAction } from '@yigong/domain';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { prefillReport, remainingPlaceholders } from './report-prefill.ts';
import { useOrderTransition, type OrderTransition } from './diagnostics.resource.ts';

/** The actions taken in this modal; `result` has its own upload dialog. */
export type ModalAction = Exclude<OrderAction, 'result'>;

interface Values {
  reason?: string;
  text?: string;
  conclusion?: string;
  critical?: boolean;
  criticalSummary?: string;
}

const FIELDS = ['reason', 'text', 'conclusion', 'critical', 'criticalSummary'];

function toTransition(action: ModalAction, v: Values): OrderTransition {
  switch (action) {
    case 'accept':
    case 'acknowledge':
      return { action };
    case 'reject':
    case 'cancel':
      return { action, body: { reason: v.reason!.trim() } };
    case 'report':
    case 'amend': {
      const report = { text: v.text!.trim(), conclusion: v.conclusion!.trim(), critical: !!v.critical, criticalSummary: v.critical && v.criticalSummary?.trim() ? v.criticalSummary.trim() : undefined };
      return action === 'report' ? { action, body: report } : { action, body: { ...report, reason: v.reason!.trim() } };
    }
  }
}

/** The report's first text: the template filled from the results, or the latest version to amend. */
function initialValues(action: ModalAction, o: OrderDetailView): Values {
  if (action === 'report') {
    const { findings, conclusion } = prefillReport(o);
    // A lab value beyond its limits raised its critical value already; the reader marks a report critical.
    return { text: findings, conclusion, critical: false };
  }
  const latest = o.reports[0];
  if (action === 'amend' && latest) return { text: latest.findings, conclusion: latest.conclusion, critical: latest.critical };
  return {};
}

function ReportFields({ amend }: { amend: boolean }) {
  const { t } = useTranslation();
  const critical = Form.useWatch('critical');
  const noPlaceholders = {
    validator: (_: unknown, v: string | undefined) => {
      const left = remainingPlaceholders(v);
      return left.length === 0 ? Promise.resolve() : Promise.reject(new Error(t('diagnostics.placeholdersLeft', { names: left.map((n) => `{{${n}}}`).join('、') })));
    },
  };
  return (
    <>
      <Form.Item name="text" label={t('diagnostics.findings')} rules={[{ required: true, whitespace: true, min: 2, message: t('diagnostics.findingsRequired') }, noPlaceholders]}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={10_000} data-testid="report-text" />
      </Form.Item>
      <Form.Item name="conclusion" label={t('diagnostics.reportConclusion')} rules={[{ required: true, whitespace: true, min: 2, message: t('diagnostics.conclusionRequired') }, noPlaceholders]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2_000} data-testid="report-conclusion" />
      </Form.Item>
      <Form.Item name="critical" valuePropName="checked" style={{ marginBottom: critical ? 8 : undefined }}>
        <Checkbox data-testid="report-critical">
          <Typography.Text type="danger" strong>
            {t('diagnostics.criticalCheck')}
          </Typography.Text>
        </Checkbox>
      </Form.Item>
      {critical && (
        <Form.Item name="criticalSummary" label={t('diagnostics.criticalSummary')}>
          <Input maxLength={200} showCount placeholder={t('diagnostics.criticalSummaryPlaceholder')} data-testid="report-critical-summary" />
        </Form.Item>
      )}
      {amend && (
        <Form.Item name="reason" label={t('diagnostics.amendReason')} rules={[{ required: true, whitespace: true, min: 2, message: t('diagnostics.reasonMin') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="amend-reason" />
        </Form.Item>
      )}
    </>
  );
}

function ActionFields({ action }: { action: ModalAction }) {
  const { t } = useTranslation();
  switch (action) {
    case 'accept':
      return <Typography.Paragraph>{t('diagnostics.acceptConfirm')}</Typography.Paragraph>;
    case 'acknowledge':
      return <Typography.Paragraph>{t('diagnostics.acknowledgeConfirm')}</Typography.Paragraph>;
    case 'reject':
    case 'cancel':
      return (
        <Form.Item
          name="reason"
          label={t(action === 'reject' ? 'diagnostics.rejectReason' : 'diagnostics.cancelReason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('diagnostics.reasonMin') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={action === 'reject' ? t('diagnostics.rejectReasonPlaceholder') : undefined} data-testid="action-reason" />
        </Form.Item>
      );
    case 'report':
    case 'amend':
      return <ReportFields amend={action === 'amend'} />;
  }
}

interface Props {
  action: ModalAction | null;
  o: OrderDetailView;
  onClose: () => void;
}

/** One action of the order — in a modal, or a side panel for the report — what it needs, then POST …/orders/:id/:action. */
export function OrderActionModal({ action, o, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const transition = useOrderTransition(o.id);
  const danger = action === 'reject' || action === 'cancel';

  async function onFinish(v: Values) {
    if (!action) return;
    try {
      await transition.mutateAsync(toTransition(action, v));
      void message.success(t('diagnostics.done'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  const title = action ? t(`diagnostics.actions.${action}`) : '';
  const body = action && (
    <Form<Values> form={form} layout="vertical" preserve={false} initialValues={initialValues(action, o)} onFinish={(v) => void onFinish(v)} data-testid="action-form">
      <ActionFields action={action} />
    </Form>
  );
  if (action === 'report' || action === 'amend') {
    // A side panel without a mask: the reader keeps the tracing or the images in view while writing.
    return (
      <Drawer
        open
        title={title}
        onClose={onClose}
        mask={false}
        size={560}
        destroyOnHidden
        extra={
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button type="primary" loading={transition.isPending} onClick={() => form.submit()} data-testid="action-confirm">
              {title}
            </Button>
          </Space>
        }
      >
        {body}
      </Drawer>
    );
  }
  return (
    <Modal
      open={!!action}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? title : t('action.confirm')}
      okButtonProps={{ loading: transition.isPending, danger, 'data-testid': 'action-confirm' }}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}
