import { App, Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useCreateDepartment } from './org.resource.ts';

/** Inline "新增科室" form on the organisation detail. */
export function DepartmentForm({ communityId, organizationId }: { communityId: string; organizationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const create = useCreateDepartment();

  async function onFinish(v: { code: string; name: string }) {
    try {
      await create.mutateAsync({ ...v, id: newId(), communityId, organizationId });
      form.resetFields();
      void message.success(t('action.saved'));
    } catch (e) {
      if (!applyFieldErrors(form, e, ['code', 'name'])) void message.error(errorText(e));
    }
  }

  return (
    <Form form={form} layout="inline" onFinish={(v) => void onFinish(v)} style={{ marginTop: 12 }}>
      <Form.Item name="name" rules={[{ required: true, message: t('field.name') }]}>
        <Input placeholder={t('field.name')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="code" rules={[{ required: true, pattern: /^[a-z_]{2,40}$/, message: t('org.departmentCodeHint') }]}>
        <Input placeholder={t('org.departmentCode')} style={{ width: 200 }} />
      </Form.Item>
      <Space>
        <Button htmlType="submit" loading={create.isPending}>
          {t('org.addDepartment')}
        </Button>
      </Space>
    </Form>
  );
}
