import { Descriptions, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchDetailView } from '@yigong/contracts';
import { formatDateTime, orDash } from '../../shared/i18n/format.ts';
import { cycleName, cycleParameters } from './batch-format.ts';
import { releaseChecks, type CheckState } from './release-checks.ts';
import { MonitoringTag } from './sterile-tags.component.tsx';

/** 灭菌记录: the steriliser's printout and who recorded it. */
export function CycleRecord({ b }: { b: BatchDetailView }) {
  const { t } = useTranslation();
  const items = [
    { key: 'cycle', label: t('sterile.sterilizerCycle'), children: cycleName(b) },
    { key: 'day', label: t('sterile.sterilisedOn'), children: t('sterile.dayBatch', { date: b.sterilisedOn, seq: b.daySeq }) },
    { key: 'method', label: t('sterile.method'), children: `${t(`sterile.methods.${b.method}`)}${b.steamCycleType ? `（${t(`sterile.steamCycleTypes.${b.steamCycleType}`)}）` : ''}` },
    { key: 'params', label: t('sterile.parameters'), children: cycleParameters(b, t('sterile.minutesUnit')) },
    { key: 'start', label: t('sterile.startedAt'), children: formatDateTime(b.startedAt) },
    { key: 'end', label: t('sterile.endedAt'), children: formatDateTime(b.endedAt) },
    { key: 'implants', label: t('sterile.implantsLoad'), children: t(b.implants ? 'sterile.yes' : 'sterile.no') },
    { key: 'operator', label: t('sterile.operator'), children: b.operatorName },
    { key: 'released', label: t('sterile.releasedAt'), children: formatDateTime(b.releasedAt) },
    b.recalledAt && { key: 'recalled', label: t('sterile.recalledAt'), children: <Typography.Text type="danger">{formatDateTime(b.recalledAt)}</Typography.Text> },
    b.recallReason && { key: 'reason', label: t('sterile.recallReason'), children: <Typography.Text type="danger">{orDash(b.recallReason)}</Typography.Text> },
  ];
  return <Descriptions size="small" column={1} data-testid="cycle-record" items={items.filter((i) => !!i)} />;
}

const TAG_OF: Record<CheckState, { pass: boolean | null; none?: 'notDone' | 'notPlaced' | 'awaited' | 'notRequired' | 'manufacturer' }> = {
  pass: { pass: true },
  fail: { pass: false },
  pending: { pass: null, none: 'awaited' },
  not_done: { pass: null, none: 'notDone' },
  not_required: { pass: null, none: 'notRequired' },
  manufacturer: { pass: null, none: 'manufacturer' },
};

/** 放行检查: the four checks of the release one by one, what each looks at, its result. */
export function ReleaseChecks({ b }: { b: BatchDetailView }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      data-testid="release-checks"
      dataSource={releaseChecks(b)}
      renderItem={(c) => (
        <List.Item key={c.check} extra={<MonitoringTag {...TAG_OF[c.state]} />}>
          <Space orientation="vertical" size={0}>
            <Typography.Text>{t(`sterile.checks.${c.check}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.state === 'manufacturer' ? t('sterile.checkHints.manufacturer') : t(`sterile.checkHints.${c.check}`)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
