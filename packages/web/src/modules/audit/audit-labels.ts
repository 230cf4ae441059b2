import { useTranslation } from 'react-i18next';

/** Chinese (or English) name of an audit action; the raw code when unknown. */
export function useAuditActionLabel(): (action: string) => string {
  const { t } = useTranslation();
  // Action codes contain dots, so look them up in the block rather than as nested i18n keys.
  const labels = t('audit.actions', { returnObjects: true }) as Record<string, string>;
  return (action: string) => labels[action] ?? action;
}

/** Purposes the server records by itself are codes (care, access_grant); people write Chinese. */
export function usePurposeLabel(): (purpose: string | null) => string | null {
  const { t } = useTranslation();
  const labels = t('audit.purposes', { returnObjects: true }) as Record<string, string>;
  return (purpose: string | null) => (purpose === null ? null : (labels[purpose] ?? purpose));
}
