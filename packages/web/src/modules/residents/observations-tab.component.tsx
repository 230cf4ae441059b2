import { lazy, Suspense } from 'react';
import { App, Button, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ObservationView, ResidentRecord } from '@yigong/contracts';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { LoadingState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useAddObservation } from './resident.resource.ts';
import { formatObservation, OBSERVATION_UNITS } from './observation-series.ts';

// ECharts is large: load it only when a record's observations are opened.
const ObservationCharts = lazy(() => import('./observation-charts.component.tsx'));

const KINDS = ['blood_pressure', 'fasting_glucose', 'random_glucose', 'height', 'weight'] as const;
type Kind = (typeof KINDS)[number];

interface Values {
  kind: Kind;
  value: number;
  value2?: number | null;
  observedAt: Dayjs;
}

function AddObservationForm({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'blood_pressure';
  const add = useAddObservation(residentId);
  const isBp = kind === 'blood_pressure';

  async function onFinish(v: Values) {
    const now = new Date().toISOString();
    try {
      await add.mutateAsync({
        id: newId(),
        kind: v.kind,
        value: v.value,
        value2: isBp ? (v.value2 ?? null) : null,
        observedAt: v.observedAt.toISOString(),
        clientRecordedAt: now,
      });
      form.resetFields();
      void message.success(t('action.saved'));
    } catch (e) {
      if (!applyFieldErrors(form, e, ['kind', 'value', 'value2', 'observedAt'])) void message.error(errorText(e));
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="inline"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ kind: 'blood_pressure', observedAt: dayjs() }}
      style={{ marginBottom: 16, rowGap: 8 }}
      data-testid="add-observation-form"
    >
      <Form.Item name="kind" rules={[{ required: true }]}>
        <Select style={{ width: 130 }} options={KINDS.map((k) => ({ value: k, label: t(`observationKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="value" rules={[{ required: true, message: t('record.valueRequired') }]}>
        <InputNumber min={0.1} max={400} step={isBp ? 1 : 0.1} placeholder={isBp ? t('record.sbp') : t('record.value')} suffix={OBSERVATION_UNITS[kind]} style={{ width: 150 }} />
      </Form.Item>
      {isBp && (
        <Form.Item
          name="value2"
          dependencies={['value']}
          rules={[
            { required: true, message: t('record.valueRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v?: number) => {
                const sbp = getFieldValue('value') as number | undefined;
                return v === undefined || sbp === undefined || sbp > v ? Promise.resolve() : Promise.reject(new Error(`${t('record.sbp')} > ${t('record.dbp')}`));
              },
            }),
          ]}
        >
          <InputNumber min={1} max={300} placeholder={t('record.dbp')} suffix="mmHg" style={{ width: 150 }} />
        </Form.Item>
      )}
      <Form.Item name="observedAt" rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
        {t('record.addObservation')}
      </Button>
    </Form>
  );
}

/** 体征记录 tab: add form, trend charts, table. */
export function ObservationsTab({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const rows = [...r.observations].sort((a, b) => b.observedAt.localeCompare(a.observedAt));
  const columns: DataColumn<ObservationView>[] = [
    { title: t('record.observedAt'), dataIndex: 'observedAt', render: (v: string) => formatDateTime(v), exportValue: (o) => formatDateTime(o.observedAt) },
    { title: t('field.kind'), dataIndex: 'kind', render: (v: string) => t(`observationKind.${v}`), exportValue: (o) => t(`observationKind.${o.kind}`) },
    { title: t('record.value'), dataIndex: 'value', render: (_: unknown, o) => formatObservation(o), exportValue: (o) => formatObservation(o) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {can('resident.update') && r.status === 'active' && r.access !== 'grant' && <AddObservationForm residentId={r.id} />}
      <Suspense fallback={<LoadingState />}>
        <ObservationCharts observations={r.observations} />
      </Suspense>
      <DataTable columns={columns} rows={rows} exportName={`${r.name}-${t('record.tabObservations')}`} />
    </Space>
  );
}
