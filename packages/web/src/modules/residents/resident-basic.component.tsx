import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ResidentRecord } from '@yigong/contracts';
import { formatDate, formatDateTime, orDash } from '../../shared/i18n/format.ts';

/** 基本信息 tab. */
export function ResidentBasic({ r }: { r: ResidentRecord }) {
  const { t } = useTranslation();
  const f = r.flags ?? {};
  const flags = [
    f.disabled && t('record.flagDisabled'),
    f.specialFamilyPlanning && t('record.flagSfp'),
    f.poverty && t('record.flagPoverty'),
    f.pregnancyDueDate && `${t('record.flagDue')} ${f.pregnancyDueDate}`,
    f.deliveryDate && `${t('record.flagDelivery')} ${f.deliveryDate}`,
  ].filter(Boolean);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('field.personName'), children: r.name },
        { key: 'sex', label: t('field.sex'), children: t(`sex.${r.sex}`) },
        { key: 'birth', label: t('record.birthDate'), children: formatDate(r.birthDate) },
        { key: 'age', label: t('field.age'), children: r.age },
        { key: 'id', label: t('residents.idMasked'), children: <span style={{ fontFamily: 'monospace' }}>{r.idNumber ?? r.idNumberMasked}</span> },
        { key: 'phone', label: t('field.phone'), children: orDash(r.phone) },
        { key: 'address', label: t('field.address'), children: orDash(r.address), span: 2 },
        { key: 'insurance', label: t('residents.insurance'), children: t(`insurance.${r.insuranceScheme}`) },
        { key: 'status', label: t('field.status'), children: t(`residentStatus.${r.status}`) },
        { key: 'flags', label: t('record.flags'), children: flags.length ? flags.join('、') : '—', span: 2 },
        { key: 'created', label: t('field.createdAt'), children: formatDateTime(r.createdAt) },
        { key: 'updated', label: t('record.updatedAt'), children: formatDateTime(r.updatedAt) },
      ]}
    />
  );
}
