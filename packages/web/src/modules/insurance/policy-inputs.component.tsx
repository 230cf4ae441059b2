import { Button, Form, InputNumber, Space, Typography, type InputNumberProps } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

const thousands = (v: number | string | undefined) => (v === undefined || v === null || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const plain = (v: string | undefined) => Number((v ?? '').replace(/[,\s¥]/g, ''));

/** An amount in yuan (two decimals, thousands separators); the editor turns it into fen. */
export function YuanInput(props: InputNumberProps<number>) {
  const { t } = useTranslation();
  return <InputNumber<number> min={0} precision={2} step={1000} style={{ width: '100%' }} formatter={thousands} parser={plain} suffix={t('insuranceUi.yuan')} {...props} />;
}

/** A share in percent (0–100, shown as typed: 95, 12.5); the editor turns it into a ratio. */
export function PercentInput(props: InputNumberProps<number>) {
  return <InputNumber<number> min={0} max={100} step={1} style={{ width: '100%' }} suffix="%" {...props} />;
}

/** A multiple (outlier bounds: 0.5 倍, 2 倍). */
export function TimesInput(props: InputNumberProps<number>) {
  const { t } = useTranslation();
  return <InputNumber<number> min={0} step={0.1} style={{ width: '100%' }} suffix={t('policy.times')} {...props} />;
}

/** A plain number: level weights, DIP base and coefficients, outlier multiples. */
export function NumberInput(props: InputNumberProps<number>) {
  return <InputNumber<number> min={0} step={0.1} style={{ width: '100%' }} {...props} />;
}

const required = { required: true, message: '' };

/**
 * 结余留用比例表: steps from the highest score down, each "from this score, retain this share of the
 * surplus"; the last step starts at 0 (docs/domain/insurance.md §3). The server names a broken step
 * (`retention[1].minScore`), shown on that input.
 */
export function RetentionList({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="retention">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="retention-list">
          {fields.map((field, i) => (
            <Space key={field.key} align="start" size={6} wrap={false} style={{ marginBottom: 4 }} data-testid="retention-step">
              <Typography.Text style={{ lineHeight: '32px' }}>{t('policy.retentionFrom')}</Typography.Text>
              <Form.Item name={[field.name, 'minScore']} rules={[{ ...required, message: t('policy.required') }]} style={{ marginBottom: 8 }}>
                <InputNumber<number> min={0} max={100} precision={2} style={{ width: 100 }} suffix={t('policy.points')} aria-label={t('policy.retentionMinScore', { n: i + 1 })} disabled={disabled} />
              </Form.Item>
              <Typography.Text style={{ lineHeight: '32px' }}>{t('policy.retentionRetain')}</Typography.Text>
              <Form.Item name={[field.name, 'ratio']} rules={[{ ...required, message: t('policy.required') }]} style={{ marginBottom: 8 }}>
                <PercentInput style={{ width: 104 }} aria-label={t('policy.retentionRatio', { n: i + 1 })} disabled={disabled} />
              </Form.Item>
              {!disabled && (
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} aria-label={t('policy.removeStep')} />
              )}
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          {!disabled && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ minScore: 0, ratio: 0 })} disabled={fields.length >= 20}>
              {t('policy.addStep')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
