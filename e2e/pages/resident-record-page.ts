import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 居民健康档案. */
export class ResidentRecordPage {
  constructor(private readonly page: Page) {}

  async waitLoaded(): Promise<void> {
    await expectVisible(this.page.getByTestId('resident-header'), 'the record header');
  }

  async maskedId(): Promise<string> {
    return (await this.page.getByTestId('record-id-masked').innerText()).trim();
  }

  async openTab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
  }

  residentId(): string {
    const m = /\/residents\/([0-9a-f-]{36})/.exec(this.page.url());
    if (!m) throw new Error(`not on a record page: ${this.page.url()}`);
    return m[1]!;
  }

  grantRequestForm() {
    return this.page.getByTestId('grant-request');
  }

  noAccess() {
    return this.page.getByTestId('no-access');
  }
}
