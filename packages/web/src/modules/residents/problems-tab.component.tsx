import { useState } from 'react';
import { App, Button, DatePicker, Form, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { ProblemView, ResidentRecord } from '@yigong/contracts';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { useAddProblem, useIcd10Search } from './resident.resource.ts';

function AddProblemForm({ residentId }: { residentId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ code: string; onsetDate?: Dayjs | null }>();
  const [q, setQ] = useState('');
  const icd = useIcd10Search(q);
  const add = useAddProblem(residentId);

  async function onFinish(v: { code: string; onsetDate?: Dayjs | null }) {
    try {
      await add.mutateAsync({ id: newId(), code: v.code, onsetDate: v.onsetDate ? v.onsetDate.format('YYYY-MM-DD') : null });
      form.resetFields();
      void message.success(t('action.saved'));
    } catch (e) {
      if (!applyFieldErrors(form, e, ['code', 'onsetDate'])) void message.error(errorText(e));
    }
  }

  return (
    <Form form={form} layout="inline" onFinish={(v) => void onFinish(v)} style={{ marginBottom: 16, rowGap: 8 }} data-testid="add-problem-form">
      <Form.Item name="code" rules={[{ required: true, message: t('record.icdRequired') }]}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          style={{ width: 360 }}
          placeholder={t('record.icdSearch')}
          loading={icd.isFetching}
          notFoundContent={icd.isFetching ? t('state.loading') : t('state.empty')}
          options={(icd.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${i18n.language === 'en' ? c.nameEn : c.nameZh}` }))}
        />
      </Form.Item>
      <Form.Item name="onsetDate">
        <DatePicker placeholder={t('record.onsetDate')} disabledDate={(d) => d.isAfter(new Date())} />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending}>
        {t('record.addProblem')}
      </Button>
    </Form>
  );
}

/** 健康问题 tab: ICD-10 coded problems, newest first. */
export function ProblemsTab({ r }: { r: ResidentRecord }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const columns: DataColumn<ProblemView>[] = [
    { title: t('record.problemCode'), dataIndex: 'code', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('record.problemName'), dataIndex: 'nameZh', render: (_: unknown, p) => (i18n.language === 'en' ? p.nameEn : p.nameZh) },
    { title: t('record.onsetDate'), dataIndex: 'onsetDate', render: (v: string | null) => formatDate(v) },
    { title: t('record.resolvedDate'), dataIndex: 'resolvedDate', render: (v: string | null) => formatDate(v) },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can('resident.update') && r.status === 'active' && r.access !== 'grant' && <AddProblemForm residentId={r.id} />}
      <DataTable columns={columns} rows={r.problems} exportName={`${r.name}-${t('record.tabProblems')}`} />
    </Space>
  );
}
