import { useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useAccountAction, useAccounts } from './account.resource.ts';
import type { AccountView } from '@yigong/contracts';
import { AccountFormDrawer } from './account-form.component.tsx';

function isLocked(a: AccountView): boolean {
  return !!a.lockedUntil && Date.parse(a.lockedUntil) > Date.now();
}

/** 账号 (admin): accounts, create, revoke sessions, unlock. */
export default function AccountListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const accounts = useAccounts();
  const action = useAccountAction();
  const [creating, setCreating] = useState(false);

  async function run(a: AccountView, kind: 'revoke-sessions' | 'unlock') {
    try {
      await action.mutateAsync({ id: a.id, action: kind });
      void message.success(kind === 'unlock' ? t('accounts.unlocked') : t('accounts.revokedSessions'));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  const status = (a: AccountView) => (a.disabled ? 'disabled' : isLocked(a) ? 'locked' : 'normal');
  const columns: DataColumn<AccountView>[] = [
    { title: t('accounts.username'), dataIndex: 'username', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: t('accounts.displayName'), dataIndex: 'displayName' },
    { title: t('accounts.role'), dataIndex: 'role', render: (v: string) => <Tag color="blue">{t(`role.${v}`)}</Tag>, exportValue: (a) => t(`role.${a.role}`) },
    { title: t('accounts.scope'), dataIndex: 'scope', render: (_: unknown, a) => `${t(`scopeKind.${a.scope.kind}`)}：${a.scope.label}`, exportValue: (a) => a.scope.label },
    {
      title: t('field.status'),
      dataIndex: 'disabled',
      render: (_: unknown, a) => {
        const s = status(a);
        return (
          <Tag color={s === 'normal' ? 'success' : s === 'locked' ? 'error' : 'default'}>
            {t(`accounts.${s}`)}
            {s === 'locked' && ` ${formatDateTime(a.lockedUntil)}`}
          </Tag>
        );
      },
      exportValue: (a) => t(`accounts.${status(a)}`),
    },
    { title: t('accounts.failedAttempts'), dataIndex: 'failedAttempts', align: 'right' },
    {
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, a) => (
        <Space size="small">
          <Popconfirm title={`${t('accounts.revokeSessions')}？`} onConfirm={() => void run(a, 'revoke-sessions')}>
            <Button size="small">{t('accounts.revokeSessions')}</Button>
          </Popconfirm>
          {(isLocked(a) || a.failedAttempts > 0) && (
            <Button size="small" type="primary" onClick={() => void run(a, 'unlock')}>
              {t('accounts.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      </Space>
      <DataTable columns={columns} rows={accounts.data} loading={accounts.isPending} error={accounts.error} onRetry={() => void accounts.refetch()} exportName={t('accounts.title')} />
      <AccountFormDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
