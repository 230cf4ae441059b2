import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Select, Space, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { ResidentRecord } from '@yigong/contracts';
import { addMonths } from '@yigong/domain';
import { isApiError, newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { EmptyState, ErrorState, LoadingState, QueryState, useErrorText } from '../../shared/components/query-state.component.tsx';
import { KeyPopulationTags } from '../../shared/components/tags.component.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { useResident } from '../residents/resident.resource.ts';
import { PackagePicker } from './package-picker.component.tsx';
import { usePackages, useResidentContracts, useSignContract, useTeams } from './family-doctor.resource.ts';

interface Values {
  teamId: string;
  packageIds: string[];
  startsOn: Dayjs;
}

function ResidentSummary({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'name', label: t('contract.resident'), children: <Link to={`/residents/${r.id}`}>{`${r.name}（${t(`sex.${r.sex}`)}，${t('record.ageYears', { age: r.age })}）`}</Link> },
        { key: 'unit', label: t('residents.unit'), children: r.organizationName },
        { key: 'kp', label: t('contract.keyPopulations'), children: <KeyPopulationTags tags={r.keyPopulations} /> },
      ]}
    />
  );
}

function SignForm({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const teams = useTeams(r.communityId);
  const packages = usePackages(r.communityId);
  const existing = useResidentContracts(r.id);
  const sign = useSignContract();
  const [requestId] = useState(newId);
  const startsOn = Form.useWatch('startsOn', form);

  if (teams.isPending || packages.isPending || existing.isPending) return <LoadingState />;
  const failed = teams.error ?? packages.error ?? existing.error;
  if (failed || !teams.data || !packages.data || !existing.data) return <ErrorState error={failed} onRetry={() => void Promise.all([teams.refetch(), packages.refetch(), existing.refetch()])} />;
  const active = existing.data.find((c) => c.status === 'active');
  if (active) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="contract-exists"
        title={t('contract.hasActive', { team: active.team_name, to: formatDate(active.ends_on) })}
        action={<Link to={`/contracts/${active.id}`}>{t('contract.openActive')}</Link>}
      />
    );
  }
  if (teams.data.length === 0) return <EmptyState description={t('contract.noTeam')} />;

  const ownTeam = teams.data.find((tm) => tm.organizationId === r.organizationId) ?? teams.data[0];
  const basic = packages.data.filter((p) => p.population === 'general').map((p) => p.id);

  async function onFinish(v: Values) {
    try {
      const c = await sign.mutateAsync({ id: requestId, residentId: r.id, teamId: v.teamId, packageIds: v.packageIds, startsOn: v.startsOn.format('YYYY-MM-DD'), months: 12 });
      void navigate(`/contracts/${c.id}?signed=1`);
    } catch (e) {
      if (isApiError(e, 'CONFLICT')) {
        void existing.refetch();
        void message.error(errorText(e));
        return;
      }
      if (!applyFieldErrors(form, e, ['teamId', 'packageIds', 'startsOn'])) void message.error(errorText(e));
    }
  }

  const endsOn = startsOn ? addMonths(startsOn.format('YYYY-MM-DD'), 12) : null;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => void onFinish(v)}
      initialValues={{ teamId: ownTeam?.id, packageIds: basic, startsOn: dayjs() }}
      data-testid="contract-form"
    >
      <Form.Item name="teamId" label={t('contract.team')} rules={[{ required: true, message: t('contract.teamRequired') }]} style={{ maxWidth: 480 }}>
        <Select
          data-testid="contract-team"
          options={teams.data.map((tm) => ({
            value: tm.id,
            label: `${tm.name} · ${tm.organizationName}（${tm.members.map((m) => m.name).join('、')}）`,
          }))}
        />
      </Form.Item>
      <Form.Item name="packageIds" label={t('contract.packages')} rules={[{ required: true, type: 'array', min: 1, message: t('contract.packagesRequired') }]}>
        <PackagePicker packages={packages.data} tags={r.keyPopulations} />
      </Form.Item>
      <Space align="start" wrap size="large">
        <Form.Item name="startsOn" label={t('contract.startsOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isBefore(dayjs().subtract(1, 'month'), 'day') || d.isAfter(dayjs().add(1, 'month'), 'day')} data-testid="contract-starts" />
        </Form.Item>
        <Form.Item label={t('contract.period')}>
          <Typography.Text>{endsOn ? `${t('contract.oneYear')}，${t('contract.endsOn')} ${endsOn}` : '—'}</Typography.Text>
        </Form.Item>
      </Space>
      <div>
        <Button type="primary" htmlType="submit" size="large" icon={<CheckOutlined />} loading={sign.isPending} data-testid="contract-submit">
          {t('contract.submit')}
        </Button>
      </div>
    </Form>
  );
}

function ContractNewFor({ residentId }: { residentId: string }) {
  const { t } = useTranslation();
  const resident = useResident(residentId);
  return (
    <QueryState query={resident}>
      {(r) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('contract.newTitle', { name: r.name })}
          </Typography.Title>
          <Card size="small">
            <ResidentSummary r={r} />
          </Card>
          <SignForm r={r} />
        </Space>
      )}
    </QueryState>
  );
}

/** 家庭医生签约 of one resident (`?residentId=`): team, packages fitting the resident, start date. */
export default function ContractNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const residentId = params.get('residentId');
  if (!residentId) return <EmptyState description={<Link to="/residents">{t('contract.chooseResident')}</Link>} />;
  return <ContractNewFor residentId={residentId} />;
}
