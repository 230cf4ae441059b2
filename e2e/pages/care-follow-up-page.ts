import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** The follow-up form (workbench quick entry or the record's 新增随访 drawer) and its result. */
export class CareFollowUpPage {
  constructor(
    private readonly page: Page,
    private readonly scope: Locator = page.locator('body'),
  ) {}

  async fillBloodPressure(sbp: number, dbp: number): Promise<void> {
    await expectVisible(this.scope.getByTestId('followup-form'), 'the follow-up form');
    await this.scope.getByTestId('fu-sbp').fill(String(sbp));
    await this.scope.getByTestId('fu-dbp').fill(String(dbp));
  }

  preview(): Locator {
    return this.scope.getByTestId('fu-preview');
  }

  /** Submits and waits for the server's decision. */
  async submit(): Promise<void> {
    await this.scope.getByTestId('fu-submit').click();
    await expectVisible(this.result(), 'the follow-up result');
  }

  result(): Locator {
    return this.scope.getByTestId('fu-result');
  }

  async classification(): Promise<string> {
    return (await this.result().getByTestId('classification-tag').innerText()).trim();
  }

  async nextStep(): Promise<string> {
    return (await this.result().getByTestId('next-step-tag').innerText()).trim();
  }

  async nextDueDate(): Promise<string> {
    return (await this.result().getByTestId('fu-next-due').innerText()).trim();
  }

  proposal(): Locator {
    return this.result().getByTestId('referral-proposal');
  }

  /** 立即发起转诊 on the proposal; returns the pickup code shown. */
  async referAsProposed(): Promise<string> {
    await this.proposal().getByTestId('proposal-create').click();
    const created = this.proposal().getByTestId('proposal-created');
    await expectVisible(created, 'the submitted referral');
    const m = /取号码\s*([A-Z2-9]{8})/.exec(await created.innerText());
    if (!m) throw new Error(`no pickup code in ${await created.innerText()}`);
    return m[1]!;
  }
}
