import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { orDash } from '../../shared/i18n/format.ts';
import { CatalogueFormModal } from './catalogue-form.component.tsx';
import { CatalogueRuleTag } from './referral-tags.component.tsx';
import { useCatalogue, useDeleteCatalogueEntry } from './referral.resource.ts';
import type { CatalogueItem } from '@yigong/contracts';

const range = (e: CatalogueItem) => (e.codeFrom === e.codeTo ? e.codeFrom : `${e.codeFrom}–${e.codeTo}`);

/** 转诊病种目录: the community's catalogue by level; the manager and admin add, edit and delete. */
export default function ReferralCataloguePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { can } = useAuth();
  const { communityId, community } = useCommunitySelection();
  const query = useCatalogue(communityId);
  const remove = useDeleteCatalogueEntry(communityId ?? '');
  const [editing, setEditing] = useState<CatalogueItem | null | undefined>(undefined);
  const editable = can('referral.catalogue');

  async function onDelete(e: CatalogueItem) {
    try {
      await remove.mutateAsync(e.id);
      void message.success(t('catalogue.deleted'));
    } catch (err) {
      void message.error(errorText(err));
    }
  }

  const columns: DataColumn<CatalogueItem>[] = [
    { title: t('catalogue.level'), dataIndex: 'level', render: (v: string) => <Tag>{t(`catalogue.levels.${v}`)}</Tag>, exportValue: (e) => t(`catalogue.levels.${e.level}`) },
    { title: t('catalogue.range'), dataIndex: 'codeFrom', render: (_: unknown, e) => <span style={{ fontFamily: 'monospace' }}>{range(e)}</span>, exportValue: range },
    { title: t('catalogue.rule'), dataIndex: 'rule', render: (_: unknown, e) => <CatalogueRuleTag rule={e.rule} />, exportValue: (e) => t(`referral.rules.${e.rule}`) },
    { title: t('catalogue.note'), dataIndex: 'note', render: (v: string | null) => orDash(v) },
  ];
  if (editable) {
    columns.push({
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, e) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)}>
            {t('action.edit')}
          </Button>
          <Popconfirm title={t('catalogue.deleteConfirm')} onConfirm={() => onDelete(e)}>
            <Button size="small" danger icon={<DeleteOutlined />} />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('catalogue.title')}
          {community && <Typography.Text type="secondary" style={{ fontSize: 14, marginLeft: 12 }}>{community.name}</Typography.Text>}
        </Typography.Title>
        <Space wrap>
          <CommunitySelect />
          {editable && communityId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="catalogue-add">
              {t('catalogue.add')}
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('catalogue.hint')}</Typography.Paragraph>
      <DataTable
        data-testid="catalogue-table"
        columns={columns}
        rows={query.data}
        loading={query.isPending && !!communityId}
        error={query.error}
        onRetry={() => void query.refetch()}
        exportName={t('catalogue.title')}
      />
      {communityId && editing !== undefined && <CatalogueFormModal communityId={communityId} entry={editing} open onClose={() => setEditing(undefined)} />}
    </>
  );
}
