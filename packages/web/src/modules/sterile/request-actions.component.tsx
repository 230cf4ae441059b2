import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryView, SterileRequestView } from '@yigong/contracts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useCancelRequest, useDeliverRequest } from './sterile.resource.ts';

/** 取消申领 with an optional reason. */
function CancelModal({ r, onClose }: { r: SterileRequestView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const cancel = useCancelRequest();
  const [form] = Form.useForm<{ reason?: string }>();
  async function onFinish(v: { reason?: string }) {
    try {
      await cancel.mutateAsync({ id: r.id, reason: v.reason?.trim() || undefined });
      void message.success(t('sterile.requestCancelled'));
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    }
  }
  return (
    <Modal
      open
      title={t('sterile.cancelRequestTitle', { unit: r.organizationName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('sterile.requestActions.cancel')}
      okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'cancel-confirm' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item name="reason" label={t('sterile.cancelReason')}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="cancel-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The buttons the server offers on a request (`actions`): the centre delivers — picked first
 * expiry first; `onDelivered` shows the barcodes and any shortage (outside the row: a request
 * delivered in full loses its buttons) — and the asking unit cancels.
 */
export function RequestActions({ r, onDelivered }: { r: SterileRequestView; onDelivered: (d: DeliveryView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const deliver = useDeliverRequest();
  const [cancelling, setCancelling] = useState(false);
  if (r.actions.length === 0) return <span>—</span>;

  async function onDeliver() {
    try {
      onDelivered(await deliver.mutateAsync(r.id));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  return (
    // A click on a button is not a click on the row.
    <Space onClick={(e) => e.stopPropagation()} data-testid="request-actions">
      {r.actions.includes('deliver') && (
        <Popconfirm title={t('sterile.deliverConfirm')} description={t('sterile.deliverConfirmText')} onConfirm={() => void onDeliver()} okText={t('sterile.requestActions.deliver')} cancelText={t('action.cancel')}>
          <Button type="primary" size="small" loading={deliver.isPending} data-testid="action-deliver">
            {t('sterile.requestActions.deliver')}
          </Button>
        </Popconfirm>
      )}
      {r.actions.includes('cancel') && (
        <Button danger size="small" onClick={() => setCancelling(true)} data-testid="action-cancel">
          {t('sterile.requestActions.cancel')}
        </Button>
      )}
      {cancelling && <CancelModal r={r} onClose={() => setCancelling(false)} />}
    </Space>
  );
}
