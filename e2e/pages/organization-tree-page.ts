import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 机构树. */
export class OrganizationTreePage {
  constructor(private readonly page: Page) {}

  async waitForTree(): Promise<void> {
    await expectVisible(this.page.getByTestId('org-tree').locator('tbody tr.ant-table-row'), 'rows of the organisation tree');
  }

  /** The row of the first unit tagged with `kindLabel` (e.g. 牵头医院). */
  rowOfKind(kindLabel: string) {
    return this.page.getByTestId('org-tree').locator('tbody tr.ant-table-row').filter({ has: this.page.locator('.ant-tag', { hasText: kindLabel }) });
  }

  /** Rows one level below a root (a township centre under the lead hospital). */
  childRows() {
    return this.page.getByTestId('org-tree').locator('tbody tr.ant-table-row-level-1');
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('org-search').locator('input');
    await box.fill(text);
    await box.press('Enter');
  }
}
