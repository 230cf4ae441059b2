import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 审计日志. */
export class AuditPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/audit');
    await expectVisible(this.page.getByTestId('audit-filter'), 'the audit filters');
  }

  async filterByResident(residentId: string): Promise<void> {
    await this.page.getByPlaceholder('居民ID').fill(residentId);
    await this.page.getByTestId('audit-filter').getByRole('button', { name: /搜\s*索/ }).click();
  }

  rows() {
    return this.page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  }
}
