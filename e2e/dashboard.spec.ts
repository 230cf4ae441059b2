import { readFile } from 'node:fs/promises';
import type { E2eTest } from './support.ts';
import { apiAs, expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { DashboardPage } from './pages/dashboard-page.ts';
import { LoginPage } from './pages/login-page.ts';

/**
 * Issue #5 "Done when", in the browser: the manager opens the 驾驶舱 (it is the landing page), sees
 * indicator cards with numbers, exports the unit ranking to Excel, drills down to a unit and from a
 * number to the encounters behind it (counted as the API counts them, exported to Excel); the
 * regulator sees every community side by side; the wall screen shows large numbers.
 */
const LEAD = '德清县人民医院';

const managerSeesDashboardExportsAndDrillsDown: E2eTest = async ({ page, baseUrl }) => {
  await new LoginPage(page).loginAs('manager');
  await page.waitForURL(/\/dashboard/);
  const menu = await new AppShellPage(page).menuLabels();
  expectEqual(menu[0]?.trim(), '驾驶舱', 'first menu item of the manager');
  const dash = new DashboardPage(page);
  await dash.waitLoaded();
  expectMatch(await dash.cardValue('grassroots_visit_rate'), /^\d{1,3}\.\d%/, '基层就诊率 card');
  expectMatch(await dash.cardValue('avg_length_of_stay'), /^\d+\.\d 天/, '平均住院日 card');
  expectMatch(await dash.cardValue('inpatient_cost_per_case'), /^[\d,]+ 元/, '住院次均费用 card');
  expectMatch(await dash.cardValue('cmi'), /^\d\.\d{2}/, 'CMI card');
  const status = await dash.card('grassroots_visit_rate').getAttribute('data-status');
  expectMatch(status, /^(green|amber|red)$/, '基层就诊率 status (it has a target)');
  // The module indicators come in the same response: no button, no wait (summaries kept on write).
  expectMatch(await dash.card('signing_rate').getByTestId('indicator-value').innerText(), /^\d{1,3}\.\d%/, '家庭医生签约率 card');
  expectMatch(await dash.card('chronic_standard_mgmt_rate').getByTestId('indicator-value').innerText(), /^\d{1,3}\.\d%/, '两慢病规范管理率 card');
  if ((await dash.rankingRows().count()) < 5) throw new Error('expected the hospitals and township centres in the ranking');
  await screenshot(page, 'dashboard');

  const download = await dash.exportExcel('unit-ranking');
  expectMatch(download.suggestedFilename(), /^成员单位排名-.+\.xlsx$/, 'export file name');
  expectEqual((await download.failure()) ?? null, null, 'download failure');

  await dash.openUnit(LEAD);
  await page.waitForURL(/\/dashboard\/units\/[0-9a-f-]{36}/);
  await expectVisible(page.getByTestId('unit-name').getByText(LEAD), 'the unit name');
  await expectVisible(page.getByTestId('indicator-cards'), 'the unit cards');
  expectMatch(await dash.cardValue('avg_length_of_stay'), /^\d+\.\d 天/, 'the unit’s 平均住院日');
  expectEqual(await dash.card('grassroots_visit_rate').count(), 0, 'community-only cards on a unit');
  await expectVisible(page.getByTestId('trend-chart').locator('canvas'), 'the unit trend');
  await screenshot(page, 'dashboard-unit');

  // From the unit's 平均住院日 denominator (its discharges) to the encounters behind it.
  await dash.drillDown('avg_length_of_stay', 'denominator');
  await page.waitForURL(/indicator=avg_length_of_stay&part=denominator/);
  const shown = await dash.encounterTotal('avg_length_of_stay', 'denominator');
  const url = new URL(page.url());
  const unitId = url.pathname.split('/').pop()!;
  const period = url.searchParams.get('period')!;
  const manager = await apiAs(baseUrl, 'manager');
  const communityId = manager.user.scope.communityId!;
  const api = await manager.get<{ total: number }>(`/encounters?communityId=${communityId}&organizationId=${unitId}&period=${period}&indicator=avg_length_of_stay&part=denominator&limit=1`);
  expectEqual(shown, api.total, 'the listed total against GET /encounters');
  const values = await manager.get<{ values: { code: string; denominator?: number }[] }>(`/indicators?communityId=${communityId}&organizationId=${unitId}&period=${period}`);
  expectEqual(shown, values.values.find((v) => v.code === 'avg_length_of_stay')?.denominator, 'the listed total against the indicator’s denominator');
  if (shown < 1) throw new Error('expected discharges at the lead hospital');
  expectEqual(await dash.encounterRows().count(), Math.min(20, shown), 'rows on the first page');
  expectMatch(await dash.encounterRows().first().innerText(), /住院[\s\S]*德清县人民医院[\s\S]*[A-Z]\d{2}/, 'an inpatient row with the unit and a diagnosis');
  await expectVisible(dash.encounterRows().getByTestId('resident-link'), 'a resident’s name linking to the record');
  await screenshot(page, 'dashboard-unit-encounters');
  const firstOfPage1 = await dash.encounterRows().first().innerText();
  await dash.openEncounterPage(2);
  if ((await dash.encounterRows().first().innerText()) === firstOfPage1) throw new Error('page 2 shows the rows of page 1');

  const xlsx = await dash.exportExcel('encounter-list');
  expectMatch(xlsx.suggestedFilename(), /^德清县人民医院-平均住院日分母-.+\.xlsx$/, 'encounter export file name');
  expectEqual((await xlsx.failure()) ?? null, null, 'encounter export failure');
  // The whole list (every page), not the page on screen: an .xlsx is a zip, and each row adds ~30 bytes.
  const file = await readFile((await xlsx.path())!);
  expectEqual(file.subarray(0, 2).toString(), 'PK', 'the .xlsx signature');
  if (file.length < 7_000 + shown * 15) throw new Error(`the export looks like one page, not ${shown} rows (${file.length} bytes)`);
};

const regulatorSeesAllCommunitiesSideBySide: E2eTest = async ({ page, baseUrl }) => {
  const regulator = await apiAs(baseUrl, 'regulator');
  const { items: communities } = await regulator.get<{ items: { name: string }[] }>('/communities');
  await new LoginPage(page).loginAs('regulator');
  await page.waitForURL(/\/dashboard/);
  const dash = new DashboardPage(page);
  await expectVisible(dash.comparisonRows(), 'the comparison of communities', 30_000);
  expectEqual(await dash.comparisonRows().count(), communities.length, 'communities side by side');
  for (const c of communities) await expectVisible(dash.comparisonRows().filter({ hasText: c.name }), `the row of ${c.name}`);
  expectMatch(await dash.comparisonRows().filter({ hasText: '德清县医共体' }).innerText(), /\d+\.\d%/, 'the demo community’s values');
  await expectVisible(page.getByTestId('indicator-cards'), 'the chosen community’s cards', 30_000);
  await expectVisible(page.getByTestId('trend-chart').locator('canvas'), 'the trend chart', 30_000);
  await screenshot(page, 'dashboard-regulator');

  // The commission sees the encounters behind a number de-identified: masked names, no record links.
  await dash.drillDown('county_inpatient_rate', 'denominator');
  if ((await dash.encounterTotal('county_inpatient_rate', 'denominator')) < 1) throw new Error('expected inpatient discharges of residents');
  await expectVisible(dash.encounterRows().getByTestId('resident-masked'), 'a masked resident name');
  expectMatch(await dash.encounterRows().first().innerText(), /住院/, 'an inpatient discharge behind the denominator');
  expectEqual(await dash.encounterRows().getByTestId('resident-link').count(), 0, 'links to resident records for the regulator');
  await screenshot(page, 'dashboard-regulator-encounters');
};

const wallScreenShowsLargeNumbers: E2eTest = async ({ page }) => {
  // A wall screen is a 1920×1080 display from the start.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await new LoginPage(page).loginAs('manager');
  await page.goto('/dashboard/wall');
  await expectVisible(page.getByTestId('wall-cards'), 'the wall cards', 30_000);
  expectEqual(await page.getByTestId('side-menu').count(), 0, 'sidebar on the wall screen');
  expectMatch(await page.getByTestId('wall-grassroots_visit_rate').innerText(), /\d+\.\d%/, 'a wall number');
  await expectVisible(page.getByTestId('trend-chart').locator('canvas'), 'the wall trend');
  expectMatch(await page.getByTestId('wall-chronic_standard_mgmt_rate').innerText(), /\d+\.\d%/, 'the two-disease management rate on the wall');
  expectMatch(await page.getByTestId('wall-up_referrals').innerText(), /\d/, 'up-referrals on the wall');
  await page.waitForTimeout(500);
  await screenshot(page, 'dashboard-wall');
};

export const tests: E2eTest[] = [managerSeesDashboardExportsAndDrillsDown, regulatorSeesAllCommunitiesSideBySide, wallScreenShowsLargeNumbers];
