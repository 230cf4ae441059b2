import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { E2eTest } from './support.ts';
import { apiAs, expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { InsurancePage } from './pages/insurance-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { readFirstSheet } from './xlsx.ts';

/**
 * Issue #12 in the browser: the insurance officer lands on the budget (its projection crosses the
 * budget in the demo county, so the alert shows) and a broken policy rule comes back on its field;
 * a scenario moves the members' shares live; the manager confirms a draft the insurer prepared,
 * and a second confirmation of the year is refused; the member shares export to an .xlsx that
 * parses; the manager's dashboard warns of the overspend; the regulator only reads.
 */
const YEAR = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const LEAD = '德清县人民医院';

interface SettlementJson {
  id: string;
  year: number;
  status: 'draft' | 'confirmed';
  members: { organizationName: string; share: number }[];
}

const insurerLandsOnBudgetWithAlertPolicyAndHistory: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('insurer');
  await page.waitForURL(/\/insurance\/budget$/);
  const menu = (await new AppShellPage(page).menuLabels()).map((m) => m.trim());
  expectEqual(menu.slice(0, 5).join('、'), '医保预算、年度结算、绩效考核、DIP 点值、情景模拟', 'the insurance officer’s menu');
  const ins = new InsurancePage(page);
  await ins.waitBudget();
  expectMatch(await ins.cardValue('card-budget'), /^[\d,]+\.\d{2} 万元$/, 'the budget card in 万元');
  expectMatch(await page.getByTestId('card-budget').getByTestId('money-exact').innerText(), /^¥[\d,]+\.\d{2}$/, 'the exact budget in yuan');
  await expectVisible(page.getByTestId('card-projection').getByText('季节性预测'), 'the projection basis');
  await expectVisible(page.getByTestId('budget-alert'), 'the alert: the demo year’s projection crosses the budget');
  const january = page.getByTestId('budget-months').locator('tbody tr.ant-table-row').first();
  expectMatch(await january.innerText(), new RegExp(`^${YEAR}-01\\s+¥[\\d,]+\\.\\d{2}`), 'January’s outlay in yuan');
  await screenshot(page, 'insurance-budget');

  await ins.openTab('政策参数');
  await expectVisible(page.getByTestId('policy-form'), 'the policy editor');
  await expectVisible(page.getByTestId('reimbursement-table'), 'the reimbursement table');
  await expectVisible(page.getByTestId('capitation-preview'), 'the budget these parameters give');
  await screenshot(page, 'insurance-policy');
  // 002: the budget share is at least 95%. The server's 400 names the field; the editor shows it there.
  await page.locator('#budgetShare').fill('90');
  await page.getByTestId('policy-reason').fill('测试：预算比例低于规定下限');
  await page.getByTestId('policy-save').click();
  await expectVisible(page.locator('.ant-form-item-has-error').filter({ has: page.locator('#budgetShare') }).getByText('不得低于 95%'), 'the rule on the budget share field');
  await screenshot(page, 'insurance-policy-error');

  await ins.openTab('修改记录');
  const versions = page.getByTestId('policy-versions').locator('tbody tr.ant-table-row');
  await expectVisible(versions, 'the policy versions');
  if ((await versions.count()) < 2) throw new Error('expected the seeded versions of this year’s policy');
  expectMatch(await versions.first().innerText(), /v\d+\s+现行\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+insurer/, 'the version in force: who and when');
  await screenshot(page, 'insurance-policy-versions');
};

const insurerSeesSharesMoveInAScenario: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('insurer');
  await page.goto('/insurance/scenarios');
  const ins = new InsurancePage(page);
  await ins.waitScenarioReady();
  const before = await ins.scenarioShares();
  if (before.length < 5) throw new Error('expected the members in the comparison');
  if (before.some((m) => m.actual !== m.scenario)) throw new Error('an unchanged scenario moved a share');

  // Level weights 6 : 3 : 1 → 1 : 3 : 1: hospitals get less, the grassroots more.
  await ins.numberInput('scenario-weight-hospital').fill('1');
  await page.locator('[data-testid="scenario-comparison"][data-busy="true"]').waitFor({ timeout: 5_000 });
  await ins.waitScenarioReady();
  const after = await ins.scenarioShares();
  const lead = after.find((m) => m.name === LEAD);
  if (!lead) throw new Error(`no ${LEAD} in the comparison`);
  if (!(lead.scenario < lead.actual)) throw new Error(`${LEAD}: scenario share ${lead.scenario} should be below the actual ${lead.actual}`);
  const grassroots = after.find((m) => m.name.endsWith('卫生院') && m.actual > 0);
  if (!grassroots || !(grassroots.scenario > grassroots.actual)) throw new Error('a township centre’s share should grow');
  expectEqual((await page.getByTestId('difference-retained').innerText()).trim(), '¥0.00', 'the retained surplus: only redistributed');

  // A community score of 95 reaches the top retention step: more is retained.
  await ins.numberInput('scenario-score').fill('95');
  await page.locator('[data-testid="scenario-comparison"][data-busy="true"]').waitFor({ timeout: 5_000 });
  await ins.waitScenarioReady();
  expectMatch(await page.getByTestId('difference-retained').innerText(), /^\+¥[\d,]+\.\d{2}$/, 'the retained surplus grows');
  await screenshot(page, 'insurance-scenarios');

  await page.getByTestId('scenario-name').fill('提高基层权重');
  await page.getByTestId('scenario-save').click();
  const saved = page.getByTestId('scenario-list').locator('tbody tr.ant-table-row').filter({ hasText: '提高基层权重' });
  await expectVisible(saved, 'the saved scenario in the list');
  await page.getByTestId('scenario-reset').click();
  expectEqual(await ins.numberInput('scenario-weight-hospital').inputValue(), '6', 'the actual hospital weight after a reset');
  await saved.getByTestId('scenario-open').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="scenario-weight-hospital"]') as HTMLInputElement | null)?.value === '1', undefined, { timeout: 10_000 });
  expectEqual(await ins.numberInput('scenario-score').inputValue(), '95.00', 'the reopened community score');
};

const managerConfirmsTheDraftTheInsurerPrepared: E2eTest = async ({ page, baseUrl }) => {
  await new LoginPage(page).loginAs('insurer');
  await page.goto('/insurance/settlements');
  const ins = new InsurancePage(page);
  await ins.waitSettlement();
  await expectVisible(ins.settlementRows().filter({ hasText: '已确认' }), 'last year’s confirmed settlement');
  await ins.prepareSettlement(`${YEAR} 年`);
  await page.waitForURL(/\?id=[0-9a-f-]{36}$/);
  const id = new URL(page.url()).searchParams.get('id')!;
  await page.locator(`[data-testid="settlement-detail"][data-settlement-id="${id}"]`).waitFor({ timeout: 30_000 });
  await ins.waitSettlement();
  expectEqual(await ins.detailStatus(), '草稿', 'the new settlement’s status');
  expectEqual(await page.getByTestId('settlement-confirm').count(), 0, 'a confirm button for the insurer');
  await screenshot(page, 'insurance-settlements');

  // The member shares export to an .xlsx that parses, with a row per member and yuan amounts.
  const download = await ins.exportExcel('settlement-members');
  expectMatch(download.suggestedFilename(), new RegExp(`^结余分配-${YEAR}-草稿-.+\\.xlsx$`), 'export file name');
  expectEqual((await download.failure()) ?? null, null, 'download failure');
  const sheet = readFirstSheet(await readFile((await download.path())!));
  expectEqual(sheet[0]?.join('|'), '单位|类型|级别|考核得分|服务人口|分配金额（元）', 'the header row');
  const insurer = await apiAs(baseUrl, 'insurer');
  const draft = await insurer.get<SettlementJson>(`/insurance/settlements/${id}`);
  expectEqual(sheet.length - 1, draft.members.length, 'one row per member');
  const leadRow = sheet.find((r) => r[0] === LEAD);
  const leadShare = draft.members.find((m) => m.organizationName === LEAD)!.share;
  expectEqual(Number(leadRow?.[5]), leadShare / 100, `${LEAD}'s share in yuan`);

  await new AppShellPage(page).logout();
  await new LoginPage(page).loginAs('manager');
  await page.goto(`/insurance/settlements?id=${id}`);
  await ins.waitSettlement();
  await ins.confirmSettlement();
  await page.getByTestId('settlement-detail').getByTestId('settlement-status').filter({ hasText: '已确认' }).waitFor({ timeout: 15_000 });
  expectEqual(await ins.detailStatus(), '已确认', 'the status after confirming');
  await expectVisible(ins.settlementRows().filter({ hasText: `${YEAR} 年` }).filter({ hasText: '已确认' }), 'this year confirmed in the list');
  await screenshot(page, 'insurance-settlement-confirmed');

  // One confirmed settlement a year: the seeded draft of the same year is refused (409), on screen.
  const manager = await apiAs(baseUrl, 'manager');
  const { items } = await manager.get<{ items: SettlementJson[] }>(`/insurance/settlements?communityId=${manager.user.scope.communityId}&year=${YEAR}`);
  const other = items.find((s) => s.status === 'draft');
  if (!other) throw new Error(`expected the seeded ${YEAR} draft`);
  await page.goto(`/insurance/settlements?id=${other.id}`);
  await ins.waitSettlement();
  await ins.confirmSettlement();
  await expectVisible(page.getByTestId('settlement-refusal').getByText(`${YEAR} 年度已有确认的结算单`), 'the refusal of a second confirmation');
  expectEqual(await ins.detailStatus(), '草稿', 'the refused draft stays a draft');
  await screenshot(page, 'insurance-settlement-refused');
};

const insurerReadsAppraisalAndComputesDip: E2eTest = async ({ page }) => {
  const insurance = new InsurancePage(page);
  await new LoginPage(page).loginAs('insurer');
  await page.goto('/insurance/appraisal');
  await expectVisible(page.getByTestId('appraisal-community-score'), 'the community’s score', 30_000);
  expectMatch(await page.getByTestId('appraisal-community-score').innerText(), /\d+\.\d{2}/, 'the community score');
  await expectVisible(page.getByTestId('appraisal-chart').locator('canvas'), 'the ranking chart');
  const ranking = page.getByTestId('appraisal-ranking').locator('tbody tr.ant-table-row');
  await expectVisible(ranking, 'the ranking');
  await screenshot(page, 'insurance-appraisal');
  const best = (await ranking.first().getByTestId('appraisal-member-link').innerText()).trim();
  await ranking.first().getByTestId('appraisal-member-link').click();
  const drawer = page.getByTestId('appraisal-drawer');
  await expectVisible(drawer.getByText(new RegExp(`^${best} · \\d+\\.\\d{2} 分（第 1 名）$`)), 'the best member’s drawer');
  await expectVisible(drawer.getByTestId('member-items'), 'the member’s items');
  expectEqual(await drawer.getByTestId('appraisal-items').locator('tbody tr.ant-table-row').count(), 7, 'the scheme’s seven items');
  expectMatch(await drawer.getByTestId('appraisal-items').locator('tbody tr.ant-table-row').first().innerText(), /\d+\.\d%\s+\d+\.\d%\s+\d+\.\d%\s+\d+/, 'value, floor, target and weight of an item');
  // The drawer is fixed to the window: a picture of the window, not of the whole page.
  await page.waitForTimeout(300);
  await page.screenshot({ path: fileURLToPath(new URL('./screenshots/insurance-appraisal-member.png', import.meta.url)) });

  await page.goto('/insurance/dip');
  await insurance.numberInput('dip-budget').fill('20000000');
  await insurance.numberInput('dip-reserve').fill('500000');
  await page.getByTestId('dip-run').click();
  await expectVisible(page.getByTestId('dip-result'), 'the DIP result', 30_000);
  expectMatch(await page.getByTestId('dip-point-value').innerText(), /¥\d+\.\d{4}\s*\/点/, 'the point value in yuan per point');
  await expectVisible(page.getByTestId('dip-members').locator('tbody tr.ant-table-row').filter({ hasText: LEAD }), 'the lead hospital’s payment');
  await expectVisible(page.getByTestId('dip-chart').locator('canvas'), 'the payments chart');
  await screenshot(page, 'insurance-dip');
};

const managerDashboardWarnsAndRegulatorOnlyReads: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('manager');
  await page.waitForURL(/\/dashboard/);
  const menu = (await new AppShellPage(page).menuLabels()).map((m) => m.trim());
  expectEqual(menu.slice(0, 6).join('、'), '驾驶舱、医保预算、年度结算、绩效考核、DIP 点值、情景模拟', 'the manager’s menu');
  await expectVisible(page.getByTestId('dashboard-budget-alert'), 'the overspend warning on the dashboard', 30_000);
  await expectVisible(page.getByTestId('indicator-cards'), 'the indicator cards', 30_000);
  await screenshot(page, 'insurance-dashboard-alert');
  await new AppShellPage(page).logout();

  await new LoginPage(page).loginAs('regulator');
  const regulatorMenu = (await new AppShellPage(page).menuLabels()).map((m) => m.trim());
  for (const label of ['医保预算', '年度结算', '绩效考核']) if (!regulatorMenu.includes(label)) throw new Error(`regulator menu lacks ${label}`);
  for (const label of ['DIP 点值', '情景模拟']) if (regulatorMenu.includes(label)) throw new Error(`regulator menu has ${label}`);
  await page.goto('/insurance/settlements');
  await new InsurancePage(page).waitSettlement();
  expectEqual(await page.getByTestId('settlement-prepare').count(), 0, 'a prepare button for the regulator');
  expectEqual(await page.getByTestId('settlement-confirm').count(), 0, 'a confirm button for the regulator');
  await screenshot(page, 'insurance-regulator-settlements');
  await page.goto('/insurance/budget?tab=policy');
  await expectVisible(page.getByTestId('policy-form'), 'the policy, read-only');
  expectEqual(await page.getByTestId('policy-save').count(), 0, 'a save button for the regulator');
  if (!(await page.locator('#financing').isDisabled())) throw new Error('the regulator can type into the policy');
};

export const tests: E2eTest[] = [
  insurerLandsOnBudgetWithAlertPolicyAndHistory,
  insurerSeesSharesMoveInAScenario,
  managerConfirmsTheDraftTheInsurerPrepared,
  insurerReadsAppraisalAndComputesDip,
  managerDashboardWarnsAndRegulatorOnlyReads,
];
