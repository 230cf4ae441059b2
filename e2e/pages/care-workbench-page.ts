import type { Locator, Page } from 'playwright-core';
import { expectVisible } from '../support.ts';
import { CareFollowUpPage } from './care-follow-up-page.ts';
import { CareModalPage } from './care-modal-page.ts';

type ListKey = 'today' | 'week' | 'overdue' | 'contracts';
const TAB_LABELS: Record<ListKey, string> = { today: '今日待随访', week: '本周待随访', overdue: '超期未随访', contracts: '我的签约居民' };

/** 工作台 of a village doctor: due and overdue lists, contracted residents, quick follow-up. */
export class CareWorkbenchPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/workbench');
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await expectVisible(this.page.getByTestId('quick-follow-up'), 'the quick follow-up card');
  }

  async openList(key: ListKey): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${TAB_LABELS[key]}`) }).click();
    await expectVisible(this.list(key).locator('tbody tr:not(.ant-table-measure-row)').first(), `the ${TAB_LABELS[key]} list`);
    await this.list(key).locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
  }

  list(key: ListKey): Locator {
    return this.page.getByTestId(key === 'contracts' ? 'my-contracts' : `worklist-${key}`);
  }

  row(key: ListKey, name: string): Locator {
    return this.list(key).locator('tbody tr.ant-table-row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The count shown on a list's tab, e.g. 超期未随访 (27) → 27. */
  async count(key: ListKey): Promise<number> {
    const label = await this.page.getByRole('tab', { name: new RegExp(`^${TAB_LABELS[key]}`) }).innerText();
    const m = /\((\d+)\)/.exec(label);
    if (!m) throw new Error(`no count in the tab ${label}`);
    return Number(m[1]);
  }

  /** Every resident name of a list, through all its pages (the list shows 10 a page). */
  async names(key: ListKey): Promise<string[]> {
    const list = this.list(key);
    const first = list.locator('.ant-pagination-item-1');
    if (await first.count()) await first.click();
    const names: string[] = [];
    for (let i = 0; i < 100; i++) {
      names.push(...(await list.getByTestId(key === 'contracts' ? 'contract-resident' : 'worklist-resident').allInnerTexts()).map((s) => s.trim()));
      const next = list.locator('.ant-pagination-next');
      if (!(await next.count()) || (await next.getAttribute('aria-disabled')) === 'true') break;
      await next.click();
    }
    if (await first.count()) await first.click();
    return names;
  }

  /** Goes to the page of the list that shows `name` (the list is paginated). */
  async findRow(key: ListKey, name: string): Promise<Locator> {
    const list = this.list(key);
    const first = list.locator('.ant-pagination-item-1');
    if (await first.count()) await first.click();
    for (let i = 0; i < 100; i++) {
      const row = this.row(key, name);
      if (await row.count()) return row.first();
      const next = list.locator('.ant-pagination-next');
      if (!(await next.count()) || (await next.getAttribute('aria-disabled')) === 'true') break;
      await next.click();
    }
    throw new Error(`${name} is not in the ${TAB_LABELS[key]} list`);
  }

  /** Presses 随访 on a patient's row: the quick entry opens with the patient chosen. */
  async followUpFromList(key: ListKey, name: string): Promise<CareFollowUpPage> {
    await (await this.findRow(key, name)).getByTestId('worklist-follow-up').click();
    const quick = this.page.getByTestId('quick-follow-up');
    await expectVisible(quick.getByText(name, { exact: true }), `${name} in the quick follow-up`);
    return new CareFollowUpPage(this.page, quick);
  }

  /** 电话随访 on an overdue row: records the outcome in the dialog. */
  async recordCall(name: string, outcome: string): Promise<void> {
    await (await this.findRow('overdue', name)).getByTestId('worklist-call').click();
    const form = this.page.getByTestId('call-form');
    const dialog = new CareModalPage(this.page, form);
    await dialog.waitOpen('the phone call dialog');
    await form.getByText(outcome, { exact: true }).click();
    await dialog.confirm();
  }
}
