import type { E2eTest } from './support.ts';
import { apiAs, expectVisible, screenshot } from './support.ts';
import { LoginPage } from './pages/login-page.ts';
import { ResidentRecordPage } from './pages/resident-record-page.ts';

interface Community {
  id: string;
  name: string;
}

/** A first-community resident, found through the admin's API (set-up only). */
async function residentOutsideCommunityOf(baseUrl: string, username: string): Promise<string> {
  const admin = await apiAs(baseUrl, 'admin');
  const other = await apiAs(baseUrl, username);
  const { items: communities } = await admin.get<{ items: Community[] }>('/communities');
  const foreign = communities.find((c) => c.id !== other.user.scope.communityId);
  if (!foreign) throw new Error('the demo data has a single community');
  const { items } = await admin.get<{ items: { id: string }[] }>(`/residents?communityId=${foreign.id}&limit=1`);
  if (!items[0]) throw new Error(`no resident in ${foreign.name}`);
  return items[0].id;
}

/** vdoc2 (second community) cannot open a first-community record; it gets the 授权调阅 form. */
const villageDoctorOfOtherCommunityGetsGrantForm: E2eTest = async ({ page, baseUrl }) => {
  const residentId = await residentOutsideCommunityOf(baseUrl, 'vdoc2');
  await new LoginPage(page).loginAs('vdoc2');
  await page.goto(`/residents/${residentId}`);
  const record = new ResidentRecordPage(page);
  await expectVisible(record.grantRequestForm().or(record.noAccess()), 'the 授权调阅 form or a no-access notice');
  if (await page.getByTestId('resident-header').count()) throw new Error('the record header must not be shown');
  await expectVisible(page.getByText('该档案不在您的管辖范围内').or(page.getByText('无权访问该档案')), 'the out-of-scope message');
  await screenshot(page, 'out-of-scope');

  // Asking for access across communities waits for that community's approval.
  if (await record.grantRequestForm().count()) {
    await page.getByLabel('调阅理由').fill('患者转诊至本村，需了解既往病史');
    await page.getByRole('button', { name: '申请授权调阅' }).click();
    await expectVisible(page.getByTestId('grant-submitted'), 'the submitted request');
  }
};

/**
 * 紧急调阅复核: the manager finds the demo's pending break-the-glass reads, questions one with a
 * note, and it moves to 存疑 with the note and reviewer shown.
 */
const managerReviewsBreakGlass: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('manager');
  await page.getByRole('menuitem', { name: '紧急调阅复核' }).click();
  const table = page.getByTestId('break-glass-table');
  await expectVisible(table.locator('tbody tr').filter({ hasText: '待复核' }), 'a pending break-glass read');
  await screenshot(page, 'break-glass-queue');
  const row = table.locator('tbody tr').filter({ hasText: '急诊抢救' });
  const resident = (await row.locator('td').first().textContent())!.trim();
  await row.getByTestId('break-glass-review').click();
  await page.getByRole('dialog').getByText('存疑', { exact: true }).click();
  await page.getByTestId('break-glass-save').click();
  await expectVisible(page.getByText('判定存疑须写明理由'), 'the note required for a questioned read');
  await page.getByTestId('break-glass-note').fill('调阅次数多于抢救所需，请科室说明');
  await page.getByTestId('break-glass-save').click();
  await expectVisible(page.getByText('复核结果已保存'), 'the saved message');
  await page.getByTestId('break-glass-filter').getByText(/^存疑/).click();
  const questioned = table.locator('tbody tr').filter({ hasText: resident });
  await expectVisible(questioned.filter({ hasText: '调阅次数多于抢救所需' }), 'the questioned read with its note');
  await expectVisible(questioned.filter({ hasText: 'manager' }), 'the reviewer');
  await screenshot(page, 'break-glass-questioned');
};

export const tests: E2eTest[] = [villageDoctorOfOtherCommunityGetsGrantForm, managerReviewsBreakGlass];
