import { Card, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { AppraisalView } from '@yigong/contracts';
import { INDICATOR_DEFINITIONS, MODULE_INDICATOR_DEFINITIONS } from '@yigong/domain';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import { formatScore } from './insurance-format.ts';

type Scored = AppraisalView['community'];
type Evidence = Scored['items'][number];

const UNITS = new Map<string, string>([...INDICATOR_DEFINITIONS, ...MODULE_INDICATOR_DEFINITIONS].map((d) => [d.code, d.unit]));

/** An indicator value in its unit: ratio → `85.8%`, days → `8.0 天`, yuan → `312 元`, index → `0.93`. */
export function formatIndicatorValue(indicatorCode: string, value: number | null, t: (k: string) => string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (UNITS.get(indicatorCode)) {
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return `${value.toFixed(1)} ${t('appraisal.days')}`;
    case 'yuan':
      return `${Math.round(value).toLocaleString('zh-CN')} ${t('insuranceUi.yuan')}`;
    case 'count':
      return Math.round(value).toLocaleString('zh-CN');
    default:
      return value.toFixed(2);
  }
}

/** The name of an item's indicator in the current language (the scheme's own name in Chinese). */
function itemName(e: Evidence): string {
  if (currentLanguage() !== 'en') return e.name;
  const d = [...INDICATOR_DEFINITIONS, ...MODULE_INDICATOR_DEFINITIONS].find((x) => x.code === e.indicatorCode);
  return d?.nameEn ?? e.name;
}

/**
 * The evidence of a score: per item its value, floor, target, weight and points (with the note
 * when the value is missing), then the manual adjustments with their reasons, then the total.
 */
export function AppraisalItems({ scored, testId }: { scored: Scored; testId: string }) {
  const { t } = useTranslation();
  const columns: ColumnsType<Evidence> = [
    { title: t('appraisal.item'), key: 'name', render: (_: unknown, e) => itemName(e) },
    { title: t('appraisal.value'), key: 'value', align: 'right', render: (_: unknown, e) => formatIndicatorValue(e.indicatorCode, e.value, t) },
    { title: t('appraisal.floor'), key: 'floor', align: 'right', render: (_: unknown, e) => formatIndicatorValue(e.indicatorCode, e.floor, t) },
    { title: t('appraisal.target'), key: 'target', align: 'right', render: (_: unknown, e) => formatIndicatorValue(e.indicatorCode, e.target, t) },
    { title: t('appraisal.weight'), dataIndex: 'weight', align: 'right' },
    {
      title: t('appraisal.points'),
      key: 'points',
      width: 180,
      render: (_: unknown, e) => (
        <Space size={8}>
          <Progress percent={e.weight > 0 ? Math.round((e.points / e.weight) * 100) : 0} size="small" showInfo={false} style={{ width: 70, margin: 0 }} strokeColor={e.points >= e.weight ? '#389e0d' : e.points > 0 ? '#1668dc' : '#cf1322'} />
          <span>{formatScore(e.points)}</span>
        </Space>
      ),
    },
    { title: t('appraisal.note'), dataIndex: 'note', render: (v: string | null) => (v ? <Typography.Text type="warning">{v}</Typography.Text> : '—') },
  ];
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid={testId}>
      <Table<Evidence> size="small" rowKey="code" pagination={false} columns={columns} dataSource={scored.items} scroll={{ x: 'max-content' }} data-testid="appraisal-items" />
      <Card size="small" title={t('appraisal.adjustments')} data-testid="appraisal-adjustments">
        {scored.adjustments.length === 0 ? (
          <Typography.Text type="secondary">{t('appraisal.noAdjustments')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={4}>
            {scored.adjustments.map((a, i) => (
              <span key={i}>
                <Tag color={a.points >= 0 ? 'green' : 'red'}>{a.points > 0 ? `+${a.points}` : a.points}</Tag>
                {a.reason}
              </span>
            ))}
          </Space>
        )}
      </Card>
      <Typography.Text data-testid="appraisal-total">
        {t('appraisal.total', { items: formatScore(scored.itemPoints), adjustments: formatScore(scored.adjustmentPoints), score: formatScore(scored.score) })}
      </Typography.Text>
    </Space>
  );
}
