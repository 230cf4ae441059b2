import type { ReactNode } from 'react';
import { Card, Col, Row, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../shared/i18n/i18n.ts';
import type { BudgetView } from '@yigong/contracts';
import { formatPercent, formatWan, formatYuan } from './insurance-format.ts';

const GREEN = '#389e0d';
const RED = '#cf1322';
const BLUE = '#1668dc';

/** One figure: the label, the amount in 万元 (the exact yuan on hover and below), a note. */
function MoneyCard({ label, fen, colour = BLUE, note, extra, testId }: { label: string; fen: number; colour?: string; note?: ReactNode; extra?: ReactNode; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%', borderTop: `3px solid ${colour}` }} data-testid={testId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        {extra}
      </div>
      <Tooltip title={formatYuan(fen)}>
        <div style={{ fontSize: 24, fontWeight: 600, color: colour, lineHeight: 1.4, whiteSpace: 'nowrap' }} data-testid="money-value">
          {formatWan(fen, currentLanguage())}
        </div>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="money-exact">
        {formatYuan(fen)}
      </Typography.Text>
      {note && <div style={{ fontSize: 12, marginTop: 4 }}>{note}</div>}
    </Card>
  );
}

/**
 * 医保预算 cards: how the budget is made (financing, risk reserve, budget, monthly prepayment) and
 * how it is spent (outlay in and out of county, the position so far, the year-end projection).
 */
export function BudgetCards({ b }: { b: BudgetView }) {
  const { t } = useTranslation();
  const over = b.position < 0;
  const projectedGap = b.budget - b.projection;
  const basis = b.projectionDetail.basis;
  const used = b.budget > 0 ? b.outlay / b.budget : null;
  return (
    <div data-testid="budget-cards">
      <Row gutter={[12, 12]}>
        <Col xs={24} sm={12} xl={6}>
          <MoneyCard label={t('budget.financing')} fen={b.financing} testId="card-financing" note={<Typography.Text type="secondary">{t('budget.financingNote')}</Typography.Text>} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <MoneyCard label={t('budget.riskReserve')} fen={b.riskReserve} colour="#8c8c8c" testId="card-risk-reserve" note={<Typography.Text type="secondary">{t('budget.riskReserveNote')}</Typography.Text>} />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <MoneyCard
            label={t('budget.budget')}
            fen={b.budget}
            testId="card-budget"
            extra={<Tag style={{ marginInlineEnd: 0 }}>{t('budget.policyVersion', { version: b.policyVersion })}</Tag>}
            note={<Typography.Text type="secondary">{t('budget.budgetNote')}</Typography.Text>}
          />
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <MoneyCard
            label={t('budget.monthlyPrepayment')}
            fen={b.monthlyPrepayment}
            testId="card-prepayment"
            note={<Typography.Text type="secondary">{t('budget.atClearing', { amount: formatYuan(b.atClearing) })}</Typography.Text>}
          />
        </Col>
        <Col xs={24} md={8}>
          <MoneyCard
            label={t('budget.outlay')}
            fen={b.outlay}
            colour="#d46b08"
            testId="card-outlay"
            extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('budget.asOf', { date: b.asOf })}</Typography.Text>}
            note={
              <Typography.Text type="secondary">
                {t('budget.inCounty', { amount: formatWan(b.outlayInCounty, currentLanguage()), share: formatPercent(b.outlay > 0 ? b.outlayInCounty / b.outlay : null) })}
                {' · '}
                {t('budget.outOfCounty', { amount: formatWan(b.outlayOutOfCounty, currentLanguage()), share: formatPercent(b.outlay > 0 ? b.outlayOutOfCounty / b.outlay : null) })}
              </Typography.Text>
            }
          />
        </Col>
        <Col xs={24} md={8}>
          <MoneyCard
            label={over ? t('budget.overspentSoFar') : t('budget.surplusSoFar')}
            fen={Math.abs(b.position)}
            colour={over ? RED : GREEN}
            testId="card-position"
            note={<Typography.Text type="secondary">{t('budget.usedShare', { share: formatPercent(used) })}</Typography.Text>}
          />
        </Col>
        <Col xs={24} md={8}>
          <MoneyCard
            label={t('budget.projection')}
            fen={b.projection}
            colour={b.alert ? RED : GREEN}
            testId="card-projection"
            extra={basis && <Tag color={basis === 'seasonal' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>{t(`budget.basis.${basis}`)}</Tag>}
            note={
              <Typography.Text type={projectedGap < 0 ? 'danger' : 'success'}>
                {projectedGap < 0 ? t('budget.projectedOverspend', { amount: formatWan(-projectedGap, currentLanguage()) }) : t('budget.projectedSurplus', { amount: formatWan(projectedGap, currentLanguage()) })}
                <Typography.Text type="secondary">{' · '}{basis ? t('budget.completedMonths', { n: b.projectionDetail.completedMonths }) : t('budget.noProjection')}</Typography.Text>
              </Typography.Text>
            }
          />
        </Col>
      </Row>
    </div>
  );
}
