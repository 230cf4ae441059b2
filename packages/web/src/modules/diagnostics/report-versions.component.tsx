import { Collapse, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { EmptyState } from '../../shared/components/query-state.component.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { CriticalTag } from './order-tags.component.tsx';

type ReportVersion = OrderDetailView['reports'][number];

function VersionBody({ r }: { r: ReportVersion }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {r.amendReason && <Typography.Text type="warning">{t('diagnostics.amendedBecause', { reason: r.amendReason })}</Typography.Text>}
      <div>
        <Typography.Text type="secondary">{t('diagnostics.findings')}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="report-findings">
          {r.findings}
        </Typography.Paragraph>
      </div>
      <div>
        <Typography.Text type="secondary">{t('diagnostics.reportConclusion')}</Typography.Text>
        <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="report-conclusion-text">
          {r.conclusion}
        </Typography.Paragraph>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('diagnostics.signedBy', { name: r.signedByName, at: formatDateTime(r.signedAt) })}
      </Typography.Text>
    </Space>
  );
}

function VersionTitle({ r, latest }: { r: ReportVersion; latest: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <Typography.Text strong>{t('diagnostics.version', { version: r.version })}</Typography.Text>
      {latest && <Tag color="blue">{t('diagnostics.latest')}</Tag>}
      {r.amendReason && <Tag color="orange">{t('diagnostics.actions.amend')}</Tag>}
      <CriticalTag critical={r.critical} />
      <Typography.Text type="secondary">{formatDateTime(r.signedAt)}</Typography.Text>
    </Space>
  );
}

/** 诊断报告: the latest version in full, earlier ones folded, each amendment with its reason. */
export function ReportVersions({ reports }: { reports: OrderDetailView['reports'] }) {
  const { t } = useTranslation();
  if (reports.length === 0) return <EmptyState description={t('diagnostics.noReport')} />;
  const sorted = [...reports].sort((a, b) => b.version - a.version);
  const [latest, ...earlier] = sorted;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="report-versions">
      <VersionTitle r={latest!} latest />
      <VersionBody r={latest!} />
      {earlier.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'earlier',
              label: t('diagnostics.earlierVersions', { count: earlier.length }),
              children: (
                <Collapse
                  size="small"
                  ghost
                  items={earlier.map((r) => ({ key: r.version, label: <VersionTitle r={r} latest={false} />, children: <VersionBody r={r} /> }))}
                />
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
