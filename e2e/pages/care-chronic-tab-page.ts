import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';
import { chooseOption } from './antd-select.ts';
import { CareFollowUpPage } from './care-follow-up-page.ts';
import { CareModalPage } from './care-modal-page.ts';

/** The record's 慢病管理 tab: enrolments, trends, follow-up history, 纳入管理 and 新增随访. */
export class CareChronicTabPage {
  constructor(private readonly page: Page) {}

  async waitLoaded(): Promise<void> {
    await expectVisible(this.page.getByTestId('chronic-tab'), 'the 慢病管理 tab');
  }

  enrolment(disease: string): Locator {
    return this.page.getByTestId('enrolments').locator('tbody tr.ant-table-row').filter({ hasText: disease });
  }

  /** 纳入管理 for a disease, unless already enrolled. */
  async enrolIfNeeded(disease: string, unit?: string): Promise<void> {
    if (await this.enrolment(disease).count()) return;
    await this.page.getByTestId('chronic-enroll').click();
    const form = this.page.getByTestId('enroll-form');
    const dialog = new CareModalPage(this.page, form);
    await dialog.waitOpen('the enrolment dialog');
    const choice = form.getByTestId('enroll-disease').locator('label').filter({ hasText: disease });
    await choice.click();
    await expectVisible(form.locator('.ant-radio-button-wrapper-checked').filter({ hasText: disease }), `${disease} chosen`);
    if (unit) await chooseOption(this.page, form.getByTestId('enroll-unit'), unit, unit);
    await dialog.confirm();
    await expectVisible(this.enrolment(disease), `the ${disease} enrolment`);
  }

  /** 新增随访 on an enrolment: the drawer with the form. */
  async newFollowUp(disease: string): Promise<CareFollowUpPage> {
    await this.enrolment(disease).getByTestId('enrolment-follow-up').click();
    const drawer = this.page.getByTestId('followup-drawer');
    await expectVisible(drawer.getByTestId('followup-form'), 'the follow-up drawer');
    return new CareFollowUpPage(this.page, drawer);
  }

  async closeDrawer(): Promise<void> {
    await this.page.getByTestId('followup-drawer').getByTestId('fu-next').click();
    await this.page.getByTestId('followup-drawer').waitFor({ state: 'detached' });
  }

  historyRows(): Locator {
    return this.page.getByTestId('followup-history').locator('tbody tr.ant-table-row');
  }

  bpChart(): Locator {
    return this.page.getByTestId('fu-bp-chart').locator('canvas');
  }
}
