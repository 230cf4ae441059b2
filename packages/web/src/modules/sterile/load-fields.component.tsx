import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PackTypeView } from '@yigong/contracts';

interface Props {
  /** The list's name in the form: `packs` (a load) or `lines` (a request). */
  name: 'packs' | 'lines';
  types: PackTypeView[] | undefined;
  loading: boolean;
  /** Most of one type in a row (a load 500, a request 200, as the contract and the domain say). */
  maxQuantity: number;
  /** Show the stock on the shelf beside each type (a member asking for packs). */
  showStock?: boolean;
}

/**
 * Rows of pack type and quantity: the packs a load holds, or a unit asks for. Only active types
 * are offered; a row can be added and removed; the first cannot be removed.
 */
export function PackLinesField({ name, types, loading, maxQuantity, showStock = false }: Props) {
  const { t } = useTranslation();
  const options = (types ?? [])
    .filter((p) => p.active)
    .map((p) => ({
      value: p.code,
      label: `${p.name}（${p.code}）· ${t('sterile.days', { count: p.shelfLifeDays })}${showStock ? ` · ${t('sterile.onShelfCount', { count: p.onShelf })}` : ''}`,
    }));
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }} wrap>
              <Form.Item name={[f.name, 'packType']} rules={[{ required: true, message: t('sterile.packTypeRequired') }]} style={{ minWidth: 320 }}>
                <Select showSearch={{ optionFilterProp: 'label' }} loading={loading} options={options} placeholder={t('sterile.packTypePlaceholder')} data-testid={`${name}-type-${i}`} />
              </Form.Item>
              <Form.Item name={[f.name, 'quantity']} rules={[{ required: true, message: t('sterile.quantityRequired') }]}>
                <InputNumber min={1} max={maxQuantity} precision={0} placeholder={t('sterile.quantity')} suffix={t('sterile.packUnit')} style={{ width: 140 }} data-testid={`${name}-quantity-${i}`} />
              </Form.Item>
              {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label={t('sterile.removeLine')} />}
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button type="dashed" onClick={() => add({ quantity: 1 })} icon={<PlusOutlined />} data-testid={`${name}-add`}>
            {t('sterile.addLine')}
          </Button>
          {types && options.length === 0 && <Typography.Paragraph type="warning">{t('sterile.noPackTypes')}</Typography.Paragraph>}
        </>
      )}
    </Form.List>
  );
}
