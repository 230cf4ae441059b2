import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 转诊: incoming / outgoing / all. */
export class ReferralInboxPage {
  constructor(private readonly page: Page) {}

  async open(box: 'incoming' | 'outgoing' | 'all' = 'incoming'): Promise<void> {
    await this.page.goto(`/referrals?box=${box}`);
    await expectVisible(this.page.getByTestId('referral-tabs'), 'the referral tabs');
  }

  /** Waits until the list has loaded and its entry animation is over (for a screenshot). */
  async waitSettled(): Promise<void> {
    await this.page.getByTestId('referral-list').getByRole('button', { name: /导出 Excel/ }).and(this.page.locator(':enabled')).waitFor();
    await this.page.locator('.ant-spin-blur, .ant-motion-collapse').first().waitFor({ state: 'detached' });
  }

  /** The row of a referral, found by its pickup code. */
  row(pickupCode: string) {
    return this.page.getByTestId('referral-list').locator('tbody tr.ant-table-row').filter({ hasText: pickupCode });
  }

  async openReferral(pickupCode: string): Promise<void> {
    const row = this.row(pickupCode);
    await expectVisible(row, `the referral ${pickupCode} in the list`);
    await row.getByTestId('referral-open').click();
  }
}
