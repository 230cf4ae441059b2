import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunitySelection } from './community-context.tsx';

/** Community switcher, shown only when the user can see more than one community. */
export function CommunitySelect({ allowAll, value, onChange }: { allowAll?: boolean; value?: string | null; onChange?: (id: string | null) => void }) {
  const { t } = useTranslation();
  const { communities, communityId, setCommunityId } = useCommunitySelection();
  if (communities.length <= 1) return null;
  const options = communities.map((c) => ({ value: c.id, label: c.name }));
  if (allowAll) options.unshift({ value: '', label: t('action.all') });
  const current = onChange ? (value ?? '') : communityId;
  return (
    <Select
      data-testid="community-select"
      style={{ minWidth: 220 }}
      aria-label={t('communities.select')}
      placeholder={t('communities.select')}
      value={current ?? undefined}
      options={options}
      onChange={(v: string) => (onChange ? onChange(v || null) : setCommunityId(v))}
    />
  );
}
