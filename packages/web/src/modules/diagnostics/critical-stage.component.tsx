import { Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CriticalValueView } from '@yigong/contracts';
import { CRITICAL_STAGES, type CriticalStage } from '@yigong/domain';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
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
            {i > 0 && reached && at && (
              <Tooltip title={formatDateTime(at)}>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {formatDateTime(at).slice(11)}
                </Typography.Text>
              </Tooltip>
            )}
          </Space>
        );
      })}
    </Space>
  );
}

/**
 * 剩余 12 分钟 / 已超时 5 分钟 while open (the browser's clock ticking; the server's word that the
 * deadline has passed wins); once acknowledged: 及时 or 超时, when and by whom.
 */
export function CriticalDeadline({ v, now }: { v: CriticalValueView; now: number }) {
  const { t } = useTranslation();
  if (v.status === 'acknowledged') {
    return (
      <Space orientation="vertical" size={0}>
        <Space size={4}>
          <Tag color={v.acknowledgedInTime ? 'success' : 'warning'}>{t(v.acknowledgedInTime ? 'critical.inTime' : 'critical.late')}</Tag>
          <Typography.Text type="secondary">{formatDateTime(v.acknowledgedAt)}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {orDash(v.acknowledgedByName)}
          {v.ackNote && `：${v.ackNote}`}
        </Typography.Text>
      </Space>
    );
  }
  const left = minutesUntil(v.deadlineAt, now);
  const late = left < 0 || v.acknowledgedInTime === false || v.stage !== 'doctor';
  const text = !late ? t('critical.remaining', { time: formatDuration(left, t) }) : left < 0 ? t('critical.overdueBy', { time: formatDuration(left, t) }) : t('critical.overdue');
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type={late ? 'danger' : left <= 10 ? 'warning' : undefined} strong data-testid="critical-countdown">
        {text}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(v.deadlineAt)}
      </Typography.Text>
    </Space>
  );
}
