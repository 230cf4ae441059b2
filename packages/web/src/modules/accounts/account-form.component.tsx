import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES } from '@yigong/domain';
import type { CreateAccountRequest } from '@yigong/contracts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { useCreateAccount } from './account.resource.ts';

const FIELDS = ['username', 'password', 'displayName', 'role', 'scopeKind', 'communityId', 'organizationId', 'regionCode'];

/** 新建账号 (admin): role plus a scope of one organisation, one community or a region. */
export function AccountFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { communities, communityId: current } = useCommunitySelection();
  const [form] = Form.useForm<CreateAccountRequest>();
  const scopeKind = Form.useWatch('scopeKind', form);
  const communityId = Form.useWatch('communityId', form) ?? null;
  const orgs = useOrganizations(scopeKind === 'organization' ? communityId : null);
  const create = useCreateAccount();

  async function onFinish(v: CreateAccountRequest) {
    try {
      await create.mutateAsync({
        ...v,
        communityId: v.scopeKind === 'region' ? undefined : v.communityId,
        organizationId: v.scopeKind === 'organization' ? v.organizationId : undefined,
        regionCode: v.scopeKind === 'region' ? v.regionCode : undefined,
      });
      void message.success(t('accounts.created'));
      form.resetFields();
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      destroyOnHidden
      title={t('accounts.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form<CreateAccountRequest> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ scopeKind: 'organization', communityId: current ?? undefined }}>
        <Form.Item name="username" label={t('accounts.username')} rules={[{ required: true, pattern: /^[a-z0-9._-]{3,64}$/, message: '3–64: a-z 0-9 . _ -' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('accounts.password')} extra={t('accounts.passwordHint')} rules={[{ required: true, min: 10, message: t('accounts.passwordHint') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="scopeKind" label={t('accounts.scopeKind')} rules={[{ required: true }]}>
          <Select options={(['organization', 'community', 'region'] as const).map((k) => ({ value: k, label: t(`scopeKind.${k}`) }))} />
        </Form.Item>
        {scopeKind !== 'region' && (
          <Form.Item name="communityId" label={t('field.community')} rules={[{ required: true }]}>
            <Select options={communities.map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue('organizationId', undefined)} />
          </Form.Item>
        )}
        {scopeKind === 'organization' && (
          <Form.Item name="organizationId" label={t('field.organization')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={orgs.isFetching} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        {scopeKind === 'region' && (
          <Form.Item name="regionCode" label={t('accounts.regionCode')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('accounts.regionCode') }]}>
            <Input maxLength={6} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
