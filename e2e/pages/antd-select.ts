import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/**
 * Picks an option of an antd Select: opens it, types `search` when given (search selects), and
 * clicks the visible option containing `text` (dropdowns render in a portal under <body>).
 */
export async function chooseOption(page: Page, select: Locator, text: string | RegExp, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.locator('input').fill(search);
  const option = page.locator('.ant-select-item-option').filter({ hasText: text }).filter({ visible: true }).first();
  await expectVisible(option, `the option ${String(text)}`);
  await option.click();
}
