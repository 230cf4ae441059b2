import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PackDetailView } from '@yigong/contracts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { packSteps } from './pack-steps.ts';

/** 灭菌 → 放行 → 发放 → 使用 (on a patient), or ending in 退回 / 过期 / 召回 in red; when and where under each. */
export function PackSteps({ p }: { p: PackDetailView }) {
  const { t } = useTranslation();
  return (
    <Steps
      size="small"
      data-testid="pack-steps"
      items={packSteps(p.status, p.events).map((s) => ({
        key: s.kind,
        status: s.state,
        title: s.kind === 'used' && s.state === 'finish' && p.residentName ? t('sterile.usedOn', { name: p.residentName }) : t(`sterile.events.${s.kind}`),
        content: s.at ? [formatDateTime(s.at), s.organizationName].filter(Boolean).join(' · ') : undefined,
      }))}
    />
  );
}
