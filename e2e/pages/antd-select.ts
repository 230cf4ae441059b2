import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';

/**
 * Picks an option of an antd Select: opens it, types `search` when given (search selects), and
 * clicks the visible option containing `text` (dropdowns render in a portal under <body>). A
 * search select re-renders its options when a (debounced) search answers; on a loaded machine
 * the click can land on a list that is being replaced, so the pick is checked on the select
 * itself and tried again (at most three times).
 */
export async function chooseOption(page: Page, select: Locator, text: string | RegExp, search?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search !== undefined) await select.locator('input').fill(search);
    const option = page.locator('.ant-select-item-option').filter({ hasText: text }).filter({ visible: true }).first();
    await expectVisible(option, `the option ${String(text)}`);
    await option.click();
    // Chosen: the select shows it as text (a typed search is an input value, not text).
    const want = search ?? text;
    const shows = async () => {
      const shown = (await select.textContent()) ?? '';
      return typeof want === 'string' ? shown.includes(want) : want.test(shown);
    };
    for (let i = 0; i < 30 && !(await shows()); i++) await page.waitForTimeout(100);
    if (await shows()) return;
    if (attempt >= 3) throw new Error(`the option ${String(text)} was clicked but not chosen`);
  }
}
