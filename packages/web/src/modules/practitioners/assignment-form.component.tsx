import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ASSIGNMENT_KINDS, type AssignmentKind } from '@yigong/domain';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { useAddAssignment } from './practitioner.resource.ts';

interface Values {
  organizationId: string;
  kind: AssignmentKind;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  note?: string;
}

/** 新增派驻: 县管乡用 or 下沉驻点 to a member unit, with dates. */
export function AssignmentForm({ practitionerId, communityId }: { practitionerId: string; communityId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations(communityId);
  const add = useAddAssignment(practitionerId);

  async function onFinish(v: Values) {
    try {
      await add.mutateAsync({
        id: newId(),
        organizationId: v.organizationId,
        kind: v.kind,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
        note: v.note || null,
      });
      form.resetFields();
      void message.success(t('action.saved'));
    } catch (e) {
      if (!applyFieldErrors(form, e, ['organizationId', 'kind', 'startsOn', 'endsOn', 'note'])) void message.error(errorText(e));
    }
  }

  return (
    <Form<Values> form={form} layout="inline" onFinish={(v) => void onFinish(v)} style={{ rowGap: 12 }} data-testid="assignment-form">
      <Form.Item name="kind" rules={[{ required: true, message: t('practitioners.assignmentKind') }]}>
        <Select style={{ width: 140 }} placeholder={t('practitioners.assignmentKind')} options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: t(`assignmentKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="organizationId" rules={[{ required: true, message: t('field.organization') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          placeholder={t('field.organization')}
          loading={orgs.isPending}
          options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Form.Item name="startsOn" rules={[{ required: true, message: t('practitioners.startsOn') }]}>
        <DatePicker placeholder={t('practitioners.startsOn')} />
      </Form.Item>
      <Form.Item
        name="endsOn"
        dependencies={['startsOn']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, v: Dayjs | null | undefined) => {
              const start = getFieldValue('startsOn') as Dayjs | undefined;
              return !v || !start || !v.isBefore(start, 'day') ? Promise.resolve() : Promise.reject(new Error(`${t('practitioners.endsOn')} ≥ ${t('practitioners.startsOn')}`));
            },
          }),
        ]}
      >
        <DatePicker placeholder={t('practitioners.endsOn')} />
      </Form.Item>
      <Form.Item name="note">
        <Input placeholder={t('field.note')} maxLength={200} style={{ width: 200 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {t('practitioners.addAssignment')}
      </Button>
    </Form>
  );
}
