import type { Page } from 'playwright-core';
import type { E2eTest } from './support.ts';
import { apiAs, expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { CareChronicTabPage } from './pages/care-chronic-tab-page.ts';
import { CareContractPage } from './pages/care-contract-page.ts';
import { CareRatesPage } from './pages/care-rates-page.ts';
import { CareWorkbenchPage } from './pages/care-workbench-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ResidentRecordPage } from './pages/resident-record-page.ts';

/**
 * Issue #4 "Done when", in the browser: vdoc signs a contract for a resident of the clinic,
 * records a follow-up with BP 185/112, sees the urgent-referral proposal, and the overdue list
 * no longer holds the patient; the same from the workbench on a 375-px phone; a call outcome;
 * an enrolment from the record; the manager's rates against the policy targets.
 */
interface OverdueRow {
  id: string;
  resident_id: string;
  resident_name: string;
  disease: string;
  organization_id: string;
}

const used = new Set<string>();

/** Before a screenshot: no toast left over, no hover tooltip. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' }).catch(() => undefined);
  await page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').last().waitFor({ state: 'detached', timeout: 3_000 }).catch(() => undefined);
}

/** Overdue patients of vdoc's own clinic with one overdue enrolment (set-up only). */
async function overduePatients(baseUrl: string): Promise<{ rows: OverdueRow[]; signed: Set<string> }> {
  const vdoc = await apiAs(baseUrl, 'vdoc');
  const me = await vdoc.get<{ organizationId: string }>('/auth/me');
  const { items } = await vdoc.get<{ items: OverdueRow[] }>('/chronic/worklist?kind=overdue');
  const { items: contracts } = await vdoc.get<{ items: { resident_id: string }[] }>('/contracts?status=active&limit=1000');
  const once = items.filter((r) => r.organization_id === me.organizationId && items.filter((x) => x.resident_id === r.resident_id).length === 1);
  return { rows: once.filter((r) => !used.has(r.resident_id)), signed: new Set(contracts.map((c) => c.resident_id)) };
}

const villageDoctorSignsAndSeesUrgentReferralProposal: E2eTest = async ({ page, baseUrl }) => {
  const { rows, signed } = await overduePatients(baseUrl);
  const patient = rows.find((r) => r.disease === 'hypertension' && !signed.has(r.resident_id));
  if (!patient) throw new Error('no overdue hypertension patient without a contract at vdoc’s clinic');
  used.add(patient.resident_id);

  await new LoginPage(page).loginAs('vdoc');
  await page.waitForURL(/\/workbench$/);
  const workbench = new CareWorkbenchPage(page);
  await workbench.waitLoaded();
  await workbench.openList('overdue');
  const before = await workbench.names('overdue');
  if (!before.includes(patient.resident_name)) throw new Error(`${patient.resident_name} is not in the overdue list: ${before.join(', ')}`);

  // 签约 from the record's 签约 tab, with the basic package (fits everyone).
  await page.goto(`/residents/${patient.resident_id}`);
  const record = new ResidentRecordPage(page);
  await record.waitLoaded();
  await record.openTab('签约');
  await page.getByTestId('contract-sign').click();
  const contract = new CareContractPage(page);
  await contract.waitForForm();
  expectEqual(await contract.isChecked('basic'), true, 'the basic package chosen by default');
  await expectVisible(contract.notFitting().filter({ hasText: '仅限0–6岁儿童' }), 'the children’s package greyed out with why');
  await expectVisible(contract.packageCard('basic').getByText('医保基金 ¥70.00'), 'the price split in yuan');
  await screenshot(page, 'contract-new');
  await contract.submit();
  await expectVisible(contract.items().filter({ hasText: '健康教育与咨询' }), 'the basic package items on the contract');
  expectEqual(await contract.recordService('健康档案更新'), '1/1', 'delivered after recording a service');
  await contract.backToRecord();
  await record.waitLoaded();

  // 慢病管理: a follow-up with BP 185/112 is an urgent referral (docs/domain/chronic.md).
  await record.openTab('慢病管理');
  const chronic = new CareChronicTabPage(page);
  await chronic.waitLoaded();
  await chronic.enrolIfNeeded('高血压');
  const historyBefore = await chronic.historyRows().count();
  const form = await chronic.newFollowUp('高血压');
  await form.fillBloodPressure(185, 112);
  await expectVisible(form.preview().getByText(/紧急转诊/), 'the browser’s preview of the urgent referral');
  await form.submit();
  expectEqual(await form.nextStep(), '紧急转诊', 'next step');
  expectEqual(await form.classification(), '控制不满意', 'classification');
  await expectVisible(form.proposal().getByText('紧急转诊建议'), 'the 紧急转诊建议');
  await expectVisible(form.proposal().getByText(/绿色通道/), 'the green channel in the proposal');
  const code = await form.referAsProposed();
  expectMatch(code, /^[A-Z2-9]{8}$/, 'pickup code of the proposed referral');
  await chronic.closeDrawer();
  await expectVisible(chronic.historyRows().filter({ hasText: '185/112' }).filter({ hasText: '紧急转诊' }), 'the follow-up in the history');
  expectEqual(await chronic.historyRows().count(), Math.min(10, historyBefore + 1), 'history rows on the first page');
  await expectVisible(chronic.bpChart(), 'the BP trend chart');
  await settle(page);
  await screenshot(page, 'chronic-tab');

  // The overdue list no longer holds the patient.
  await new AppShellPage(page).openMenu('工作台');
  await workbench.waitLoaded();
  await workbench.openList('overdue');
  const after = await workbench.names('overdue');
  if (after.includes(patient.resident_name)) throw new Error(`${patient.resident_name} is still overdue`);
  expectEqual(after.length, before.length - 1, 'overdue patients after the follow-up');
  await settle(page);
  await screenshot(page, 'workbench');
};

const villageDoctorFollowsUpAnOverduePatientOnAPhone: E2eTest = async ({ page, baseUrl }) => {
  const { rows } = await overduePatients(baseUrl);
  const patient = rows.find((r) => r.disease === 'hypertension');
  if (!patient) throw new Error('no other overdue hypertension patient at vdoc’s clinic');
  used.add(patient.resident_id);

  await page.setViewportSize({ width: 375, height: 812 });
  await new LoginPage(page).loginAs('vdoc');
  const workbench = new CareWorkbenchPage(page);
  await workbench.waitLoaded();
  await page.getByTestId('stat-overdue').click();
  await workbench.openList('overdue');
  const before = await workbench.count('overdue');
  const form = await workbench.followUpFromList('overdue', patient.resident_name);
  await form.fillBloodPressure(128, 78);
  await form.submit();
  expectEqual(await form.classification(), '控制满意', 'classification of 128/78');
  expectEqual(await form.nextStep(), '常规随访（3个月）', 'next step of a controlled patient');
  expectMatch(await form.nextDueDate(), /^\d{4}-\d{2}-\d{2}$/, 'next due date');
  if ((await form.proposal().count()) > 0) throw new Error('a controlled patient got a referral proposal');
  await expectVisible(page.getByRole('tab', { name: `超期未随访 (${before - 1})` }), 'the overdue count down by one');
  if ((await workbench.names('overdue')).includes(patient.resident_name)) throw new Error(`${patient.resident_name} is still overdue`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
  await screenshot(page, 'workbench-mobile');
};

const villageDoctorRecordsACallAndSeesTheTeam: E2eTest = async ({ page, baseUrl }) => {
  const { rows } = await overduePatients(baseUrl);
  const patient = rows[0];
  if (!patient) throw new Error('no overdue patient left at vdoc’s clinic');
  used.add(patient.resident_id);

  await new LoginPage(page).loginAs('vdoc');
  const workbench = new CareWorkbenchPage(page);
  await workbench.waitLoaded();
  await workbench.openList('overdue');
  await workbench.recordCall(patient.resident_name, '稍后提醒');
  await expectVisible(workbench.row('overdue', patient.resident_name).getByText('稍后提醒'), 'the call outcome on the overdue row');

  await workbench.openList('contracts');
  await expectVisible(page.getByTestId('my-contracts').getByTestId('fulfilment').first(), 'the fulfilment of contracted residents');

  const menu = await new AppShellPage(page).menuLabels();
  expectEqual(menu[0]?.trim(), '工作台', 'the first menu entry of a village doctor');
  await new AppShellPage(page).openMenu('签约团队');
  await expectVisible(page.getByTestId('team-list').locator('tbody tr').filter({ hasText: '乡村医生' }), 'the team with its village doctor');
  await expectVisible(page.getByTestId('team-panel').getByText(/\/ 2000$/), 'the panel against the 2,000 limit');
};

const villageDoctorEnrolsADiabetesPatient: E2eTest = async ({ page, baseUrl }) => {
  const vdoc = await apiAs(baseUrl, 'vdoc');
  const me = await vdoc.get<{ organizationId: string }>('/auth/me');
  const { items } = await vdoc.get<{ items: { id: string; age: number; organizationId: string }[] }>('/residents?limit=100');
  let residentId: string | null = null;
  for (const r of items.filter((x) => x.organizationId === me.organizationId && x.age >= 40 && !used.has(x.id))) {
    const chronic = await vdoc.get<{ items: unknown[] }>(`/chronic/residents/${r.id}`);
    if (chronic.items.length === 0) {
      residentId = r.id;
      break;
    }
  }
  if (!residentId) throw new Error('no resident without enrolment at vdoc’s clinic');

  await new LoginPage(page).loginAs('vdoc');
  await page.goto(`/residents/${residentId}`);
  const record = new ResidentRecordPage(page);
  await record.waitLoaded();
  await record.openTab('慢病管理');
  const chronic = new CareChronicTabPage(page);
  await chronic.waitLoaded();
  await chronic.enrolIfNeeded('2型糖尿病');
  const form = await chronic.newFollowUp('2型糖尿病');
  await page.getByTestId('followup-drawer').getByTestId('fu-glucose').fill('6.5');
  await form.submit();
  expectEqual(await form.classification(), '控制满意', 'classification of fasting glucose 6.5');
  await chronic.closeDrawer();
  await expectVisible(page.getByTestId('fu-glucose-chart').locator('canvas'), 'the glucose trend chart');
};

const managerSeesRatesAgainstTargets: E2eTest = async ({ page }) => {
  // Straight to the rates (login?next=): the landing page's own queries would queue ahead of them
  // on the embedded database, which answers one query at a time.
  await page.goto(`/login?next=${encodeURIComponent('/chronic/rates')}`);
  await new LoginPage(page).submit('manager');
  await page.waitForURL(/\/chronic\/rates$/);
  await expectVisible(page.getByTestId('side-menu').getByRole('menuitem').first(), 'the side menu');
  const menu = (await new AppShellPage(page).menuLabels()).map((m) => m.trim());
  for (const label of ['慢病指标', '签约团队']) if (!menu.includes(label)) throw new Error(`manager menu lacks ${label}: ${menu.join(', ')}`);
  const rates = new CareRatesPage(page);
  await rates.waitLoaded();
  for (const card of ['card-hypertension', 'card-diabetes', 'card-combined'] as const) {
    expectMatch(await rates.rate(card, 'standard-rate'), /^\d{1,3}\.\d%$/, `${card} standard-management rate`);
    expectMatch(await rates.rate(card, 'control-rate'), /^\d{1,3}\.\d%$/, `${card} control rate`);
  }
  expectMatch(await rates.rate('card-signing', 'signing-rate'), /^\d{1,3}\.\d%$/, 'signing rate');
  await expectVisible(rates.card('card-combined').getByText('目标 ≥80%'), 'the 80% target');
  await expectVisible(rates.card('card-signing').getByText('目标 ≥45%'), 'the 45% target');
  await expectVisible(rates.card('card-signing').getByText('目标 ≥90%'), 'the 90% target');
  if ((await rates.unitRows().count()) < 5) throw new Error('expected the demo county’s units in the table');
  await rates.sortBy('两慢病规范管理率');
  if (await rates.exportButton().isDisabled()) throw new Error('the Excel export is disabled');
  await rates.scrollTableLeft();
  await settle(page);
  await screenshot(page, 'rates');
};

export const tests: E2eTest[] = [
  villageDoctorSignsAndSeesUrgentReferralProposal,
  villageDoctorFollowsUpAnOverduePatientOnAPhone,
  villageDoctorRecordsACallAndSeesTheTeam,
  villageDoctorEnrolsADiabetesPatient,
  managerSeesRatesAgainstTargets,
];
