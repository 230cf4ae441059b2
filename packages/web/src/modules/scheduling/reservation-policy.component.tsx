import { useState } from 'react';
import { App, Button, Descriptions, Form, InputNumber, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ResourceType } from '@yigong/domain';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useSetPolicy } from './scheduling.resource.ts';
import type { PolicyView } from '@yigong/contracts';

interface Props {
  communityId: string;
  organizationId: string;
  resourceType: ResourceType;
  policy: PolicyView | undefined;
}

/** 预留政策 of the owner for one resource type; the manager and admin edit share and release hours. */
export function ReservationPolicy({ communityId, organizationId, resourceType, policy }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const save = useSetPolicy();
  const [form] = Form.useForm<{ sharePct: number; releaseHoursBefore: number }>();

  async function onFinish(v: { sharePct: number; releaseHoursBefore: number }) {
    try {
      await save.mutateAsync({ communityId, organizationId, resourceType, channel: 'family_doctor_referral', ...v });
      void message.success(t('action.saved'));
      setEditing(false);
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  if (editing) {
    return (
      <Form form={form} layout="inline" initialValues={{ sharePct: policy?.sharePct ?? 20, releaseHoursBefore: policy?.releaseHoursBefore ?? 24 }} onFinish={(v) => void onFinish(v)} data-testid="policy-form" style={{ rowGap: 8 }}>
        <Form.Item name="sharePct" label={t('scheduling.sharePct')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="releaseHoursBefore" label={t('scheduling.releaseHours')} rules={[{ required: true }]}>
          <InputNumber min={0} max={336} style={{ width: 90 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('action.save')}
          </Button>
          <Button onClick={() => setEditing(false)}>{t('action.cancel')}</Button>
        </Space>
      </Form>
    );
  }
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="policy">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'type', label: t('scheduling.resourceType'), children: t(`scheduling.types.${resourceType}`) },
          { key: 'share', label: t('scheduling.sharePct'), children: policy ? `${policy.sharePct}%` : t('scheduling.policyDefault') },
          { key: 'release', label: t('scheduling.releaseHours'), children: policy ? policy.releaseHoursBefore : '—' },
        ]}
        extra={
          can('schedule.manage') && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="policy-edit">
              {t('action.edit')}
            </Button>
          )
        }
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('scheduling.policyHint')}
      </Typography.Text>
    </Space>
  );
}
