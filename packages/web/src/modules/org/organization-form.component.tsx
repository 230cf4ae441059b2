import { useEffect } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS } from '@yigong/domain';
import type { OrganizationInput, OrganizationView } from '@yigong/contracts';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useCreateOrganization, useGrids, useOrganizations, usePatchOrganization } from './org.resource.ts';

type FormValues = Omit<OrganizationInput, 'id' | 'communityId'> & { active?: boolean };
const NULLABLE = ['shortName', 'level', 'parentId', 'gridId', 'regionCode', 'secondPlateName', 'address', 'phone'] as const;
const FIELDS = ['kind', 'name', 'shortName', 'level', 'parentId', 'gridId', 'regionCode', 'beds', 'secondPlateName', 'address', 'phone', 'active'];

interface Props {
  open: boolean;
  onClose: () => void;
  communityId: string;
  /** Present when editing; absent to create. */
  organization?: OrganizationView;
  /** Pre-selected parent for a new unit. */
  parentId?: string | null;
}

/** 新增机构 / 编辑机构 drawer (admin, manager). */
export function OrganizationFormDrawer({ open, onClose, communityId, organization, parentId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const orgs = useOrganizations(communityId);
  const grids = useGrids(communityId);
  const create = useCreateOrganization();
  const patch = usePatchOrganization(organization?.id ?? '');
  const saving = create.isPending || patch.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (organization) form.setFieldsValue({ ...organization, level: organization.level ?? undefined });
    else form.setFieldsValue({ parentId: parentId ?? undefined, beds: 0 });
  }, [open, organization, parentId, form]);

  async function onFinish(raw: FormValues) {
    // A cleared field arrives as undefined or '': send null so PATCH really clears it.
    const values: FormValues = { ...raw };
    for (const k of NULLABLE) if (values[k] === undefined || values[k] === '') (values as Record<string, unknown>)[k] = null;
    try {
      if (organization) await patch.mutateAsync(values);
      else await create.mutateAsync({ ...values, id: newId(), communityId });
      void message.success(t('action.saved'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  const parentOptions = (orgs.data ?? []).filter((o) => o.id !== organization?.id).map((o) => ({ value: o.id, label: `${o.name}（${t(`orgKind.${o.kind}`)}）` }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      title={organization ? t('org.edit') : t('org.add')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="org-form-submit">
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)}>
        <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true, message: t('org.kindRequired') }]}>
          <Select options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[{ required: true, min: 2, message: t('org.nameRequired') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('org.shortName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="secondPlateName" label={t('org.secondPlate')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="level" label={t('org.level')}>
          <Select allowClear options={(['primary', 'secondary', 'tertiary'] as const).map((l) => ({ value: l, label: t(`orgLevel.${l}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.parent')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={orgs.isPending} options={parentOptions} />
        </Form.Item>
        <Form.Item name="gridId" label={t('org.grid')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={grids.isPending} options={(grids.data ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('org.regionCode')}>
          <Input maxLength={9} />
        </Form.Item>
        <Form.Item name="beds" label={t('org.beds')}>
          <InputNumber min={0} max={20000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label={t('field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')}>
          <Input maxLength={40} />
        </Form.Item>
        {organization && (
          <Form.Item name="active" label={t('field.status')} valuePropName="checked">
            <Switch checkedChildren={t('org.active')} unCheckedChildren={t('org.inactive')} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
