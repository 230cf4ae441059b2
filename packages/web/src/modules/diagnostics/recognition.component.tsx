import { Alert, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RecognitionView } from '@yigong/contracts';
import { ErrorState, LoadingState } from '../../shared/components/query-state.component.tsx';
import { formatDate, formatDateTime, formatYuan } from '../../shared/i18n/format.ts';
import { CriticalTag } from './order-tags.component.tsx';
import { useRecognition } from './diagnostics.resource.ts';

interface Props {
  residentId: string;
  itemCode: string;
  onUse: (r: RecognitionView) => void;
  /** Orders again with the reason; resolves to the server's complaint about the reason, if any. */
  onRepeat: (repeatReason: string) => Promise<string | undefined>;
  onBack: () => void;
  using: boolean;
  repeating: boolean;
}

/** The facts of a recognised result: where and when it was reported, its conclusion, until when it counts. */
export function RecognisedResult({ r }: { r: RecognitionView }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="recognised-result"
      items={[
        { key: 'item', label: t('diagnostics.item'), children: `${r.itemName}（${r.itemCode}）` },
        { key: 'unit', label: t('diagnostics.recognisedUnit'), children: r.performingOrganizationName },
        { key: 'reported', label: t('diagnostics.reportedAt'), children: formatDateTime(r.reportedAt) },
        {
          key: 'conclusion',
          label: t('diagnostics.conclusion'),
          children: (
            <Space orientation="vertical" size={4}>
              <CriticalTag critical={r.critical} />
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.conclusion ?? '—'}</Typography.Text>
            </Space>
          ),
        },
        { key: 'valid', label: t('diagnostics.validUntil'), children: formatDate(r.validUntil) },
        { key: 'price', label: t('diagnostics.price'), children: formatYuan(r.priceFen) },
      ]}
    />
  );
}

/**
 * 结果互认: the order was stopped by a result the unit must recognise (409). Use it — an avoided
 * test — or order again with a reason (docs/domain/diagnostics.md "Repeat orders").
 */
export function RecognitionChoice({ residentId, itemCode, onUse, onRepeat, onBack, using, repeating }: Props) {
  const { t } = useTranslation();
  const query = useRecognition(residentId, itemCode, true);
  const [repeat, setRepeat] = useState(false);
  const [form] = Form.useForm<{ repeatReason: string }>();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="recognition">
      <Alert type="warning" showIcon title={t('diagnostics.recognisedTitle')} description={t('diagnostics.recognisedHint')} />
      <RecognisedResult r={r} />
      <Space wrap>
        <Button type="primary" loading={using} onClick={() => onUse(r)} data-testid="use-existing">
          {t('diagnostics.useExisting')}
        </Button>
        <Button onClick={() => setRepeat(true)} disabled={repeat} data-testid="repeat-anyway">
          {t('diagnostics.repeatAnyway')}
        </Button>
        <Link to={`/diagnostics/orders/${r.orderId}`}>{t('diagnostics.openRecognised')}</Link>
        <Button type="link" onClick={onBack}>
          {t('diagnostics.backToForm')}
        </Button>
      </Space>
      {repeat && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void onRepeat(v.repeatReason.trim()).then((error) => {
              if (error) form.setFields([{ name: 'repeatReason', errors: [error] }]);
            })
          }
          data-testid="repeat-form"
        >
          <Form.Item
            name="repeatReason"
            label={t('diagnostics.repeatReason')}
            rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('diagnostics.repeatReasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('diagnostics.repeatReasonPlaceholder')} data-testid="repeat-reason" />
          </Form.Item>
          <Button type="primary" danger htmlType="submit" loading={repeating} data-testid="repeat-submit">
            {t('diagnostics.resubmit')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
