import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettlementLevel } from '@yigong/domain';

const LEVEL_TAG_COLOURS: Record<SettlementLevel, string> = { hospital: 'green', center: 'cyan', village: 'lime' };

/** A member's settlement level (docs/domain/insurance.md §4): 县级医院 / 乡镇卫生院 / 村卫生室, or none (the CDC). */
export function LevelTag({ level }: { level: SettlementLevel | null }) {
  const { t } = useTranslation();
  if (!level) return <Tag>{t('insuranceUi.level.none')}</Tag>;
  return <Tag color={LEVEL_TAG_COLOURS[level]}>{t(`insuranceUi.level.${level}`)}</Tag>;
}
