import { useMemo } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { computeCapitationBudget, monthlyPrepayment, type InsurancePolicy } from '@yigong/domain';
import { useErrorText } from '../../shared/components/query-state.component.tsx';
import { fenOf, formatYuan, ratioOf } from './insurance-format.ts';
import { useSavePolicy } from './insurance.resource.ts';
import { applyPolicyErrors } from './policy-errors.ts';
import { NumberInput, PercentInput, RetentionList, TimesInput, YuanInput } from './policy-inputs.component.tsx';
import { policyToValues, valuesToPolicy, type PolicyValues } from './policy-values.ts';
import { ReimbursementTable } from './reimbursement-table.component.tsx';

type FormValues = PolicyValues & { reason: string };

const COL = { xs: 24, md: 12, xl: 6 } as const;

/** What the financing fields give, computed as the server will (docs/domain/insurance.md §1). */
function CapitationPreview() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<FormValues>();
  // One watched string, so the preview recomputes only when a financing field changes.
  const key = Form.useWatch(
    (v: FormValues) => JSON.stringify([v.financing, v.financingPrevYear, v.catastrophicPremium, v.accidentPremium, v.riskReserveRate, v.budgetShare, v.prepaymentRate]),
    form,
  );
  const text = useMemo(() => {
    const nums = key ? (JSON.parse(key) as (number | null)[]) : [];
    if (nums.length < 7 || nums.some((n) => n === null || n === undefined)) return null;
    const [financing, financingPrevYear, catastrophicPremium, accidentPremium, riskReserveRate, budgetShare, prepaymentRate] = nums as number[];
    try {
      const c = computeCapitationBudget({
        financing: fenOf(financing!),
        financingPrevYear: fenOf(financingPrevYear!),
        catastrophicPremium: fenOf(catastrophicPremium!),
        accidentPremium: fenOf(accidentPremium!),
        riskReserveRate: ratioOf(riskReserveRate!),
        budgetShare: ratioOf(budgetShare!),
      });
      const monthly = monthlyPrepayment(c.budget, ratioOf(prepaymentRate!));
      return { ok: true, text: t('policy.preview', { riskReserve: formatYuan(c.riskReserve), budget: formatYuan(c.budget), monthly: formatYuan(monthly) }) };
    } catch (e) {
      return { ok: false, text: e instanceof Error ? e.message : String(e) };
    }
  }, [key, t]);
  if (!text) return null;
  return <Alert type={text.ok ? 'info' : 'warning'} showIcon title={text.text} data-testid="capitation-preview" />;
}

/**
 * 政策参数: every parameter of the community-year — financing, retention and overspend sharing,
 * level weights, DIP/DRG, the reimbursement table — with the reason, saved whole as a new version
 * (PUT: an omitted parameter would fall back to its default). A 400 lands on the field it names.
 */
export function PolicyForm({ communityId, year, start, editable, notice }: { communityId: string; year: number; start: InsurancePolicy; editable: boolean; notice?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const save = useSavePolicy(communityId, year);
  const initialValues = useMemo(() => ({ ...policyToValues(start), reason: '' }), [start]);
  const required = [{ required: true, message: t('policy.required') }];

  async function onFinish() {
    // The whole store, not only the mounted fields: the PUT must carry every parameter.
    const { reason, ...values } = form.getFieldsValue(true) as FormValues;
    try {
      const saved = await save.mutateAsync({ ...valuesToPolicy(values), reason });
      void message.success(t('policy.saved', { version: saved.version }));
      form.setFieldValue('reason', '');
    } catch (e) {
      if (!applyPolicyErrors(form, e)) void message.error(errorText(e));
      else void message.error(t('policy.fixFields'));
    }
  }

  return (
    <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} disabled={!editable} onFinish={() => void onFinish()} data-testid="policy-form" scrollToFirstError>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {notice && <Alert type="info" showIcon title={notice} data-testid="policy-notice" />}
        {!editable && <Alert type="info" showIcon title={t('policy.readOnly')} />}
        <Card size="small" title={t('policy.sectionFinancing')}>
          <Row gutter={16}>
            <Col {...COL}><Form.Item name="financing" label={t('policy.financing')} tooltip={t('policy.financingHelp')} rules={required}><YuanInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name="financingPrevYear" label={t('policy.financingPrevYear')} rules={required}><YuanInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name="catastrophicPremium" label={t('policy.catastrophicPremium')} rules={required}><YuanInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name="accidentPremium" label={t('policy.accidentPremium')} rules={required}><YuanInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name="riskReserveRate" label={t('policy.riskReserveRate')} tooltip={t('policy.riskReserveRateHelp')} rules={required}><PercentInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name="budgetShare" label={t('policy.budgetShare')} tooltip={t('policy.budgetShareHelp')} rules={required}><PercentInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name="prepaymentRate" label={t('policy.prepaymentRate')} tooltip={t('policy.prepaymentRateHelp')} rules={required}><PercentInput /></Form.Item></Col>
          </Row>
          <CapitationPreview />
        </Card>
        <Card size="small" title={t('policy.sectionRetention')}>
          <Row gutter={24}>
            <Col xs={24} xl={12}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('policy.retentionHelp')}</Typography.Paragraph>
              <RetentionList disabled={!editable} />
            </Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="overspendThreshold" label={t('policy.overspendThreshold')} tooltip={t('policy.overspendThresholdHelp')} rules={required}><PercentInput /></Form.Item></Col>
            <Col xs={24} md={12} xl={6}><Form.Item name="overspendFundShare" label={t('policy.overspendFundShare')} tooltip={t('policy.overspendFundShareHelp')} rules={required}><PercentInput /></Form.Item></Col>
          </Row>
        </Card>
        <Card size="small" title={t('policy.sectionWeights')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('policy.weightsHelp')}</Typography.Text>}>
          <Row gutter={16}>
            {(['hospital', 'center', 'village'] as const).map((l) => (
              <Col key={l} xs={24} md={8} xl={6}>
                <Form.Item name={['levelWeights', l]} label={t(`insuranceUi.level.${l}`)} rules={required}><NumberInput step={1} /></Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <Card size="small" title={t('policy.sectionDip')}>
          <Row gutter={16}>
            <Col {...COL}><Form.Item name={['dip', 'base']} label={t('policy.dipBase')} tooltip={t('policy.dipBaseHelp')} rules={required}><NumberInput step={100} /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['dip', 'levelCoefficients', 'hospital']} label={t('policy.dipCoefficientHospital')} rules={required}><NumberInput step={0.05} /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['dip', 'levelCoefficients', 'center']} label={t('policy.dipCoefficientCenter')} rules={required}><NumberInput step={0.05} /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['dip', 'uniformGroups']} label={t('policy.dipUniformGroups')} tooltip={t('policy.dipUniformGroupsHelp')}><Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="I10, J18" notFoundContent={null} suffixIcon={null} /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['dip', 'lowOutlierRatio']} label={t('policy.dipLow')} rules={required}><TimesInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['dip', 'highOutlierRatio']} label={t('policy.dipHigh')} rules={required}><TimesInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['drg', 'lowOutlierRatio']} label={t('policy.drgLow')} rules={required}><TimesInput /></Form.Item></Col>
            <Col {...COL}><Form.Item name={['drg', 'highOutlierRatio']} label={t('policy.drgHigh')} rules={required}><TimesInput /></Form.Item></Col>
          </Row>
        </Card>
        <Card size="small" title={t('policy.sectionReimbursement')}>
          <ReimbursementTable disabled={!editable} />
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col {...COL}>
              <Form.Item name="unreferredOutOfCountyPenalty" label={t('policy.penalty')} tooltip={t('policy.penaltyHelp')} rules={required}><PercentInput /></Form.Item>
            </Col>
          </Row>
        </Card>
        {editable && (
          <Card size="small" title={t('policy.sectionSave')}>
            <Form.Item name="reason" label={t('policy.reason')} rules={[{ required: true, whitespace: true, min: 2, max: 200, message: t('policy.reasonRequired') }]}>
              <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('policy.reasonPlaceholder')} data-testid="policy-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="policy-save">
              {t('policy.save')}
            </Button>
          </Card>
        )}
      </Space>
    </Form>
  );
}
