import { useState } from 'react';
import { Button, Card, Descriptions, Progress, Space } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/auth-context.tsx';
import { DataTable, type DataColumn } from '../../shared/components/data-table.component.tsx';
import { formatDate } from '../../shared/i18n/format.ts';
import { ContractActions, ServiceDialog } from './contract-actions.component.tsx';
import { ContractStatusTag, FulfilmentBar } from './contract-tags.component.tsx';
import type { ContractItem, ContractView } from '@yigong/contracts';

interface Props {
  c: ContractView;
  /** Show the resident's name as a link (the detail page; the record's own tab knows the resident). */
  showResident?: boolean;
  /** Writes allowed: care.write on a record in scope. */
  editable: boolean;
  onRenewed?: (next: ContractView) => void;
}

/**
 * One contract: team, period, status, fulfilment, and its package items with what has been
 * delivered against each (履约); 记录服务 / 续约 / 解约 when it is active.
 */
export function ContractPanel({ c, showResident, editable, onRenewed }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [serviceFor, setServiceFor] = useState<string | null>(null);
  const canWrite = editable && can('care.write') && c.status === 'active';
  const columns: DataColumn<ContractItem>[] = [
    { title: t('contract.packageName'), dataIndex: 'packageName' },
    { title: t('contract.item'), dataIndex: 'name' },
    { title: t('contract.timesPerYear'), dataIndex: 'timesPerYear' },
    {
      title: t('contract.delivered'),
      dataIndex: 'delivered',
      render: (_: unknown, i) => (
        <Space>
          <Progress percent={Math.min(100, Math.round((i.delivered / i.timesPerYear) * 100))} size={[80, 8]} showInfo={false} />
          <span data-testid="item-delivered">{`${i.delivered}/${i.timesPerYear}`}</span>
        </Space>
      ),
      exportValue: (i) => i.delivered,
    },
    ...(canWrite
      ? [
          {
            title: t('field.actions'),
            noExport: true,
            render: (_: unknown, i: ContractItem) => (
              <Button size="small" type="link" onClick={() => setServiceFor(i.itemId)} data-testid="item-service">
                {t('contract.recordService')}
              </Button>
            ),
          } satisfies DataColumn<ContractItem>,
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={`${c.team_name} · ${formatDate(c.starts_on)} ~ ${formatDate(c.ends_on)}`}
      extra={canWrite && <Space wrap>{<ContractActions c={c} onRenewed={onRenewed} />}</Space>}
      data-testid="contract-panel"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 12 }}
        items={[
          ...(showResident ? [{ key: 'r', label: t('contract.resident'), children: <Link to={`/residents/${c.resident_id}`}>{c.resident_name}</Link> }] : []),
          { key: 'team', label: t('contract.team'), children: c.team_name },
          { key: 'period', label: t('contract.period'), children: `${formatDate(c.starts_on)} ~ ${formatDate(c.ends_on)}` },
          {
            key: 'status',
            label: t('contract.status'),
            children: (
              <Space size={4}>
                <ContractStatusTag status={c.status} />
                {c.termination_reason && `${t(`contract.reasons.${c.termination_reason}`)} ${formatDate(c.terminated_on)}`}
              </Space>
            ),
          },
          { key: 'f', label: t('contract.fulfilment'), children: <FulfilmentBar rate={c.fulfilmentRate} width={160} /> },
        ]}
      />
      <DataTable
        data-testid="contract-items"
        columns={columns}
        rows={c.items}
        rowKey="itemId"
        exportName={`${c.resident_name}-${t('contract.items')}`}
      />
      {serviceFor && <ServiceDialog c={c} itemId={serviceFor} onClose={() => setServiceFor(null)} />}
    </Card>
  );
}
