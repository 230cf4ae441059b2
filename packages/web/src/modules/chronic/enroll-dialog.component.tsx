import { useState } from 'react';
import { App, DatePicker, Form, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ResidentRecord } from '@yigong/contracts';
import { CHRONIC_DISEASES, GRASSROOTS_KINDS, type ChronicDisease } from '@yigong/domain';
import { isApiError, newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useUser } from '../../shared/auth/auth-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useOrganizations } from '../org/org.resource.ts';
import { useEnroll } from './chronic.resource.ts';

type RiskLevel = 'low' | 'medium' | 'high' | 'very_high';
const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high', 'very_high'];

interface Values {
  disease: ChronicDisease;
  enrolledOn: Dayjs;
  organizationId: string;
  riskLevel?: RiskLevel;
}

/** 纳入管理: enrols the resident in the hypertension or type-2 diabetes registry. */
export function EnrollDialog({ r, disease, enrolled, onClose }: { r: ResidentRecord; disease?: ChronicDisease; enrolled: readonly ChronicDisease[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useUser();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations(r.communityId);
  const enroll = useEnroll();
  const [requestId] = useState(newId);
  // The doctor's own grassroots unit manages by default; otherwise the resident's unit.
  const units = (orgs.data ?? []).filter((o) => o.active && GRASSROOTS_KINDS.has(o.kind));
  const defaultUnit = units.some((o) => o.id === user.organizationId) ? user.organizationId : r.organizationId;

  async function onFinish(v: Values) {
    try {
      await enroll.mutateAsync({ id: requestId, residentId: r.id, disease: v.disease, enrolledOn: v.enrolledOn.format('YYYY-MM-DD'), organizationId: v.organizationId, riskLevel: v.riskLevel });
      void message.success(t('chronic.enrolled'));
      onClose();
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void message.info(t('chronic.alreadyEnrolled'));
        onClose();
        return;
      }
      if (!applyFieldErrors(form, e, ['disease', 'enrolledOn', 'organizationId', 'riskLevel'])) void message.error(errorText(e));
    }
  }

  return (
    <Modal open title={`${t('chronic.enrollTitle')} · ${r.name}`} onCancel={onClose} onOk={() => form.submit()} okText={t('chronic.enroll')} confirmLoading={enroll.isPending} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ disease: disease ?? CHRONIC_DISEASES.find((d) => !enrolled.includes(d)), enrolledOn: dayjs(), organizationId: defaultUnit ?? undefined }}
        onFinish={(v) => void onFinish(v)}
        data-testid="enroll-form"
      >
        <Form.Item name="disease" label={t('chronic.disease')} rules={[{ required: true, message: t('chronic.diseaseRequired') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="enroll-disease">
            {CHRONIC_DISEASES.map((d) => (
              <Radio.Button key={d} value={d} disabled={enrolled.includes(d)}>
                {t(`chronic.diseases.${d}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="enrolledOn" label={t('chronic.enrolledOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(r.birthDate), 'day')} />
        </Form.Item>
        <Form.Item name="organizationId" label={t('chronic.managingUnit')} rules={[{ required: true, message: t('chronic.unitRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={orgs.isPending} options={units.map((o) => ({ value: o.id, label: o.name }))} data-testid="enroll-unit" />
        </Form.Item>
        <Form.Item name="riskLevel" label={t('chronic.riskLevel')}>
          <Select allowClear options={RISK_LEVELS.map((l) => ({ value: l, label: t(`chronic.riskLevels.${l}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
