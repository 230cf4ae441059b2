import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CriticalValueView } from '@yigong/contracts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useAckCriticalValue } from './diagnostics.resource.ts';

/** 确认: acknowledges an open critical value with an optional note (POST /critical-values/:id/ack). */
export function CriticalAckButton({ v, size }: { v: CriticalValueView; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const ack = useAckCriticalValue();
  if (v.status !== 'open' || !can('critical.ack')) return null;

  async function onFinish({ note }: { note?: string }) {
    try {
      await ack.mutateAsync({ id: v.id, note: note?.trim() || undefined });
      void message.success(t('critical.acked'));
      setOpen(false);
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  return (
    <>
      <Button
        type="primary"
        danger
        size={size}
        icon={<CheckOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="critical-ack"
      >
        {t('critical.ack')}
      </Button>
      <Modal
        open={open}
        title={t('critical.ackTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('critical.ack')}
        okButtonProps={{ danger: true, loading: ack.isPending, 'data-testid': 'critical-ack-confirm' }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          <Typography.Text strong>{v.residentName}</Typography.Text> · {v.itemName}
        </Typography.Paragraph>
        <Typography.Paragraph type="danger" strong>
          {v.summary}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} onFinish={(x) => void onFinish(x)}>
          <Form.Item name="note" label={t('critical.ackNote')}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('critical.ackNotePlaceholder')} data-testid="critical-ack-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
