import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import type { OrderAction } from '@yigong/domain';
import { OrderActionModal, type ModalAction } from './order-action-modal.component.tsx';
import { ResultUploadModal } from './result-upload.component.tsx';

const ORDER: OrderAction[] = ['accept', 'result', 'report', 'amend', 'acknowledge', 'reject', 'cancel'];

/** The buttons of what the server offers the caller now (`actions`: its side, its role, the status). */
export function OrderActions({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<ModalAction | null>(null);
  const [uploading, setUploading] = useState(false);
  const actions = ORDER.filter((a) => o.actions.includes(a));
  if (actions.length === 0) return <Typography.Text type="secondary">{t('diagnostics.noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="order-actions">
        {actions.map((a, i) => (
          <Button
            key={a}
            type={i === 0 ? 'primary' : 'default'}
            danger={a === 'reject' || a === 'cancel'}
            onClick={() => (a === 'result' ? setUploading(true) : setAction(a))}
            data-testid={`action-${a}`}
          >
            {t(`diagnostics.actions.${a}`)}
          </Button>
        ))}
      </Space>
      <OrderActionModal action={action} o={o} onClose={() => setAction(null)} />
      <ResultUploadModal open={uploading} o={o} onClose={() => setUploading(false)} />
    </>
  );
}
