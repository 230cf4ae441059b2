import { App, Button, Card, Form, Input, Space } from 'antd';
import { FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { EmptyState, useErrorText } from '../../shared/components/query-state.component.tsx';

import { useSaveScenario, useScenarios, type ScenarioChanges, type ScenarioSummary } from './insurance.resource.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';

/** 保存情景: names the current changes and saves them (a new scenario each time). */
export function SaveScenario({ communityId, year, changes, name, onName, onSaved }: {
  communityId: string; year: number; changes: ScenarioChanges; name: string; onName: (n: string) => void; onSaved: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ name: string }>();
  const save = useSaveScenario();

  async function onFinish() {
    try {
      const s = await save.mutateAsync({ id: newId(), communityId, year, name: name.trim(), changes });
      void message.success(t('scenario.saved', { name: s.name }));
      onSaved(s.id);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['name'])) void message.error(errorText(e));
    }
  }

  return (
    <Form form={form} layout="inline" onFinish={() => void onFinish()} fields={[{ name: ['name'], value: name }]} onValuesChange={(_, v: { name: string }) => onName(v.name)} data-testid="scenario-save-form">
      <Form.Item name="name" rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('scenario.nameRequired') }]} style={{ flex: 1, minWidth: 200 }}>
        <Input placeholder={t('scenario.namePlaceholder')} maxLength={60} data-testid="scenario-name" />
      </Form.Item>
      <Form.Item style={{ marginInlineEnd: 0 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="scenario-save">
          {t('scenario.save')}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** 已保存的情景 of the year: who saved each and when; one reopens in the editor. */
export function SavedScenarios({ communityId, year, openedId, onOpen, opening }: { communityId: string; year: number; openedId: string | null; onOpen: (id: string) => void; opening: string | null }) {
  const { t } = useTranslation();
  const list = useScenarios(communityId, year);
  const columns: DataColumn<ScenarioSummary>[] = [
    { title: t('scenario.name'), dataIndex: 'name' },
    { title: t('scenario.createdBy'), dataIndex: 'createdBy' },
    { title: t('scenario.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v), exportValue: (r) => formatDateTime(r.createdAt) },
    {
      title: t('field.actions'),
      key: 'open',
      noExport: true,
      render: (_: unknown, r) => (
        <Button type="link" size="small" icon={<FolderOpenOutlined />} loading={opening === r.id} disabled={openedId === r.id} onClick={() => onOpen(r.id)} data-testid="scenario-open">
          {openedId === r.id ? t('scenario.opened') : t('scenario.open')}
        </Button>
      ),
    },
  ];
  return (
    <Card size="small" title={t('scenario.savedList')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <DataTable<ScenarioSummary>
          data-testid="scenario-list"
          columns={columns}
          rows={list.data}
          rowKey="id"
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          pageSize={8}
          emptyText={<EmptyState description={t('scenario.noneSaved')} />}
        />
      </Space>
    </Card>
  );
}
