import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogueLevelOf, checkCatalogue, type ReferralDirection } from '@yigong/domain';
import { CatalogueRuleTag } from './referral-tags.component.tsx';
import { useCatalogue } from './referral.resource.ts';

interface Props {
  communityId: string;
  /** Kind of the sending unit: its level picks the catalogue (grassroots or county). */
  fromKind: string | undefined;
  code: string | undefined;
  direction: ReferralDirection;
}

/**
 * 目录提示 while the form is filled in: the community's referral catalogue applied to the primary
 * diagnosis, as the server will apply and store it on submission (docs/domain/referral.md "Catalogue").
 */
export function CatalogueHint({ communityId, fromKind, code, direction }: Props) {
  const { t } = useTranslation();
  const catalogue = useCatalogue(communityId);
  if (!code || !fromKind || !catalogue.data) return null;
  const level = catalogueLevelOf(fromKind);
  const entries = catalogue.data;
  const check = checkCatalogue(entries, level, code);
  const entry = check.matched ? entries.find((e) => e.level === level && `${e.codeFrom}${e.codeFrom === e.codeTo ? '' : `–${e.codeTo}`}` === check.range) : undefined;
  const needsReason = direction === 'up' && check.rule === 'may_treat';
  return (
    <Alert
      data-testid="catalogue-hint"
      type={needsReason ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <Space wrap size={4}>
          <span>{t('referral.catalogueHint', { level: t(`catalogue.levels.${level}`), code })}</span>
          <CatalogueRuleTag rule={check.rule} />
          {check.range && <Typography.Text type="secondary">{t('referral.catalogueRange', { range: check.range })}</Typography.Text>}
        </Space>
      }
      description={
        entry?.note || needsReason ? (
          <>
            {entry?.note && <div>{entry.note}</div>}
            {needsReason && <Typography.Text strong>{t('referral.mayTreatNeedsReason')}</Typography.Text>}
          </>
        ) : undefined
      }
    />
  );
}
