import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchDetailView } from '@yigong/contracts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { cycleName } from './batch-format.ts';
import { useBiologicalResult } from './sterile.resource.ts';

/**
 * 生物监测结果, read 1–7 days after the cycle (docs/domain/sterile-supply.md "Release", "Recall"):
 * 合格 releases a batch held only for it; 不合格 recalls this batch and every batch of the same
 * steriliser since its last passing indicator — each asked for again in a confirm that says so.
 */
export function BiologicalResult({ b }: { b: BatchDetailView }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const record = useBiologicalResult(b.id);

  function confirm(pass: boolean) {
    modal.confirm({
      title: t(pass ? 'sterile.biologicalPassTitle' : 'sterile.biologicalFailTitle', { batch: cycleName(b) }),
      content: (
        <Typography.Paragraph type={pass ? undefined : 'danger'} style={{ whiteSpace: 'pre-wrap' }}>
          {t(pass ? 'sterile.biologicalPassText' : 'sterile.biologicalFailText', { sterilizer: b.sterilizerCode })}
        </Typography.Paragraph>
      ),
      okText: t(pass ? 'sterile.biologicalPass' : 'sterile.biologicalFail'),
      okButtonProps: { danger: !pass, 'data-testid': 'biological-confirm' },
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const after = await record.mutateAsync(pass);
          if (after.status === 'recalled') void message.warning(t('sterile.recalledDone', { count: after.recalledWith.length + 1 }));
          else void message.success(t(after.status === 'released' ? 'sterile.releasedDone' : 'sterile.stillHeld'));
        } catch (e) {
          void message.error(errorText(e));
        }
      },
    });
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('sterile.biologicalHint')}</Typography.Text>
      <Space wrap data-testid="biological-actions">
        <Button type="primary" loading={record.isPending} onClick={() => confirm(true)} data-testid="biological-pass">
          {t('sterile.biologicalPass')}
        </Button>
        <Button danger loading={record.isPending} onClick={() => confirm(false)} data-testid="biological-fail">
          {t('sterile.biologicalFail')}
        </Button>
      </Space>
    </Space>
  );
}
