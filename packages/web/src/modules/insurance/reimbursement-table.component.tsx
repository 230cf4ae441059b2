import { Form, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { BASIC_INSURANCE_SCHEMES, CARE_SETTINGS, REIMBURSEMENT_LEVELS, type BasicInsuranceScheme, type CareSetting, type ReimbursementLevel } from '@yigong/domain';
import { PercentInput, YuanInput } from './policy-inputs.component.tsx';

interface Row {
  key: string;
  level: ReimbursementLevel;
  setting: CareSetting;
}

const ROWS: Row[] = REIMBURSEMENT_LEVELS.flatMap((level) => CARE_SETTINGS.map((setting) => ({ key: `${level}.${setting}`, level, setting })));

/**
 * 报销政策: deductible, ratio and annual cap per scheme × level × setting (docs/domain/insurance.md
 * "Reimbursement table"), each cell a form field named as the API names it
 * (`reimbursement.urban_employee.center.inpatient.ratio`).
 */
export function ReimbursementTable({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const cell = (scheme: BasicInsuranceScheme, part: 'deductible' | 'ratio' | 'annualCap') => (_: unknown, r: Row) => (
    <Form.Item name={['reimbursement', scheme, r.level, r.setting, part]} rules={[{ required: true, message: t('policy.required') }]} style={{ marginBottom: 0, width: part === 'ratio' ? 96 : 124 }}>
      {part === 'ratio' ? (
        <PercentInput size="small" disabled={disabled} aria-label={`${t(`insuranceUi.scheme.${scheme}`)} ${t(`insuranceUi.reimbursementLevel.${r.level}`)} ${t(`insuranceUi.setting.${r.setting}`)} ${t('policy.ratio')}`} />
      ) : (
        <YuanInput size="small" disabled={disabled} aria-label={`${t(`insuranceUi.scheme.${scheme}`)} ${t(`insuranceUi.reimbursementLevel.${r.level}`)} ${t(`insuranceUi.setting.${r.setting}`)} ${t(`policy.${part}`)}`} />
      )}
    </Form.Item>
  );
  const columns: ColumnsType<Row> = [
    {
      title: t('policy.level'),
      key: 'level',
      fixed: 'left',
      width: 120,
      render: (_: unknown, r) => t(`insuranceUi.reimbursementLevel.${r.level}`),
      onCell: (r) => ({ rowSpan: r.setting === CARE_SETTINGS[0] ? CARE_SETTINGS.length : 0 }),
    },
    { title: t('policy.setting'), key: 'setting', width: 70, render: (_: unknown, r) => t(`insuranceUi.setting.${r.setting}`) },
    ...BASIC_INSURANCE_SCHEMES.map((scheme) => ({
      title: t(`insuranceUi.scheme.${scheme}`),
      key: scheme,
      children: [
        { title: t('policy.deductible'), key: `${scheme}.deductible`, render: cell(scheme, 'deductible') },
        { title: t('policy.ratio'), key: `${scheme}.ratio`, render: cell(scheme, 'ratio') },
        { title: t('policy.annualCap'), key: `${scheme}.annualCap`, render: cell(scheme, 'annualCap') },
      ],
    })),
  ];
  return <Table<Row> size="small" bordered pagination={false} columns={columns} dataSource={ROWS} scroll={{ x: 'max-content' }} data-testid="reimbursement-table" />;
}
