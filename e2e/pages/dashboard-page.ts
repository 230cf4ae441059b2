import type { Download, Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 驾驶舱: indicator cards, trend, member-unit ranking, top out-of-county diseases, the regulator's comparison. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  card(code: string): Locator {
    return this.page.getByTestId(`card-${code}`);
  }

  async cardValue(code: string): Promise<string> {
    return (await this.card(code).getByTestId('indicator-value').innerText()).trim();
  }

  rankingRows(): Locator {
    return this.page.getByTestId('unit-ranking').locator('tbody tr.ant-table-row');
  }

  comparisonRows(): Locator {
    return this.page.getByTestId('community-comparison').locator('tbody tr.ant-table-row');
  }

  /** Waits for the cards, the trend chart, the ranking and the disease table. */
  async waitLoaded(): Promise<void> {
    await expectVisible(this.page.getByTestId('indicator-cards'), 'the indicator cards', 30_000);
    await expectVisible(this.page.getByTestId('trend-chart').locator('canvas'), 'the trend chart', 30_000);
    await expectVisible(this.rankingRows(), 'the member-unit ranking', 30_000);
    await expectVisible(this.page.getByTestId('out-county-table').locator('tbody tr.ant-table-row'), 'the top out-of-county diseases');
    await expectVisible(this.card('combined-standard').getByTestId('indicator-value'), 'the two-disease card');
  }

  /** Clicks 导出 Excel of a table and returns the download. */
  async exportExcel(tableTestId: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 20_000 }),
      this.page.getByTestId(tableTestId).getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    return download;
  }

  async openUnit(name: string): Promise<void> {
    await this.rankingRows().filter({ hasText: name }).getByTestId('unit-link').click();
  }
}
