import { Alert, Descriptions, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryView } from '@yigong/contracts';
import { RequestStatusTag } from './sterile-tags.component.tsx';

/**
 * 发放结果: per line the barcodes picked first-expiry-first-out (to label the box and scan at the
 * unit) and how many the shelf could not cover; the request's status after it.
 */
export function DeliveryResult({ delivery, onClose }: { delivery: DeliveryView | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!delivery) return null;
  const names = new Map(delivery.request.lines.map((l) => [l.packType, l.packTypeName]));
  const short = delivery.picked.reduce((s, p) => s + p.short, 0);
  const picked = delivery.picked.reduce((s, p) => s + p.barcodes.length, 0);
  return (
    <Modal open title={t('sterile.deliveryTitle', { unit: delivery.request.organizationName })} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} width={720}>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="delivery-result">
        <Alert
          type={short > 0 ? 'warning' : 'success'}
          showIcon
          title={short > 0 ? t('sterile.deliveredShort', { picked, short }) : t('sterile.deliveredAll', { picked })}
          description={short > 0 ? t('sterile.deliveredShortHint') : undefined}
        />
        <Space>
          {t('sterile.requestStatusAfter')}
          <RequestStatusTag status={delivery.request.status} />
        </Space>
        <Descriptions
          size="small"
          bordered
          column={1}
          items={delivery.picked.map((p) => ({
            key: p.packType,
            label: (
              <Space orientation="vertical" size={0}>
                {names.get(p.packType) ?? p.packType}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sterile.pickedCount', { count: p.barcodes.length })}
                  {p.short > 0 && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('sterile.shortCount', { count: p.short })}</Tag>}
                </Typography.Text>
              </Space>
            ),
            children:
              p.barcodes.length === 0 ? (
                <Typography.Text type="danger">{t('sterile.noneOnShelf')}</Typography.Text>
              ) : (
                <Typography.Paragraph copyable={{ text: p.barcodes.join('\n') }} style={{ fontFamily: 'monospace', margin: 0 }} data-testid="picked-barcodes">
                  {p.barcodes.join('  ')}
                </Typography.Paragraph>
              ),
          }))}
        />
      </Space>
    </Modal>
  );
}
