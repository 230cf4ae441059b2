import type { Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/** The signed-in layout: sidebar menu and the user menu. */
export class AppShellPage {
  constructor(private readonly page: Page) {}

  async openMenu(label: string): Promise<void> {
    await this.page.getByTestId('side-menu').getByRole('link', { name: label, exact: true }).click();
  }

  menuLabels(): Promise<string[]> {
    return this.page.getByTestId('side-menu').getByRole('menuitem').allInnerTexts();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByRole('menuitem', { name: '退出登录' }).click();
    await expectVisible(this.page.getByTestId('login-form'), 'the login form after logout');
  }
}
