import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, DatePicker, Form, InputNumber, Radio, Row, Switch, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { FollowUpResponse } from '@yigong/contracts';
import { FOLLOW_UP_WAYS, SYMPTOMS, ageOn, classifyFollowUp, type ChronicDisease, type Classification, type FollowUpWay, type SymptomCode } from '@yigong/domain';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { useRecordFollowUp } from './chronic.resource.ts';

/** What the form needs to know about the enrolment it records against. */
export interface FollowUpSubject {
  enrollmentId: string;
  residentName: string;
  disease: ChronicDisease;
  birthDate: string;
  enrolledOn: string;
  lastClassification: Classification | null;
  sex?: 'male' | 'female';
}

interface Values {
  date: Dayjs;
  way: FollowUpWay;
  sbp?: number | null;
  dbp?: number | null;
  fastingGlucose?: number | null;
  heartRate?: number | null;
  temperature?: number | null;
  symptoms: SymptomCode[];
  adverseReaction: boolean;
  complication: boolean;
  pregnantOrLactating?: boolean;
}

const FIELDS = ['date', 'way', 'sbp', 'dbp', 'fastingGlucose', 'heartRate', 'temperature', 'symptoms', 'adverseReaction', 'complication', 'pregnantOrLactating'];
const SYMPTOM_CODES = Object.keys(SYMPTOMS) as SymptomCode[];

function isUrgentSymptom(code: SymptomCode, disease: ChronicDisease): boolean {
  const def = SYMPTOMS[code] as { urgent?: boolean; urgentDiabetes?: boolean };
  return !!def.urgent || (disease === 'diabetes' && !!def.urgentDiabetes);
}

/** 无症状 excludes the others: choosing it clears them, choosing another clears it. */
function normalizeSymptoms(value: SymptomCode[] | undefined, prev: SymptomCode[] | undefined): SymptomCode[] {
  const next = value ?? [];
  const addedNone = next.includes('none') && !(prev ?? []).includes('none');
  if (addedNone) return ['none'];
  return next.length > 1 ? next.filter((s) => s !== 'none') : next;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** The browser's own reading of the rule set; the server's classification is the truth. */
function Preview({ subject, values }: { subject: FollowUpSubject; values: Partial<Values> | undefined }) {
  const { t } = useTranslation();
  if (!values?.date) return null;
  const measured = (values.sbp != null && values.dbp != null) || values.fastingGlucose != null || (values.symptoms ?? []).some((s) => s !== 'none');
  if (!measured) return null;
  const date = values.date.format('YYYY-MM-DD');
  const r = classifyFollowUp({
    disease: subject.disease, date, age: ageOn(subject.birthDate, date), way: values.way ?? 'clinic', sbp: values.sbp, dbp: values.dbp,
    fastingGlucose: values.fastingGlucose, heartRate: values.heartRate, temperature: values.temperature, symptoms: values.symptoms ?? [],
    adverseReaction: !!values.adverseReaction, complication: !!values.complication, pregnantOrLactating: values.pregnantOrLactating, previous: subject.lastClassification,
  });
  const text = t('chronic.preview', { classification: t(`chronic.classifications.${r.classification}`), nextStep: t(`chronic.nextSteps.${r.nextStep}`) });
  return <Alert type={r.nextStep === 'urgent_referral' ? 'error' : r.controlled ? 'success' : 'warning'} showIcon title={text} style={{ marginBottom: 16 }} data-testid="fu-preview" />;
}

/**
 * The follow-up form of docs/domain/chronic.md "Follow-up record" in one column (it must work on a 375-px phone): date, way,
 * blood pressure, fasting glucose, heart rate, symptoms (urgent ones apart), adverse reaction and
 * complication switches. Calls `onDone` with the server's classification and next step.
 */
export function FollowUpForm({ subject, onDone }: { subject: FollowUpSubject; onDone: (r: FollowUpResponse) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch((v: Values) => v, form) as Partial<Values> | undefined;
  const record = useRecordFollowUp();
  const [requestId, setRequestId] = useState(newId);
  const way = values?.way ?? 'clinic';
  const diabetes = subject.disease === 'diabetes';
  const faceToFace = way !== 'phone';

  async function onFinish(v: Values) {
    try {
      const r = await record.mutateAsync({
        id: requestId, enrollmentId: subject.enrollmentId, date: v.date.format('YYYY-MM-DD'), way: v.way, sbp: num(v.sbp), dbp: num(v.dbp),
        fastingGlucose: num(v.fastingGlucose), heartRate: num(v.heartRate), temperature: num(v.temperature),
        symptoms: v.symptoms ?? [], adverseReaction: !!v.adverseReaction, complication: !!v.complication,
        pregnantOrLactating: subject.sex === 'female' ? !!v.pregnantOrLactating : undefined, clientRecordedAt: new Date().toISOString(),
      });
      setRequestId(newId());
      onDone(r);
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  const symptomBox = (code: SymptomCode) => (
    <Checkbox key={code} value={code} style={{ marginInlineStart: 0 }}>
      {t(`chronic.symptomNames.${code}`, { defaultValue: SYMPTOMS[code].zh })}
    </Checkbox>
  );
  const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(84px, 1fr))', gap: '4px 8px' } as const;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => void onFinish(v)}
      initialValues={{ date: dayjs(), way: 'clinic', symptoms: [], adverseReaction: false, complication: false, pregnantOrLactating: false }}
      data-testid="followup-form"
    >
      <Form.Item name="date" label={t('chronic.date')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(subject.enrolledOn), 'day')} allowClear={false} />
      </Form.Item>
      <Form.Item name="way" label={t('chronic.way')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="fu-way">
          {FOLLOW_UP_WAYS.map((w) => (
            <Radio.Button key={w} value={w}>
              {t(`chronic.ways.${w}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="sbp"
            label={`${t('chronic.sbp')} (${t('chronic.bpUnit')})`}
            rules={[{ required: !diabetes && faceToFace, message: t('chronic.bpRequired') }]}
            dependencies={['dbp']}
          >
            <InputNumber min={50} max={300} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="fu-sbp" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="dbp"
            label={`${t('chronic.dbp')} (${t('chronic.bpUnit')})`}
            dependencies={['sbp']}
            rules={[
              { required: !diabetes && faceToFace, message: t('chronic.bpRequired') },
              ({ getFieldValue }) => ({
                validator(_, v: number | null | undefined) {
                  const sbp = getFieldValue('sbp') as number | null | undefined;
                  if ((sbp == null) !== (v == null)) return Promise.reject(new Error(t('chronic.bpRequired')));
                  if (sbp != null && v != null && sbp <= v) return Promise.reject(new Error(t('chronic.bpPair')));
                  return Promise.resolve();
                },
              }),
            ]}
          >
            <InputNumber min={20} max={200} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="fu-dbp" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="fastingGlucose" label={`${t('chronic.glucose')} (${t('chronic.glucoseUnit')})`} rules={[{ required: diabetes && faceToFace, message: t('chronic.glucoseRequired') }]}>
            <InputNumber min={1} max={40} step={0.1} precision={1} inputMode="decimal" style={{ width: '100%' }} data-testid="fu-glucose" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="heartRate" label={`${t('chronic.heartRate')} (${t('chronic.heartRateUnit')})`}>
            <InputNumber min={20} max={250} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="fu-heart-rate" />
          </Form.Item>
        </Col>
      </Row>
      {diabetes && (
        <Form.Item name="temperature" label={`${t('chronic.temperature')} (℃)`}>
          <InputNumber min={30} max={45} step={0.1} precision={1} inputMode="decimal" style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="symptoms" label={t('chronic.symptoms')} normalize={normalizeSymptoms}>
        <Checkbox.Group style={{ display: 'block' }} data-testid="fu-symptoms">
          <Typography.Text type="secondary">{t('chronic.symptomsCommon')}</Typography.Text>
          <div style={{ ...grid, margin: '4px 0 8px' }}>{SYMPTOM_CODES.filter((c) => !isUrgentSymptom(c, subject.disease)).map(symptomBox)}</div>
          <Typography.Text type="danger">{t('chronic.symptomsUrgent')}</Typography.Text>
          <div style={{ ...grid, marginTop: 4 }}>{SYMPTOM_CODES.filter((c) => isUrgentSymptom(c, subject.disease)).map(symptomBox)}</div>
        </Checkbox.Group>
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}>
          <Form.Item name="adverseReaction" label={t('chronic.adverseReaction')} valuePropName="checked">
            <Switch data-testid="fu-adverse" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="complication" label={t('chronic.complication')} valuePropName="checked">
            <Switch data-testid="fu-complication" />
          </Form.Item>
        </Col>
      </Row>
      {subject.sex === 'female' && (
        <Form.Item name="pregnantOrLactating" label={t('chronic.pregnant')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
      <Preview subject={subject} values={values} />
      <Button type="primary" htmlType="submit" block size="large" icon={<CheckOutlined />} loading={record.isPending} data-testid="fu-submit">
        {t('action.submit')}
      </Button>
    </Form>
  );
}
