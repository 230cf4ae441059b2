import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SettlementView } from '@yigong/contracts';
import { newId } from '../../shared/api/api-client.ts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { insuranceYears } from './insurance-format.ts';
import { usePrepareSettlement } from './insurance.resource.ts';
import { shanghaiYear } from '../../shared/i18n/format.ts';

interface Values {
  year: number;
  score?: number | null;
}

/**
 * 编制结算: settles a year as a draft (docs/domain/insurance.md §3–4) with the appraisal's scores,
 * or a community score typed here. A year without a policy is refused on the year field.
 */
export function PrepareSettlementButton({ communityId, onPrepared }: { communityId: string; onPrepared: (s: SettlementView) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  // One id per dialog: a retried request (a lost answer, a double click) returns the same draft.
  const [requestId, setRequestId] = useState(newId);
  const [form] = Form.useForm<Values>();
  const prepare = usePrepareSettlement();
  const thisYear = shanghaiYear();

  async function onFinish(v: Values) {
    try {
      const s = await prepare.mutateAsync({ id: requestId, communityId, year: v.year, score: v.score ?? undefined });
      void message.success(t('settlement.preparedMessage', { year: s.year }));
      setOpen(false);
      onPrepared(s);
    } catch (e) {
      if (!applyFieldErrors(form, e, ['year', 'score'])) void message.error(errorText(e));
    }
  }

  return (
    <>
      <Button
        type="primary"
        icon={<CalculatorOutlined />}
        onClick={() => {
          setRequestId(newId());
          setOpen(true);
        }}
        data-testid="settlement-prepare"
      >
        {t('settlement.prepare')}
      </Button>
      <Modal
        open={open}
        title={t('settlement.prepareTitle')}
        okText={t('settlement.prepareOk')}
        cancelText={t('action.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={prepare.isPending}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" initialValues={{ year: thisYear }} onFinish={(v) => void onFinish(v)} data-testid="settlement-prepare-form">
          <Form.Item name="year" label={t('settlement.year')} rules={[{ required: true }]}>
            <Select options={insuranceYears(thisYear).map((y) => ({ value: y, label: t('insuranceUi.yearOption', { year: y }) }))} data-testid="settlement-prepare-year" />
          </Form.Item>
          <Form.Item name="score" label={t('settlement.scoreOverride')} extra={t('settlement.scoreOverrideHelp')}>
            <InputNumber<number> min={0} max={100} precision={2} style={{ width: '100%' }} placeholder={t('settlement.scoreFromAppraisal')} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('settlement.prepareHint')}
          </Typography.Paragraph>
        </Form>
      </Modal>
    </>
  );
}
