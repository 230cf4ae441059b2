import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetailView } from '@yigong/contracts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { orderSteps } from './order-steps.ts';

/** 已申请 → 已接收 → 待报告 → 已报告 → 已阅, or 已申请 → 已退回 / 已撤销 in red. */
export function OrderSteps({ o }: { o: OrderDetailView }) {
  const { t } = useTranslation();
  const steps = orderSteps(o);
  return (
    <Steps
      size="small"
      data-testid="order-steps"
      items={steps.map((s) => ({
        key: s.status,
        status: s.state,
        title: t(`diagnostics.statuses.${s.status}`),
        content: s.at ? formatDateTime(s.at) : undefined,
      }))}
    />
  );
}
