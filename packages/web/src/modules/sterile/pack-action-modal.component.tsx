import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackDetailView } from '@yigong/contracts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { ResidentSelect } from '../diagnostics/resident-select.component.tsx';
import { apiProblems, showProblems } from './api-problems.ts';
import { usePackAction } from './sterile.resource.ts';

export type PackModalAction = 'use' | 'return';

interface Values {
  residentId?: string;
  wrapIntact?: boolean;
  note?: string;
}

const FIELDS = new Set(['residentId', 'wrapIntact', 'note']);

/**
 * 使用登记 (the resident the pack was opened for) or 退回 (was the wrap closed, dry, undamaged?) by
 * the unit holding the pack (docs/domain/sterile-supply.md "Pack states"): an intact pack in date
 * goes back on the centre's shelf, any other is reprocessed under a new barcode.
 */
export function PackActionModal({ action, p, onClose }: { action: PackModalAction | null; p: PackDetailView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { communityId } = useCommunitySelection();
  const [form] = Form.useForm<Values>();
  const act = usePackAction(p.barcode);

  async function onFinish(v: Values) {
    if (!action) return;
    const note = v.note?.trim() || undefined;
    try {
      const after = await act.mutateAsync(action === 'use' ? { action, body: { residentId: v.residentId!, note } } : { action, body: { wrapIntact: !!v.wrapIntact, note } });
      void message.success(action === 'use' ? t('sterile.useDone', { name: after.residentName ?? '' }) : t(after.status === 'released' ? 'sterile.returnRestocked' : 'sterile.returnReprocess'));
      onClose();
    } catch (e) {
      if (!showProblems(form, apiProblems(e), (f) => (FIELDS.has(f) ? f : null))) void message.error(errorText(e));
    }
  }

  return (
    <Modal
      open={!!action}
      title={action ? `${t(`sterile.packActions.${action}`)} · ${p.packTypeName} ${p.barcode}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`sterile.packActionButtons.${action}`) : undefined}
      okButtonProps={{ loading: act.isPending, 'data-testid': 'pack-action-confirm' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" preserve={false} onFinish={(v) => void onFinish(v)} data-testid="pack-action-form">
        {action === 'use' && (
          <Form.Item name="residentId" label={t('sterile.patient')} rules={[{ required: true, message: t('sterile.patientRequired') }]}>
            <ResidentSelect communityId={communityId} data-testid="pack-use-resident" />
          </Form.Item>
        )}
        {action === 'return' && (
          <>
            <Form.Item name="wrapIntact" label={t('sterile.wrapIntact')} rules={[{ required: true, message: t('sterile.wrapIntactRequired') }]}>
              <Radio.Group data-testid="pack-return-intact">
                <Radio value={true}>{t('sterile.wrapIntactYes')}</Radio>
                <Radio value={false}>{t('sterile.wrapIntactNo')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('sterile.returnHint')}</Typography.Paragraph>
          </>
        )}
        <Form.Item name="note" label={t('sterile.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="pack-action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
