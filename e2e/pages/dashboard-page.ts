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
    await expectVisible(this.card('chronic_standard_mgmt_rate').getByTestId('indicator-value'), 'the two-disease card');
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

  /** Clicks "分子 …" or "分母 …" under a card's value: the encounters behind that part. */
  async drillDown(code: string, part: 'numerator' | 'denominator'): Promise<void> {
    await this.card(code).getByTestId(`drill-${part}`).click();
  }

  encounterRows(): Locator {
    return this.page.getByTestId('encounter-table').locator('tbody tr.ant-table-row');
  }

  /**
   * Waits until the encounter list shows the answer for this indicator part (not a previous list
   * kept on screen while it loads) and returns the total it states (共 N 条).
   */
  async encounterTotal(code: string, part: 'numerator' | 'denominator'): Promise<number> {
    const total = this.page.locator(`[data-testid="encounter-total"][data-indicator="${code}"][data-part="${part}"]`);
    await expectVisible(total, `the encounter total of ${code} ${part}`, 30_000);
    await this.page.getByTestId('encounter-table').locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 30_000 });
    return Number(await total.getAttribute('data-total'));
  }

  /** Goes to page `n` of the encounter list and waits for its rows. */
  async openEncounterPage(n: number): Promise<void> {
    await this.page.getByTestId('encounter-pagination').getByTitle(String(n), { exact: true }).click();
    await this.page.locator('[data-testid="encounter-pagination"] .ant-pagination-item-active').getByText(String(n), { exact: true }).waitFor();
    await this.page.getByTestId('encounter-table').locator('.ant-spin-spinning').waitFor({ state: 'detached', timeout: 30_000 });
  }
}
