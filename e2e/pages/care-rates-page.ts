import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 慢病管理指标: community cards against the policy targets, the chart and the table by unit. */
export class CareRatesPage {
  constructor(private readonly page: Page) {}

  card(testId: 'card-hypertension' | 'card-diabetes' | 'card-combined' | 'card-signing'): Locator {
    return this.page.getByTestId(testId);
  }

  /** The percentage shown for a rate of a card, e.g. `33.6%`. */
  async rate(card: 'card-hypertension' | 'card-diabetes' | 'card-combined' | 'card-signing', rate: string): Promise<string> {
    return (await this.card(card).getByTestId(rate).getByTestId('rate-value').innerText()).trim();
  }

  /** Waits for every part; the signing card is asked for last, after the chronic rates. */
  async waitLoaded(signingTimeout = 30_000): Promise<void> {
    await expectVisible(this.card('card-combined').getByTestId('standard-rate'), 'the two-disease card', 30_000);
    await expectVisible(this.page.getByTestId('unit-rates').locator('tbody tr.ant-table-row').first(), 'the table by unit', 30_000);
    await expectVisible(this.page.getByTestId('unit-rates-chart').locator('canvas'), 'the chart by unit');
    await expectVisible(this.card('card-signing').getByTestId('signing-rate'), 'the signing rates', signingTimeout);
  }

  unitRows(): Locator {
    return this.page.getByTestId('unit-rates').locator('tbody tr.ant-table-row');
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByTestId('unit-rates').locator('th').filter({ hasText: column }).first().click();
  }

  /** Clicking a header scrolls the wide table; back to its first columns. */
  async scrollTableLeft(): Promise<void> {
    await this.page.getByTestId('unit-rates').locator('.ant-table-content, .ant-table-body').first().evaluate((el) => el.scrollTo(0, 0));
  }

  exportButton(): Locator {
    return this.page.getByTestId('unit-rates').getByRole('button', { name: /导出 Excel/ });
  }
}
