import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';
import { CareModalPage } from './care-modal-page.ts';

/** 家庭医生签约 (`/contracts/new?residentId=`) and the contract it produces. */
export class CareContractPage {
  constructor(private readonly page: Page) {}

  async waitForForm(): Promise<void> {
    await expectVisible(this.page.getByTestId('contract-form'), 'the contract form');
    await expectVisible(this.page.getByTestId('package-card').first(), 'the service packages');
  }

  packageCard(code: string): Locator {
    return this.page.locator(`[data-testid="package-card"][data-code="${code}"]`);
  }

  async isChecked(code: string): Promise<boolean> {
    return this.packageCard(code).locator('.ant-checkbox-input').isChecked();
  }

  /** Cards greyed out because the resident is not of the package's population. */
  notFitting(): Locator {
    return this.page.locator('[data-testid="package-card"][data-fits="false"]');
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('contract-submit').click();
    await expectVisible(this.page.getByTestId('contract-signed'), 'the signing result');
  }

  items(): Locator {
    return this.page.getByTestId('contract-items').locator('tbody tr.ant-table-row');
  }

  /** 记录服务 on a package item; returns its delivered text afterwards (e.g. `1/2`). */
  async recordService(itemName: string): Promise<string> {
    const row = this.items().filter({ hasText: itemName }).first();
    await row.getByTestId('item-service').click();
    const dialog = new CareModalPage(this.page, this.page.getByTestId('service-form'));
    await dialog.waitOpen('the service dialog');
    await dialog.confirm();
    await expectVisible(row.getByTestId('item-delivered').getByText(/^[1-9]\d*\//), `${itemName} delivered`);
    return (await row.getByTestId('item-delivered').innerText()).trim();
  }

  async backToRecord(): Promise<void> {
    await this.page.getByTestId('back-to-record').click();
  }
}
