import { useState } from 'react';
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { CommunitySelect } from '../../shared/community/community-select.component.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { TeamCreateDrawer } from './team-form.component.tsx';
import { useTeams } from './family-doctor.resource.ts';
import type { TeamView } from '@yigong/contracts';

const ROLE_COLOURS: Record<string, string> = { gp_lead: 'blue', village_doctor: 'cyan', nurse: 'magenta', public_health: 'green', specialist: 'purple', pharmacist: 'gold' };

/** Panel per doctor against the 2,000 limit: amber from 80 %, red above. */
function PanelBar({ team }: { team: TeamView }) {
  const { t } = useTranslation();
  const ratio = team.panelPerDoctor / team.panelLimit;
  const colour = ratio > 1 ? '#cf1322' : ratio >= 0.8 ? '#d48806' : '#1668dc';
  return (
    <Space orientation="vertical" size={0} style={{ minWidth: 160 }} data-testid="team-panel">
      <Progress percent={Math.min(100, Math.round(ratio * 1000) / 10)} showInfo={false} strokeColor={colour} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('team.panelText', { panel: team.panelPerDoctor, limit: team.panelLimit })}
      </Typography.Text>
    </Space>
  );
}

/** 签约团队: teams with members, panel size per doctor against 2,000 and active contracts. */
export default function TeamListPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { communityId } = useCommunitySelection();
  const query = useTeams(communityId);
  const [creating, setCreating] = useState(false);
  const roleText = (team: TeamView) => team.members.map((m) => `${m.name}（${t(`team.roles.${m.role}`, { defaultValue: m.role })}）`).join('、');
  const columns: DataColumn<TeamView>[] = [
    { title: t('team.name'), dataIndex: 'name' },
    { title: t('team.unit'), dataIndex: 'organizationName', sorter: (a, b) => a.organizationName.localeCompare(b.organizationName, 'zh-CN') },
    {
      title: t('team.members'),
      dataIndex: 'members',
      render: (_: unknown, team) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 420 }}>
          {team.members.map((m) => (
            <Tag key={`${m.practitionerId}-${m.role}`} color={ROLE_COLOURS[m.role] ?? 'default'}>
              {m.name} · {t(`team.roles.${m.role}`, { defaultValue: m.role })}
            </Tag>
          ))}
        </Space>
      ),
      exportValue: roleText,
    },
    { title: t('team.activeContracts'), dataIndex: 'activeContracts', align: 'right', sorter: (a, b) => a.activeContracts - b.activeContracts },
    {
      title: t('team.panel'),
      dataIndex: 'panelPerDoctor',
      sorter: (a, b) => a.panelPerDoctor - b.panelPerDoctor,
      render: (_: unknown, team) => <PanelBar team={team} />,
      exportValue: (team) => `${team.panelPerDoctor}/${team.panelLimit}`,
    },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('team.title')}
        </Typography.Title>
        <Space wrap>
          <CommunitySelect />
          {can('team.manage') && communityId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-create">
              {t('team.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t('team.hint')}</Typography.Paragraph>
      <DataTable
        data-testid="team-list"
        columns={columns}
        rows={query.data}
        loading={query.isPending && !!communityId}
        error={query.error}
        onRetry={() => void query.refetch()}
        pageSize={20}
        exportName={t('team.title')}
      />
      {creating && communityId && <TeamCreateDrawer communityId={communityId} onClose={() => setCreating(false)} />}
    </>
  );
}
