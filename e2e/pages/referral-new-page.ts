import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';
import { chooseOption } from './antd-select.ts';

/** The 发起转诊 drawer (from the resident record or a completed up-referral). */
export class ReferralNewPage {
  constructor(private readonly page: Page) {}

  private form() {
    return this.page.getByTestId('referral-form');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('new-referral').click();
    await expectVisible(this.form(), 'the new referral form');
  }

  async chooseDirection(label: string): Promise<void> {
    await this.page.getByTestId('referral-direction').getByText(label, { exact: true }).click();
  }

  async chooseUnit(name: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId('referral-to'), name, name);
  }

  async chooseDepartment(name: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId('referral-department'), name, name);
  }

  async choosePrimaryDiagnosis(code: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId('referral-primary'), new RegExp(`^${code} `), code);
  }

  async fill(fields: { reason: string; history?: string; treatment?: string }): Promise<void> {
    await this.page.getByTestId('referral-reason').fill(fields.reason);
    if (fields.history) await this.page.getByTestId('referral-history').fill(fields.history);
    if (fields.treatment) await this.page.getByTestId('referral-treatment').fill(fields.treatment);
  }

  /** The first slot with a free reserved place (`预留 n/m` with n > 0); returns its availability text. */
  async chooseReservedSlot(): Promise<string> {
    const option = this.page.getByTestId('slot-option').filter({ has: this.page.getByTestId('slot-availability').getByText(/预留 [1-9]\d*\/\d+/) }).first();
    await expectVisible(option, 'a slot with a free reserved place');
    const text = (await option.getByTestId('slot-availability').innerText()).trim();
    await option.click();
    await expectVisible(this.page.locator('[data-testid="slot-option"][aria-checked="true"]'), 'the chosen slot');
    return text;
  }

  catalogueHint() {
    return this.page.getByTestId('catalogue-hint');
  }

  /** Submits and returns the pickup code shown with the result. */
  async submit(): Promise<string> {
    await this.page.getByTestId('referral-submit').click();
    const code = this.page.getByTestId('referral-submitted').getByTestId('pickup-code');
    await expectVisible(code, 'the pickup code after submitting');
    return (await code.innerText()).trim();
  }

  submittedRule() {
    return this.page.getByTestId('referral-submitted').getByTestId('catalogue-rule');
  }

  async openPrint(): Promise<void> {
    await this.page.getByTestId('print-referral').click();
  }

  async openDetail(): Promise<void> {
    await this.page.getByTestId('open-referral').click();
  }
}
