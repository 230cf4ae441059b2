import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KeyPopulationTag, OrganizationKind } from '@yigong/domain';

/** One colour per key population, so a list of residents reads at a glance. */
const KEY_POPULATION_COLOURS: Record<KeyPopulationTag, string> = {
  elderly_65: 'orange',
  child_0_6: 'cyan',
  maternal: 'magenta',
  hypertension: 'red',
  diabetes_t2: 'volcano',
  tuberculosis: 'purple',
  severe_mental: 'geekblue',
  disabled: 'gold',
  special_family_planning: 'lime',
  poverty: 'blue',
};

export function KeyPopulationTags({ tags }: { tags: readonly KeyPopulationTag[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return <span>—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {tags.map((tag) => (
        <Tag key={tag} color={KEY_POPULATION_COLOURS[tag] ?? 'default'}>
          {t(`keyPopulation.${tag}`)}
        </Tag>
      ))}
    </Space>
  );
}

const ORG_KIND_COLOURS: Partial<Record<OrganizationKind, string>> = {
  lead_hospital: 'red',
  county_hospital: 'volcano',
  tcm_hospital: 'green',
  maternal_child_hospital: 'magenta',
  township_center: 'blue',
  community_center: 'geekblue',
  community_station: 'cyan',
  village_clinic: 'gold',
  collaborating_hospital: 'purple',
  cdc: 'orange',
};

export function OrgKindTag({ kind }: { kind: OrganizationKind }) {
  const { t } = useTranslation();
  return <Tag color={ORG_KIND_COLOURS[kind] ?? 'default'}>{t(`orgKind.${kind}`)}</Tag>;
}

const STATUS_COLOURS: Record<string, string> = {
  pending: 'processing',
  active: 'success',
  rejected: 'error',
  revoked: 'default',
  open: 'warning',
  linked: 'success',
  kept_apart: 'default',
};

/** A status tag; `ns` is the i18n block (grantStatus, candidateStatus, residentStatus). */
export function StatusTag({ ns, status }: { ns: string; status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status] ?? 'default'}>{t(`${ns}.${status}`, { defaultValue: status })}</Tag>;
}
