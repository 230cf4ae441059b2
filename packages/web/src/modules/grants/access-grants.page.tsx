import { useState } from 'react';
import { App, Button, Popconfirm, Segmented, Space, Tabs, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GrantView } from '@yigong/contracts';
import { useAuth, useUser } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { StatusTag } from '../../shared/components/tags.component.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { useDecideGrant, useGrants, type GrantDecision, type GrantStatus } from './grant.resource.ts';

const STATUSES: (GrantStatus | 'all')[] = ['all', 'pending', 'active', 'rejected', 'revoked'];

/** 授权调阅: my requests, and (manager/admin) the requests to decide. */
export default function AccessGrantsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const user = useUser();
  const { can } = useAuth();
  const approver = can('grant.approve');
  const [status, setStatus] = useState<GrantStatus | 'all'>(approver ? 'pending' : 'all');
  const [tab, setTab] = useState(approver ? 'approve' : 'mine');
  const grants = useGrants(status === 'all' ? null : status);
  const decide = useDecideGrant();

  async function act(g: GrantView, decision: GrantDecision) {
    try {
      await decide.mutateAsync({ id: g.id, decision });
      void message.success(t(`grant.${decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'revoked'}`));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  const mine = (grants.data ?? []).filter((g) => g.granteeId === user.id);
  const others = (grants.data ?? []).filter((g) => g.granteeId !== user.id);

  const columns: DataColumn<GrantView>[] = [
    { title: t('grant.resident'), dataIndex: 'residentName', render: (_: unknown, g) => <Link to={`/residents/${g.residentId}`}>{g.residentName}</Link> },
    { title: t('grant.grantee'), dataIndex: 'granteeUsername' },
    { title: t('grant.reason'), dataIndex: 'reason' },
    { title: t('field.status'), dataIndex: 'status', render: (v: string) => <StatusTag ns="grantStatus" status={v} />, exportValue: (g) => t(`grantStatus.${g.status}`) },
    { title: t('grant.requestedAt'), dataIndex: 'requestedAt', render: (v: string) => formatDateTime(v), exportValue: (g) => formatDateTime(g.requestedAt) },
    { title: t('grant.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v), exportValue: (g) => formatDateTime(g.expiresAt) },
    {
      title: t('field.actions'),
      noExport: true,
      render: (_: unknown, g) => {
        const own = g.granteeId === user.id;
        return (
          <Space size="small">
            {approver && !own && g.status === 'pending' && (
              <>
                <Button size="small" type="primary" onClick={() => void act(g, 'approve')} data-testid="grant-approve">
                  {t('grant.approve')}
                </Button>
                <Button size="small" danger onClick={() => void act(g, 'reject')}>
                  {t('grant.reject')}
                </Button>
              </>
            )}
            {(g.status === 'active' || g.status === 'pending') && (own || approver) && (
              <Popconfirm title={`${t('grant.revoke')}？`} onConfirm={() => void act(g, 'revoke')}>
                <Button size="small">{t('grant.revoke')}</Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  const table = (rows: GrantView[], name: string) => (
    <DataTable columns={columns} rows={grants.data ? rows : undefined} loading={grants.isPending} error={grants.error} onRetry={() => void grants.refetch()} exportName={name} />
  );

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.accessGrants')}
        </Typography.Title>
        <Segmented<GrantStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: s === 'all' ? t('action.all') : t(`grantStatus.${s}`) }))}
        />
      </Space>
      {approver ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'approve', label: `${t('grant.toApprove')} (${others.length})`, children: table(others, t('grant.toApprove')) },
            { key: 'mine', label: `${t('grant.mine')} (${mine.length})`, children: table(mine, t('grant.mine')) },
          ]}
        />
      ) : (
        table(mine, t('grant.mine'))
      )}
    </>
  );
}
