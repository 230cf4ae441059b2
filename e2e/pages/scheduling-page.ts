import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 号源日历. */
export class SchedulingPage {
  constructor(private readonly page: Page) {}

  async waitLoaded(): Promise<void> {
    await expectVisible(this.page.getByTestId('occupancy-chart').locator('canvas'), 'the occupancy chart');
    await expectVisible(this.page.getByTestId('slot-table').locator('tbody tr.ant-table-row'), 'rows of the slot table');
  }

  slotRows(text: string) {
    return this.page.getByTestId('slot-table').locator('tbody tr.ant-table-row').filter({ hasText: text });
  }
}
