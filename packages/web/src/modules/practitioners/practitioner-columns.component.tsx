import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PractitionerView } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { orDash } from '../../shared/i18n/format.ts';

/** Staff table columns, shared by the staff list and the organisation detail. */
export function usePractitionerColumns(opts: { showOrganization: boolean }): DataColumn<PractitionerView>[] {
  const { t } = useTranslation();
  const cols: DataColumn<PractitionerView>[] = [
    { title: t('field.personName'), dataIndex: 'name', render: (_: unknown, p) => <Link to={`/practitioners/${p.id}`}>{p.name}</Link> },
    { title: t('field.sex'), dataIndex: 'sex', render: (v: string | null) => (v ? t(`sex.${v}`) : '—'), exportValue: (p) => (p.sex ? t(`sex.${p.sex}`) : '') },
    { title: t('practitioners.titleLabel'), dataIndex: 'title', render: (v: string) => t(`title.${v}`), exportValue: (p) => t(`title.${p.title}`) },
    { title: t('practitioners.department'), dataIndex: 'departmentName', render: (v: string | null) => orDash(v) },
    { title: t('practitioners.specialty'), dataIndex: 'specialty', render: (v: string | null) => orDash(v) },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string | null) => orDash(v) },
  ];
  if (opts.showOrganization) cols.splice(3, 0, { title: t('field.organization'), dataIndex: 'organizationName' });
  return cols;
}
