import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { newId } from '../../shared/api/api-client.ts';
import { useCommunitySelection } from '../../shared/community/community-context.tsx';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { shanghaiToday } from '../../shared/i18n/format.ts';
import { MAX_REQUEST_QUANTITY } from '@yigong/domain';
import { apiProblems, showProblems } from './api-problems.ts';
import { PackLinesField } from './load-fields.component.tsx';
import { checkRequestLines, type RequestLineValues } from './request-lines.ts';
import { useCreateSterileRequest, usePackTypes } from './sterile.resource.ts';

interface Values {
  lines?: RequestLineValues[];
  neededBy?: Dayjs | null;
  note?: string;
}

/** The form's own fields; a problem elsewhere is a toast. */
const fieldOf = (f: string) => (f === 'lines' ? 'lines.0.packType' : /^(lines\.\d+\.(packType|quantity)|neededBy|note)$/.test(f) ? f : null);

/**
 * 新建申领: lines of pack type and quantity (the centre's stock beside each type), the day the
 * packs are needed, a note. The domain's rule checks the lines first (each type once, 1–200);
 * the client id makes a retried submission return the request it made.
 */
function RequestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { communityId } = useCommunitySelection();
  const types = usePackTypes(communityId);
  const create = useCreateSterileRequest();
  const [form] = Form.useForm<Values>();
  const [id] = useState(newId);
  const today = shanghaiToday();

  async function onFinish(v: Values) {
    const known = new Set((types.data ?? []).filter((p) => p.active).map((p) => p.code));
    const lines = checkRequestLines(v.lines ?? [], known);
    if (!lines.ok) {
      if (!showProblems(form, [lines], fieldOf)) void message.error(lines.message);
      return;
    }
    try {
      await create.mutateAsync({ id, lines: lines.lines, neededBy: v.neededBy?.format('YYYY-MM-DD'), note: v.note?.trim() || undefined });
      void message.success(t('sterile.requestSubmitted'));
      onClose();
    } catch (e) {
      if (!showProblems(form, apiProblems(e), fieldOf)) void message.error(errorText(e));
    }
  }

  return (
    <Modal
      open
      width={720}
      title={t('sterile.newRequestTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('action.submit')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'request-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" requiredMark="optional" initialValues={{ lines: [{ quantity: 1 }] }} onFinish={(v) => void onFinish(v)} data-testid="request-form">
        <Form.Item label={t('sterile.requestLines')} required>
          <PackLinesField name="lines" types={types.data} loading={types.isPending} maxQuantity={MAX_REQUEST_QUANTITY} showStock />
        </Form.Item>
        <Form.Item name="neededBy" label={t('sterile.neededBy')}>
          {/* A business date: only its calendar day is sent, so the browser's zone does not matter; not before today in Shanghai. */}
          <DatePicker style={{ width: 200 }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} defaultPickerValue={dayjs(today)} data-testid="request-needed-by" />
        </Form.Item>
        <Form.Item name="note" label={t('sterile.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('sterile.notePlaceholder')} data-testid="request-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The 新建申领 button with its form. */
export function NewRequestButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-request">
        {t('sterile.newRequest')}
      </Button>
      {open && <RequestModal onClose={() => setOpen(false)} />}
    </>
  );
}
