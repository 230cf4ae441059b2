import { Col, Form, Input, InputNumber, Radio, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { STEAM_CYCLE_TYPES, STERILISATION_METHODS, type SterilisationMethod } from '@yigong/domain';
import type { Monitoring } from './cycle-record.ts';
import { ShanghaiTimePicker } from './shanghai-time-picker.component.tsx';

/** pass / fail, and `none` when the check may be left out (a biological indicator not in the load, a B-D test not done). */
function MonitoringRadio({ withNone, noneLabel, testId, ...rest }: { withNone: boolean; noneLabel?: string; testId: string; value?: Monitoring; onChange?: (e: unknown) => void }) {
  const { t } = useTranslation();
  const options: Monitoring[] = withNone ? ['pass', 'fail', 'none'] : ['pass', 'fail'];
  return (
    <Radio.Group optionType="button" buttonStyle="solid" data-testid={testId} {...rest}>
      {options.map((m) => (
        <Radio.Button key={m} value={m}>
          {m === 'none' ? noneLabel : t(`sterile.monitoring.${m}`)}
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}

/**
 * The cycle record as the steriliser printed it and the monitoring results the operator read
 * (docs/domain/sterile-supply.md "Cycle record"): steam asks for its cycle type, pressure and, for
 * pre-vacuum, the day's Bowie-Dick test; times are Asia/Shanghai.
 */
export function CycleFields() {
  const { t } = useTranslation();
  const method = Form.useWatch<SterilisationMethod | undefined>('method');
  const cycleType = Form.useWatch<string | undefined>('steamCycleType');
  const steam = method === 'pressure_steam';
  const required = (field: string) => [{ required: true, message: t('sterile.required', { field: t(`sterile.fields.${field}`) }) }];
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="sterilizerCode" label={t('sterile.fields.sterilizerCode')} rules={[...required('sterilizerCode'), { max: 32, whitespace: true, message: t('sterile.sterilizerCodeMax') }]}>
            <Input maxLength={32} placeholder={t('sterile.sterilizerCodePlaceholder')} data-testid="batch-sterilizer" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="cycleNo" label={t('sterile.fields.cycleNo')} rules={required('cycleNo')}>
            <InputNumber min={1} max={999_999} precision={0} style={{ width: '100%' }} data-testid="batch-cycle-no" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="method" label={t('sterile.fields.method')} rules={required('method')}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="batch-method">
          {STERILISATION_METHODS.map((m) => (
            <Radio.Button key={m} value={m}>
              {t(`sterile.methods.${m}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {steam && (
        <Form.Item name="steamCycleType" label={t('sterile.fields.steamCycleType')} rules={required('steamCycleType')}>
          <Radio.Group data-testid="batch-cycle-type">
            {STEAM_CYCLE_TYPES.map((c) => (
              <Radio key={c} value={c}>
                {t(`sterile.steamCycleTypes.${c}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="startedAt" label={t('sterile.fields.startedAt')} rules={required('startedAt')}>
            <ShanghaiTimePicker data-testid="batch-started" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="endedAt" label={t('sterile.fields.endedAt')} rules={required('endedAt')}>
            <ShanghaiTimePicker data-testid="batch-ended" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="temperatureC" label={t('sterile.fields.temperatureC')} rules={required('temperatureC')} tooltip={t('sterile.temperatureHint')}>
            <InputNumber step={0.1} suffix="°C" style={{ width: '100%' }} data-testid="batch-temperature" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="exposureMinutes" label={t('sterile.fields.exposureMinutes')} rules={required('exposureMinutes')}>
            <InputNumber step={0.5} min={0} suffix={t('sterile.minutesUnit')} style={{ width: '100%' }} data-testid="batch-minutes" />
          </Form.Item>
        </Col>
        {steam && (
          <Col xs={24} md={8}>
            <Form.Item name="pressureKpa" label={t('sterile.fields.pressureKpa')} rules={required('pressureKpa')}>
              <InputNumber step={1} min={0} suffix="kPa" style={{ width: '100%' }} data-testid="batch-pressure" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="chemical" label={t('sterile.fields.chemical')} rules={required('chemical')}>
            <MonitoringRadio withNone={false} testId="batch-chemical" />
          </Form.Item>
        </Col>
        {steam && cycleType === 'pre_vacuum' && (
          <Col xs={24} md={12}>
            <Form.Item name="bowieDick" label={t('sterile.fields.bowieDick')} rules={required('bowieDick')}>
              <MonitoringRadio withNone noneLabel={t('sterile.monitoring.notDone')} testId="batch-bowie-dick" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="biological" label={t('sterile.fields.biological')} rules={required('biological')} tooltip={t('sterile.biologicalFieldHint')}>
            <MonitoringRadio withNone noneLabel={t('sterile.monitoring.notPlaced')} testId="batch-biological" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="implants" label={t('sterile.fields.implants')} valuePropName="checked">
            <Switch checkedChildren={t('sterile.yes')} unCheckedChildren={t('sterile.no')} data-testid="batch-implants" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
