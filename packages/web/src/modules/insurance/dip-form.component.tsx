import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Row, Segmented, Select } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { DipRequest } from '@yigong/contracts';
import { applyFieldErrors } from '../../shared/api/form-errors.ts';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { fenOf, insuranceYears } from './insurance-format.ts';
import { NumberInput, YuanInput } from './policy-inputs.component.tsx';
import { shanghaiYear } from '../../shared/i18n/format.ts';

type Mode = 'year' | 'month';

interface Values {
  referenceYear: number;
  periodYear: number;
  periodMonth: Dayjs;
  budget: number;
  adjustmentReserve: number;
  levelCoefficients?: { hospital?: number | null; center?: number | null };
  base?: number | null;
}

const FIELDS = ['referenceYear', 'budget', 'adjustmentReserve', 'levelCoefficients', 'base'] as const;

/** The request of a DIP run from the form: a year (final) or a month (provisional), money in fen. */
function toRequest(communityId: string, mode: Mode, v: Values): DipRequest {
  const h = v.levelCoefficients?.hospital;
  const c = v.levelCoefficients?.center;
  return {
    communityId,
    referenceYear: v.referenceYear,
    period: mode === 'year' ? String(v.periodYear) : v.periodMonth.format('YYYY-MM'),
    budget: fenOf(v.budget),
    adjustmentReserve: fenOf(v.adjustmentReserve ?? 0),
    // Both coefficients or neither: the API takes the pair; an empty one keeps the policy's.
    levelCoefficients: h != null && c != null ? { hospital: h, center: c } : undefined,
    base: v.base ?? undefined,
  };
}

/**
 * DIP 点值测算 inputs (docs/domain/insurance.md §5): the reference year that scores the disease
 * groups, the period settled, the budget and the adjustment reserve, optionally other level
 * coefficients or base. `run` posts it; a 400 lands on the field it names.
 */
export function DipForm({ communityId, run, running }: { communityId: string; run: (req: DipRequest) => Promise<unknown>; running: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>('year');
  const thisYear = shanghaiYear();
  const years = insuranceYears(thisYear).slice(1);

  async function onFinish(v: Values) {
    try {
      await run(toRequest(communityId, mode, v));
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) void message.error(errorText(e));
    }
  }

  return (
    <Card size="small" title={t('dip.inputs')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ referenceYear: thisYear - 1, periodYear: thisYear, periodMonth: dayjs(), adjustmentReserve: 0 }}
        onFinish={(v) => void onFinish(v)}
        data-testid="dip-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12} xl={4}>
            <Form.Item name="referenceYear" label={t('dip.referenceYear')} tooltip={t('dip.referenceYearHelp')} rules={[{ required: true }]}>
              <Select options={years.map((y) => ({ value: y, label: t('insuranceUi.yearOption', { year: y }) }))} data-testid="dip-reference-year" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('dip.period')} required tooltip={t('dip.periodHelp')} style={{ marginBottom: 0 }}>
              <Row gutter={8} wrap={false}>
                <Col flex="none">
                  <Segmented<Mode> value={mode} onChange={setMode} options={[{ value: 'year', label: t('dip.final') }, { value: 'month', label: t('dip.provisional') }]} data-testid="dip-mode" />
                </Col>
                <Col flex="auto">
                  {mode === 'year' ? (
                    <Form.Item name="periodYear" rules={[{ required: true }]}>
                      <Select options={years.map((y) => ({ value: y, label: t('insuranceUi.yearOption', { year: y }) }))} aria-label={t('dip.period')} />
                    </Form.Item>
                  ) : (
                    <Form.Item name="periodMonth" rules={[{ required: true }]}>
                      <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} aria-label={t('dip.period')} />
                    </Form.Item>
                  )}
                </Col>
              </Row>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Form.Item name="budget" label={t('dip.budget')} tooltip={t('dip.budgetHelp')} rules={[{ required: true, message: t('dip.budgetRequired') }]}>
              <YuanInput data-testid="dip-budget" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={5}>
            <Form.Item name="adjustmentReserve" label={t('dip.adjustmentReserve')} tooltip={t('dip.adjustmentReserveHelp')} rules={[{ required: true }]}>
              <YuanInput data-testid="dip-reserve" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={4}>
            <Form.Item name="base" label={t('dip.base')} tooltip={t('dip.optionalHelp')}>
              <NumberInput step={100} min={1} placeholder={t('dip.fromPolicy')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={4}>
            <Form.Item name={['levelCoefficients', 'hospital']} label={t('dip.coefficientHospital')} tooltip={t('dip.coefficientsHelp')}>
              <NumberInput step={0.05} placeholder={t('dip.fromPolicy')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} xl={4}>
            <Form.Item name={['levelCoefficients', 'center']} label={t('dip.coefficientCenter')} tooltip={t('dip.coefficientsHelp')}>
              <NumberInput step={0.05} placeholder={t('dip.fromPolicy')} />
            </Form.Item>
          </Col>
          <Col xs={24} xl={12} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={running} data-testid="dip-run">
                {t('dip.run')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
