import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectVisible } from '../support.ts';

/** The 登录 page. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/login');
    await expectVisible(this.page.getByTestId('login-form'), 'the login form');
  }

  async submit(username: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.locator('#login-username').fill(username);
    await this.page.locator('#login-password').fill(password);
    await this.page.getByRole('button', { name: /登\s*录/ }).click();
  }

  /** Logs in and waits for the signed-in shell. */
  async loginAs(username: string): Promise<void> {
    await this.open();
    await this.submit(username);
    await expectVisible(this.page.getByTestId('user-menu'), `the signed-in shell for ${username}`);
  }

  errorText(): Promise<string | null> {
    return this.page.getByTestId('login-error').textContent();
  }

  demoHint() {
    return this.page.getByTestId('demo-hint');
  }
}
