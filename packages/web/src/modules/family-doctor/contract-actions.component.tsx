import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Radio, Select } from 'antd';
import { PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { TERMINATION_REASONS, type TerminationReason } from '@yigong/domain';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useRecordService, useRenewContract, useTerminateContract } from './family-doctor.resource.ts';
import type { ContractView } from '@yigong/contracts';

/** 记录服务: a delivered service (履约) against one package item, within the contract period. */
export function ServiceDialog({ c, itemId, onClose }: { c: ContractView; itemId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ itemId: string; deliveredOn: Dayjs; note?: string }>();
  const record = useRecordService(c.id);
  const [requestId] = useState(newId);

  async function onFinish(v: { itemId: string; deliveredOn: Dayjs; note?: string }) {
    try {
      await record.mutateAsync({ id: requestId, itemId: v.itemId, deliveredOn: v.deliveredOn.format('YYYY-MM-DD'), note: v.note?.trim() || undefined });
      void message.success(t('contract.serviceSaved'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['itemId', 'deliveredOn', 'note'])) void message.error(errorText(e));
    }
  }

  return (
    <Modal open title={t('contract.serviceTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('action.save')} confirmLoading={record.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ itemId, deliveredOn: dayjs() }} onFinish={(v) => void onFinish(v)} data-testid="service-form">
        <Form.Item name="itemId" label={t('contract.item')} rules={[{ required: true, message: t('contract.itemRequired') }]}>
          <Select
            data-testid="service-item"
            options={c.items.map((i) => ({ value: i.itemId, label: `${i.packageName} · ${i.name}（${i.delivered}/${i.timesPerYear}）` }))}
          />
        </Form.Item>
        <Form.Item name="deliveredOn" label={t('contract.deliveredOn')} rules={[{ required: true }]}>
          <DatePicker
            style={{ width: '100%' }}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(c.starts_on), 'day') || !d.isBefore(dayjs(c.ends_on), 'day')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 解约 with one of the four reasons (迁出, 失联一年, 拒绝服务, 主动解约). */
function TerminateDialog({ c, onClose }: { c: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ reason: TerminationReason; terminatedOn: Dayjs; note?: string }>();
  const terminate = useTerminateContract(c.id);

  async function onFinish(v: { reason: TerminationReason; terminatedOn: Dayjs; note?: string }) {
    try {
      await terminate.mutateAsync({ reason: v.reason, terminatedOn: v.terminatedOn.format('YYYY-MM-DD'), note: v.note?.trim() || undefined });
      void message.success(t('contract.terminated'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['reason', 'terminatedOn', 'note'])) void message.error(errorText(e));
    }
  }

  return (
    <Modal
      open
      title={t('contract.terminateTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contract.terminate')}
      okButtonProps={{ danger: true }}
      confirmLoading={terminate.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ terminatedOn: dayjs() }} onFinish={(v) => void onFinish(v)} data-testid="terminate-form">
        <Form.Item name="reason" label={t('contract.reason')} rules={[{ required: true, message: t('contract.reasonRequired') }]}>
          <Radio.Group>
            {TERMINATION_REASONS.map((r) => (
              <Radio key={r} value={r}>
                {t(`contract.reasons.${r}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="terminatedOn" label={t('contract.terminatedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('field.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 记录服务, 续约 and 解约 of an active contract. */
export function ContractActions({ c, onRenewed }: { c: ContractView; onRenewed?: (next: ContractView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const renew = useRenewContract(c.id);
  const [dialog, setDialog] = useState<'service' | 'terminate' | null>(null);
  if (c.status !== 'active') return null;

  async function onRenew() {
    try {
      const next = await renew.mutateAsync();
      void message.success(t('contract.renewed'));
      onRenewed?.(next);
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('service')} data-testid="contract-service">
        {t('contract.recordService')}
      </Button>
      <Popconfirm title={t('contract.renewConfirm', { from: c.ends_on })} onConfirm={() => void onRenew()} okText={t('action.confirm')} cancelText={t('action.cancel')}>
        <Button icon={<ReloadOutlined />} loading={renew.isPending} data-testid="contract-renew">
          {t('contract.renew')}
        </Button>
      </Popconfirm>
      <Button danger icon={<StopOutlined />} onClick={() => setDialog('terminate')} data-testid="contract-terminate">
        {t('contract.terminate')}
      </Button>
      {dialog === 'service' && <ServiceDialog c={c} onClose={() => setDialog(null)} />}
      {dialog === 'terminate' && <TerminateDialog c={c} onClose={() => setDialog(null)} />}
    </>
  );
}
