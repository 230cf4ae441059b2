import { useEffect } from 'react';
import { AutoComplete, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { useAccounts } from '../accounts/account.resource.ts';
import type { AuditFilter } from './audit.resource.ts';

interface Values {
  residentId?: string;
  actorId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters of the audit page: community, resident, actor, action, date range. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const accounts = useAccounts(can('account.manage'));
  const actionLabels = t('audit.actions', { returnObjects: true }) as Record<string, string>;

  // The table can set a filter too (click a user or a resident): keep the form in step.
  useEffect(() => {
    form.setFieldsValue({ residentId: value.residentId, actorId: value.actorId, action: value.action });
  }, [form, value.residentId, value.actorId, value.action]);

  function submit(v: Values) {
    onChange({
      communityId: value.communityId,
      residentId: v.residentId?.trim() || undefined,
      actorId: v.actorId?.trim() || undefined,
      action: v.action?.trim() || undefined,
      from: v.range?.[0]?.format('YYYY-MM-DD'),
      to: v.range?.[1]?.format('YYYY-MM-DD'),
    });
  }

  return (
    <Form<Values> form={form} layout="inline" onFinish={submit} style={{ rowGap: 8, marginBottom: 16 }} data-testid="audit-filter">
      <Form.Item>
        <CommunitySelect allowAll value={value.communityId ?? null} onChange={(id) => onChange({ ...value, communityId: id })} />
      </Form.Item>
      <Form.Item name="residentId" rules={[{ pattern: UUID, message: 'UUID' }]}>
        <Input allowClear placeholder={t('audit.residentId')} style={{ width: 300 }} />
      </Form.Item>
      <Form.Item name="actorId" rules={[{ pattern: UUID, message: 'UUID' }]}>
        {accounts.data ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actor')}
            style={{ width: 220 }}
            options={accounts.data.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
          />
        ) : (
          <Input allowClear placeholder={t('audit.actor')} style={{ width: 300 }} />
        )}
      </Form.Item>
      <Form.Item name="action">
        <AutoComplete
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 200 }}
          options={Object.entries(actionLabels).map(([code, label]) => ({ value: code, label: `${label}（${code}）` }))}
          showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
        />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('action.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({ communityId: value.communityId });
          }}
        >
          {t('action.reset')}
        </Button>
      </Space>
    </Form>
  );
}
