import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** 转诊详情: the form, actions, outcome and history of one referral. */
export class ReferralDetailPage {
  constructor(private readonly page: Page) {}

  async waitLoaded(): Promise<void> {
    await expectVisible(this.page.getByTestId('referral-title'), 'the referral detail');
  }

  async expectStatus(label: string): Promise<void> {
    await expectVisible(this.page.getByTestId('referral-status').filter({ hasText: label }), `the status ${label}`);
  }

  /** Clicks an action button (`accept`, `arrive` …), lets `fill` complete its modal, and confirms. */
  async act(action: string, fill?: () => Promise<void>): Promise<void> {
    await this.page.getByTestId(`action-${action}`).click();
    await expectVisible(this.page.getByTestId('action-form'), `the ${action} dialog`);
    if (fill) await fill();
    const confirm = this.page.getByTestId('action-confirm');
    const sent = this.page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/v1/referrals/'), { timeout: 5_000 }).catch(() => null);
    await confirm.click();
    // CI once saw the dialog stay open with nothing sent (a click lost while the dialog still
    // settled): click again only when no request left, so an action is never sent twice.
    if (!(await sent)) await confirm.click();
    await this.page.getByTestId('action-form').waitFor({ state: 'detached' });
  }

  async completeWithOutcome(outcome: { keyResults: string; plan: string; rehabilitation?: string }): Promise<void> {
    await this.act('complete', async () => {
      await this.page.getByTestId('outcome-keyResults').fill(outcome.keyResults);
      await this.page.getByTestId('outcome-plan').fill(outcome.plan);
      if (outcome.rehabilitation) await this.page.getByTestId('outcome-rehabilitation').fill(outcome.rehabilitation);
    });
  }

  timelineEntries() {
    return this.page.getByTestId('referral-timeline').locator('.ant-timeline-item');
  }

  async recordFirstFollowUp(sbp: number, dbp: number): Promise<void> {
    await expectVisible(this.page.getByTestId('follow-up-form'), 'the first follow-up form');
    await this.page.getByTestId('follow-up-sbp').fill(String(sbp));
    await this.page.getByTestId('follow-up-dbp').fill(String(dbp));
    await this.page.getByTestId('follow-up-submit').click();
  }

  async pickupCode(): Promise<string> {
    return (await this.page.getByTestId('pickup-code').innerText()).trim();
  }
}
