import { Button, Result, Space, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../shared/components/query-state.component.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { ContractPanel } from './contract-panel.component.tsx';
import { useContract } from './family-doctor.resource.ts';

/** 签约详情; right after signing (`?signed=1`) it is the result page of the signing flow. */
export default function ContractDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = useContract(id);
  return (
    <QueryState query={query}>
      {(c) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {params.get('signed') ? (
            <Result
              status="success"
              title={t('contract.signed')}
              subTitle={t('contract.signedHint', { name: c.resident_name, team: c.team_name, from: formatDate(c.starts_on), to: formatDate(c.ends_on) })}
              style={{ padding: '16px 0' }}
              data-testid="contract-signed"
              extra={
                <Link to={`/residents/${c.resident_id}`}>
                  <Button type="primary" data-testid="back-to-record">
                    {t('contract.backToRecord')}
                  </Button>
                </Link>
              }
            />
          ) : (
            <Typography.Title level={4} style={{ margin: 0 }}>
              {`${t('nav.contractDetail')} · ${c.resident_name}`}
            </Typography.Title>
          )}
          <ContractPanel c={c} showResident editable onRenewed={(next) => void navigate(`/contracts/${next.id}`, { replace: true })} />
        </Space>
      )}
    </QueryState>
  );
}
