import type { Download, Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** The insurance pages (issue #12): budget and policy, settlements, appraisal, DIP, scenarios. */
export class InsurancePage {
  constructor(private readonly page: Page) {}

  /** An antd InputNumber by its test id (the id lands on the <input> itself). */
  numberInput(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async waitBudget(): Promise<void> {
    await expectVisible(this.page.getByTestId('budget-cards'), 'the budget cards', 30_000);
    await expectVisible(this.page.getByTestId('budget-chart').locator('canvas'), 'the burn chart', 30_000);
    await expectVisible(this.page.getByTestId('budget-months').locator('tbody tr.ant-table-row'), 'the months table');
  }

  cardValue(testId: string): Promise<string> {
    return this.page.getByTestId(testId).getByTestId('money-value').innerText();
  }

  async openTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  settlementRows(): Locator {
    return this.page.getByTestId('settlement-list').locator('tbody tr.ant-table-row');
  }

  /** Waits for the detail of a settlement and returns its id. */
  async waitSettlement(): Promise<string> {
    const detail = this.page.getByTestId('settlement-detail');
    await expectVisible(detail, 'the settlement detail', 30_000);
    await expectVisible(this.page.getByTestId('settlement-members').locator('tbody tr.ant-table-row'), 'the member shares');
    await expectVisible(this.page.getByTestId('settlement-waterfall').locator('canvas'), 'the waterfall');
    return (await detail.getAttribute('data-settlement-id'))!;
  }

  async detailStatus(): Promise<string> {
    return (await this.page.getByTestId('settlement-detail').getByTestId('settlement-status').first().innerText()).trim();
  }

  /** 编制结算 for `yearLabel` (e.g. `2026 年`): opens the dialog, picks the year, prepares the draft. */
  async prepareSettlement(yearLabel: string): Promise<void> {
    await this.page.getByTestId('settlement-prepare').click();
    const select = this.page.getByTestId('settlement-prepare-year');
    await expectVisible(select, 'the year of the new settlement');
    await select.click();
    await this.page.locator('.ant-select-item-option').filter({ hasText: yearLabel }).filter({ visible: true }).first().click();
    await this.page.getByRole('button', { name: '编制草稿' }).click();
  }

  /** 确认结算 and OK in the confirmation dialog. */
  async confirmSettlement(): Promise<void> {
    await this.page.getByTestId('settlement-confirm').click();
    const dialog = this.page.locator('.ant-modal-confirm');
    await expectVisible(dialog, 'the confirmation dialog');
    await dialog.getByRole('button', { name: /确认结算/ }).click();
  }

  /** Clicks 导出 Excel of a table and returns the download. */
  async exportExcel(tableTestId: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 20_000 }),
      this.page.getByTestId(tableTestId).getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    return download;
  }

  /** Waits until the what-if shows the answer to the last change (no spinner, no pending debounce). */
  async waitScenarioReady(): Promise<void> {
    await this.page.locator('[data-testid="scenario-comparison"][data-busy="false"]').waitFor({ timeout: 30_000 });
    await expectVisible(this.page.getByTestId('scenario-ready'), 'the comparison up to date', 30_000);
  }

  /** Every member row of the comparison: name, actual share and scenario share in fen. */
  async scenarioShares(): Promise<{ name: string; actual: number; scenario: number }[]> {
    const rows = this.page.getByTestId('scenario-members').locator('tbody tr.ant-table-row');
    const out: { name: string; actual: number; scenario: number }[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push({
        name: (await row.locator('td').first().innerText()).trim(),
        actual: Number(await row.getByTestId('actual-share').getAttribute('data-fen')),
        scenario: Number(await row.getByTestId('scenario-share').getAttribute('data-fen')),
      });
    }
    return out;
  }
}
