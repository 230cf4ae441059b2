import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReferralView } from '@yigong/contracts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { Icd10Select, toIcdValue, type IcdValue } from './icd10-select.component.tsx';
import { useFollowUp } from './referral.resource.ts';

interface Values {
  date: Dayjs;
  diagnosis: IcdValue | null;
  sbp?: number | null;
  dbp?: number | null;
  plan?: string;
}

/**
 * Whether the caller records the 首次随访 that completes this down-referral (docs/domain/referral.md
 * "Down-referrals"). The
 * server accepts and records arrival on the way, but not from `scheduled`: there 到诊 comes first.
 */
export function canRecordFollowUp(r: ReferralView, role: string): boolean {
  return r.direction === 'down' && r.side === 'receiver' && ['submitted', 'accepted', 'arrived'].includes(r.status) && ['village_doctor', 'clinician'].includes(role);
}

/** 首次随访 of a down-referred resident (render only when canRecordFollowUp) at the receiving unit: date, blood pressure, diagnosis, plan. */
export function FollowUpForm({ r }: { r: ReferralView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const followUp = useFollowUp(r.id);
  const primary = r.diagnoses.find((d) => d.primary) ?? r.diagnoses[0];

  async function onFinish(v: Values) {
    try {
      await followUp.mutateAsync({
        date: v.date.format('YYYY-MM-DD'),
        diagnosis: v.diagnosis!.value,
        sbp: v.sbp ?? undefined,
        dbp: v.dbp ?? undefined,
        plan: v.plan?.trim() || undefined,
      });
      void message.success(t('referral.followUpDone'));
    } catch (e) {
      if (!applyFieldErrors(form, e, ['date', 'diagnosis', 'sbp', 'dbp', 'plan'])) void message.error(errorText(e));
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ date: dayjs(), diagnosis: primary ? toIcdValue(primary.code, primary.name) : null }}
      data-testid="follow-up-form"
    >
      <Typography.Paragraph type="secondary">{t('referral.followUpHint')}</Typography.Paragraph>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="date" label={t('referral.followUpDate')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="sbp" label={t('referral.sbp')}>
            <InputNumber min={40} max={300} style={{ width: '100%' }} data-testid="follow-up-sbp" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="dbp" label={t('referral.dbp')}>
            <InputNumber min={20} max={200} style={{ width: '100%' }} data-testid="follow-up-dbp" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="diagnosis" label={t('referral.followUpDiagnosis')} rules={[{ required: true, message: t('referral.primaryRequired') }]}>
        <Icd10Select />
      </Form.Item>
      <Form.Item name="plan" label={t('referral.followUpPlan')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={followUp.isPending} data-testid="follow-up-submit">
        {t('referral.followUpSubmit')}
      </Button>
    </Form>
  );
}
