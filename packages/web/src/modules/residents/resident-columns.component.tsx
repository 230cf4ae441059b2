import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ResidentListItem } from '@yigong/contracts';
import type { DataColumn } from '../../shared/components/data-table.component.tsx';
import { KeyPopulationTags } from '../../shared/components/tags.component.tsx';
import { orDash } from '../../shared/i18n/format.ts';

/** Resident list columns (search results). */
export function useResidentColumns(): DataColumn<ResidentListItem>[] {
  const { t } = useTranslation();
  return [
    { title: t('field.personName'), dataIndex: 'name', render: (_: unknown, r) => <Link to={`/residents/${r.id}`} data-testid="resident-link">{r.name}</Link> },
    { title: t('field.sex'), dataIndex: 'sex', render: (v: string) => t(`sex.${v}`), exportValue: (r) => t(`sex.${r.sex}`) },
    { title: t('field.age'), dataIndex: 'age', align: 'right' },
    {
      title: t('residents.idMasked'),
      dataIndex: 'idNumberMasked',
      render: (v: string) => <span style={{ fontFamily: 'monospace' }} data-testid="id-masked">{v}</span>,
    },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string | null) => orDash(v) },
    { title: t('residents.unit'), dataIndex: 'organizationName' },
    {
      title: t('residents.keyPopulations'),
      dataIndex: 'keyPopulations',
      render: (_: unknown, r) => <KeyPopulationTags tags={r.keyPopulations} />,
      exportValue: (r) => r.keyPopulations.map((k) => t(`keyPopulation.${k}`)).join('、'),
    },
  ];
}
