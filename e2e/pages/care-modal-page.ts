import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/**
 * An antd dialog holding `form`. A click on its OK button while the dialog is still zooming in
 * can be lost, so the helper waits for the animation to end first.
 */
export class CareModalPage {
  constructor(
    private readonly page: Page,
    private readonly form: Locator,
  ) {}

  async waitOpen(what: string): Promise<void> {
    await expectVisible(this.form, what);
    await this.page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-fade-appear, .ant-fade-enter'));
  }

  /** Presses the dialog's primary button and waits for the dialog to close. */
  async confirm(): Promise<void> {
    const dialog = this.page.locator('.ant-modal').filter({ has: this.form });
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await this.form.waitFor({ state: 'detached' });
  }
}
