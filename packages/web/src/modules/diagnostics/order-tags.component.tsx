import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CriticalStage, DiagnosticPriority, InterpretationFlag, Modality, OrderStatus } from '@yigong/domain';
import { formatDateTime } from '../../shared/i18n/format.ts';

const STATUS_COLOURS: Record<OrderStatus, string> = {
  ordered: 'processing',
  accepted: 'cyan',
  resulted: 'gold',
  reported: 'blue',
  acknowledged: 'success',
  rejected: 'error',
  cancelled: 'default',
};
const MODALITY_COLOURS: Record<Modality, string> = { imaging: 'geekblue', ecg: 'magenta', lab: 'cyan', pathology: 'purple' };
/** H/L orange, HH/LL (critical) red (docs/domain/diagnostics.md "Interpretation flags"). */
export const FLAG_COLOURS: Record<InterpretationFlag, string> = { N: 'green', H: 'orange', L: 'orange', HH: 'red', LL: 'red' };
export const STAGE_COLOURS: Record<CriticalStage, string> = { doctor: 'orange', unit_head: 'volcano', medical_department: 'red' };

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="order-status">
      {t(`diagnostics.statuses.${status}`)}
    </Tag>
  );
}

/** 加急 in red; 常规 plain. */
export function PriorityTag({ priority }: { priority: DiagnosticPriority }) {
  const { t } = useTranslation();
  return (
    <Tag color={priority === 'urgent' ? 'red' : 'default'} data-testid="order-priority">
      {t(`diagnostics.priorities.${priority}`)}
    </Tag>
  );
}

export function ModalityTag({ modality }: { modality: Modality }) {
  const { t } = useTranslation();
  return <Tag color={MODALITY_COLOURS[modality]}>{t(`diagnostics.modalities.${modality}`)}</Tag>;
}

/** The red 超时 tag: the data arrived and the report is past its due time. */
export function OverdueTag({ overdue, dueAt }: { overdue: boolean; dueAt: string | null }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <Tooltip title={`${t('diagnostics.reportDue')} ${formatDateTime(dueAt)}`}>
      <Tag color="red" data-testid="overdue-tag">
        {t('diagnostics.overdue')}
      </Tag>
    </Tooltip>
  );
}

export function CriticalTag({ critical }: { critical: boolean }) {
  const { t } = useTranslation();
  if (!critical) return null;
  return (
    <Tag color="red" data-testid="critical-tag">
      {t('critical.alertTitle')}
    </Tag>
  );
}

export function FlagTag({ flag }: { flag: InterpretationFlag | null }) {
  const { t } = useTranslation();
  if (!flag) return <span>—</span>;
  return (
    <Tag color={FLAG_COLOURS[flag]} data-testid="flag-tag">
      {flag === 'N' ? t('diagnostics.flags.N') : `${flag} ${t(`diagnostics.flags.${flag}`)}`}
    </Tag>
  );
}
