import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 居民 search. */
export class ResidentSearchPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/residents');
    await expectVisible(this.page.getByTestId('resident-search'), 'the resident search box');
  }

  async search(q: string): Promise<void> {
    const box = this.page.getByTestId('resident-search').locator('input');
    await box.fill(q);
    await box.press('Enter');
  }

  async firstResultName(): Promise<string> {
    const link = this.page.getByTestId('resident-link').first();
    await expectVisible(link, 'a resident in the results');
    return (await link.innerText()).trim();
  }

  async openResult(name: string): Promise<void> {
    await this.page.getByTestId('resident-link').filter({ hasText: name }).first().click();
  }
}
