import { Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CriticalValueView } from '@yigong/contracts';
import { CRITICAL_STAGES, type CriticalStage } from '@yigong/domain';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { formatDuration, minutesUntil } from './diagnostics-format.ts';
import { STAGE_COLOURS } from './order-tags.component.tsx';

/** When each stage began: the raising, then the escalations the server recorded. */
function stageAt(v: CriticalValueView, s: CriticalStage): string | null {
  return s === 'doctor' ? v.raisedAt : s === 'unit_head' ? v.unitHeadAt : v.medicalDepartmentAt;
}

/** 医生 → 科室/机构负责人 → 医务科, one under the other: the stages reached with when, the current one strong. */
export function CriticalStagePath({ v }: { v: CriticalValueView }) {
  const { t } = useTranslation();
  const current = CRITICAL_STAGES.indexOf(v.stage);
  return (
    <Space orientation="vertical" size={2} data-testid="critical-stage">
      {CRITICAL_STAGES.map((s, i) => {
        const at = stageAt(v, s);
        const reached = i <= current;
        return (
          <Space key={s} size={4} style={{ opacity: reached ? 1 : 0.45 }}>
            {i > 0 ? <ArrowDownOutlined style={{ color: reached ? '#cf1322' : '#bfbfbf', fontSize: 10 }} /> : <span style={{ display: 'inline-block', width: 10 }} />}
            <Tag color={reached ? STAGE_COLOURS[s] : 'default'} style={{ marginInlineEnd: 0, fontWeight: i === current && v.status === 'open' ? 600 : undefined }}>
              {t(`critical.stages.${s}`)}
            </Tag>
            {reached && at && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(at).slice(5)}
              </Typography.Text>
            )}
          </Space>
        );
      })}
    </Space>
  );
}

/** 剩余 12 分钟 / 已超时 5 分钟 while open; the acknowledgement (及时/超时) once acknowledged. */
export function CriticalDeadline({ v, now }: { v: CriticalValueView; now: number }) {
  const { t } = useTranslation();
  if (v.status === 'acknowledged') {
    return (
      <Space size={4} wrap>
        <Tag color={v.acknowledgedInTime ? 'success' : 'warning'}>{t(v.acknowledgedInTime ? 'critical.inTime' : 'critical.late')}</Tag>
        <Typography.Text type="secondary">{formatDateTime(v.acknowledgedAt)}</Typography.Text>
      </Space>
    );
  }
  const left = minutesUntil(v.deadlineAt, now);
  const time = formatDuration(left, t);
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type={left >= 0 ? (left <= 10 ? 'warning' : undefined) : 'danger'} strong data-testid="critical-countdown">
        {left >= 0 ? t('critical.remaining', { time }) : t('critical.overdueBy', { time })}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(v.deadlineAt)}
      </Typography.Text>
    </Space>
  );
}
