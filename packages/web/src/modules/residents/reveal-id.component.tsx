import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useRevealId } from './resident.resource.ts';

/** 查看完整证件号: asks for a purpose (audited), then shows the full number once. */
export function RevealIdButton({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  const reveal = useRevealId(residentId);

  function close() {
    setOpen(false);
    reveal.reset();
    form.resetFields();
  }

  return (
    <>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-id">
        {t('record.reveal')}
      </Button>
      <Modal
        open={open}
        title={t('record.revealTitle')}
        onCancel={close}
        destroyOnHidden
        okText={reveal.data ? t('action.confirm') : t('action.submit')}
        confirmLoading={reveal.isPending}
        onOk={() => (reveal.data ? close() : form.submit())}
        cancelButtonProps={{ style: reveal.data ? { display: 'none' } : undefined }}
      >
        {reveal.data ? (
          <Alert
            type="warning"
            showIcon
            title={t('record.revealed')}
            description={
              <Typography.Text copyable strong style={{ fontFamily: 'monospace', fontSize: 18 }} data-testid="id-full">
                {reveal.data.idNumber}
              </Typography.Text>
            }
          />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate(v.purpose.trim())}>
            <Form.Item name="purpose" label={t('record.revealPurpose')} rules={[{ required: true, min: 2, whitespace: true, message: t('record.revealPurposeRequired') }]}>
              <Input maxLength={200} autoFocus />
            </Form.Item>
            {reveal.isError && <Alert type="error" showIcon title={errorText(reveal.error)} />}
          </Form>
        )}
      </Modal>
    </>
  );
}
