import { useState } from 'react';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { GRASSROOTS_KINDS } from '@yigong/domain';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { usePractitioners } from '../practitioners/practitioner.resource.ts';
import { useCreateTeam } from './family-doctor.resource.ts';
import { TEAM_ROLES, type TeamRole } from '@yigong/contracts';

interface Values {
  organizationId: string;
  name: string;
  members: { practitionerId?: string; role: TeamRole }[];
}

/** A practitioner of the community, searched by name (a specialist may come from the lead hospital). */
function PractitionerSelect({ communityId, value, onChange }: { communityId: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const query = usePractitioners({ communityId, q }, 30);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Select
      style={{ width: 260 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={query.isFetching}
      placeholder={t('team.memberRequired')}
      options={items.map((p) => ({ value: p.id, label: `${p.name} · ${t(`title.${p.title}`)} · ${p.organizationName}` }))}
    />
  );
}

/** 新建团队 (manager): a grassroots unit, a name and the members with their roles. */
export function TeamCreateDrawer({ communityId, onClose }: { communityId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations(communityId);
  const create = useCreateTeam();
  const units = (orgs.data ?? []).filter((o) => o.active && GRASSROOTS_KINDS.has(o.kind));

  async function onFinish(v: Values) {
    try {
      await create.mutateAsync({ communityId, organizationId: v.organizationId, name: v.name.trim(), members: v.members.map((m) => ({ practitionerId: m.practitionerId!, role: m.role })) });
      void message.success(t('team.created'));
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['organizationId', 'name', 'members'])) void message.error(errorText(e));
    }
  }

  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={t('team.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ members: [{ role: 'gp_lead' }, { role: 'nurse' }, { role: 'public_health' }] }} onFinish={(v) => void onFinish(v)}>
        <Form.Item name="organizationId" label={t('team.unit')} rules={[{ required: true, message: t('team.unitRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={orgs.isPending} options={units.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('team.name')} rules={[{ required: true, min: 2, whitespace: true, message: t('team.nameRequired') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'practitionerId']} rules={[{ required: true, message: t('team.memberRequired') }]}>
                    <PractitionerSelect communityId={communityId} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                    <Select style={{ width: 180 }} options={TEAM_ROLES.map((r) => ({ value: r, label: t(`team.roles.${r}`) }))} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'nurse' })} disabled={fields.length >= 20}>
                {t('team.addMember')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
