import { Button, Card, Col, Divider, Form, InputNumber, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { NumberInput, PercentInput, RetentionList, YuanInput } from './policy-inputs.component.tsx';
import type { ScenarioValues } from './scenario-changes.ts';

export interface MemberOption {
  organizationId: string;
  organizationName: string;
  score: number | null;
}

/**
 * 情景参数: what the scenario changes — financing, risk reserve, budget share, the retention table,
 * overspend sharing, level weights, the outlay, the community's and members' scores. Every
 * change is sent to the what-if (debounced by the page); empty fields keep the actual values.
 */
export function ScenarioForm({ form, initial, onChange, onReset, members, actualScore, actualOutlayYuan }: {
  form: FormInstance<ScenarioValues>;
  initial: ScenarioValues;
  onChange: (values: ScenarioValues) => void;
  onReset: () => void;
  members: MemberOption[];
  actualScore: number | null;
  actualOutlayYuan: number | null;
}) {
  const { t } = useTranslation();
  const byId = new Map(members.map((m) => [m.organizationId, m]));
  return (
    <Card
      size="small"
      title={t('scenario.parameters')}
      extra={<Button size="small" icon={<UndoOutlined />} onClick={onReset} data-testid="scenario-reset">{t('scenario.reset')}</Button>}
      data-testid="scenario-form-card"
    >
      <Form<ScenarioValues> form={form} layout="vertical" initialValues={initial} onValuesChange={(_, all) => onChange(all)} data-testid="scenario-form">
        <Typography.Text strong>{t('scenario.sectionBudget')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col xs={24}><Form.Item name="financing" label={t('policy.financing')}><YuanInput data-testid="scenario-financing" /></Form.Item></Col>
          <Col xs={12}><Form.Item name="riskReserveRate" label={t('scenario.riskReserveRate')}><PercentInput /></Form.Item></Col>
          <Col xs={12}><Form.Item name="budgetShare" label={t('scenario.budgetShare')}><PercentInput data-testid="scenario-budget-share" /></Form.Item></Col>
          <Col xs={24} sm={12}>
            <Form.Item name="outlay" label={t('scenario.outlay')} tooltip={t('scenario.emptyKeepsActual')}>
              <YuanInput placeholder={actualOutlayYuan === null ? '' : t('scenario.actualValue', { value: actualOutlayYuan.toLocaleString('zh-CN', { minimumFractionDigits: 2 }) })} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="score" label={t('scenario.communityScore')} tooltip={t('scenario.emptyKeepsActual')}>
              <InputNumber<number> min={0} max={100} precision={2} style={{ width: '100%' }} placeholder={actualScore === null ? '' : t('scenario.actualValue', { value: actualScore.toFixed(2) })} data-testid="scenario-score" />
            </Form.Item>
          </Col>
        </Row>
        <Divider style={{ margin: '4px 0 12px' }} />
        <Typography.Text strong>{t('scenario.sectionRetention')}</Typography.Text>
        <div style={{ margin: '8px 0' }}><RetentionList /></div>
        <Row gutter={12}>
          <Col xs={12}><Form.Item name="overspendThreshold" label={t('scenario.overspendThreshold')}><PercentInput /></Form.Item></Col>
          <Col xs={12}><Form.Item name="overspendFundShare" label={t('scenario.overspendFundShare')}><PercentInput /></Form.Item></Col>
        </Row>
        <Divider style={{ margin: '4px 0 12px' }} />
        <Typography.Text strong>{t('scenario.sectionWeights')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          {(['hospital', 'center', 'village'] as const).map((l) => (
            <Col key={l} xs={8}>
              <Form.Item name={['levelWeights', l]} label={t(`insuranceUi.levelShort.${l}`)}><NumberInput step={1} data-testid={`scenario-weight-${l}`} /></Form.Item>
            </Col>
          ))}
        </Row>
        <Divider style={{ margin: '4px 0 12px' }} />
        <Typography.Text strong>{t('scenario.sectionMembers')}</Typography.Text>
        <Form.List name="memberScores">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }} data-testid="scenario-member-scores">
              {fields.map((field) => {
                const id = form.getFieldValue(['memberScores', field.name, 'organizationId']) as string | undefined;
                const actual = id ? byId.get(id)?.score : null;
                return (
                  <Space key={field.key} align="start" wrap style={{ width: '100%' }}>
                    <Form.Item name={[field.name, 'organizationId']} style={{ marginBottom: 8, width: 220 }}>
                      <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('scenario.chooseMember')} options={members.map((m) => ({ value: m.organizationId, label: m.organizationName }))} data-testid="scenario-member-select" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'score']} style={{ marginBottom: 8 }}>
                      <InputNumber<number> min={0} max={100} precision={2} style={{ width: 120 }} placeholder={actual == null ? t('scenario.score') : t('scenario.actualValue', { value: actual.toFixed(2) })} data-testid="scenario-member-score" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'population']} style={{ marginBottom: 8 }}>
                      <InputNumber<number> min={0} precision={0} style={{ width: 110 }} placeholder={t('scenario.population')} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('scenario.removeMember')} />
                  </Space>
                );
              })}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({})} data-testid="scenario-add-member">
                {t('scenario.addMember')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
