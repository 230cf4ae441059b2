import { Progress, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fdKeys, useContract } from './family-doctor.resource.ts';
import type { ContractStatus, ContractView } from '@yigong/contracts';

const STATUS_COLOURS: Record<ContractStatus, string> = { active: 'success', terminated: 'default', renewed: 'processing' };

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="contract-status">
      {t(`contract.statuses.${status}`)}
    </Tag>
  );
}

/** 履约率 as a small bar; "—" when the packages promise nothing. */
export function FulfilmentBar({ rate, width = 120 }: { rate: number | null; width?: number }) {
  if (rate === null) return <span>—</span>;
  const percent = Math.round(rate * 1000) / 10;
  return <Progress percent={percent} size={[width, 8]} status={percent >= 100 ? 'success' : 'normal'} format={(p) => `${p}%`} data-testid="fulfilment" />;
}

export function percentText(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/**
 * The fulfilment of one contract of a list. GET /contracts has no items, so each shown row
 * reads its contract (only the rows of the visible page are mounted).
 */
export function FulfilmentCell({ contractId }: { contractId: string }) {
  const q = useContract(contractId);
  if (q.isPending) return <Progress percent={0} size={[120, 8]} showInfo={false} />;
  if (q.isError) return <span>—</span>;
  return <FulfilmentBar rate={q.data.fulfilmentRate} />;
}

/** The fulfilment already read for a row, for the Excel export. */
export function useCachedFulfilment(): (contractId: string) => string {
  const qc = useQueryClient();
  return (id) => percentText(qc.getQueryData<ContractView>(fdKeys.contract(id))?.fulfilmentRate);
}
