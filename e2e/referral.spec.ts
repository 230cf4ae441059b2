import type { E2eTest } from './support.ts';
import { apiAs, expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ReferralDetailPage } from './pages/referral-detail-page.ts';
import { ReferralInboxPage } from './pages/referral-inbox-page.ts';
import { ReferralNewPage } from './pages/referral-new-page.ts';
import { ResidentRecordPage } from './pages/resident-record-page.ts';
import { SchedulingPage } from './pages/scheduling-page.ts';

/**
 * Issue #3 "Done when", in the browser: a village doctor refers a hypertension resident up to the
 * lead hospital's cardiology with a reserved slot; doctor.lead accepts, records arrival, completes
 * with a return note and refers the patient down; the village doctor's first follow-up completes it.
 * The tests run in order and hand the referral on through `flow`.
 */
const flow = { residentId: '', residentName: '', upCode: '', downCode: '' };
const LEAD = '德清县人民医院';

const villageDoctorRefersUpWithReservedSlot: E2eTest = async ({ page, baseUrl }) => {
  const vdoc = await apiAs(baseUrl, 'vdoc');
  const me = await vdoc.get<{ organizationId: string }>('/auth/me');
  const { items } = await vdoc.get<{ items: { id: string; name: string; organizationId: string; keyPopulations: string[] }[] }>('/residents?limit=100');
  const resident = items.find((r) => r.organizationId === me.organizationId && r.keyPopulations.includes('hypertension'));
  if (!resident) throw new Error('no hypertension resident at the village doctor’s clinic');
  flow.residentId = resident.id;
  flow.residentName = resident.name;

  await new LoginPage(page).loginAs('vdoc');
  await page.goto(`/residents/${resident.id}`);
  const record = new ResidentRecordPage(page);
  await record.waitLoaded();

  const form = new ReferralNewPage(page);
  await form.open();
  await form.chooseDirection('上转');
  await form.chooseUnit(LEAD);
  await form.chooseDepartment('心血管内科');
  await form.choosePrimaryDiagnosis('I10');
  await expectVisible(form.catalogueHint().getByText('可基层诊治'), 'the catalogue hint for I10 at a village clinic');
  await form.fill({ reason: '血压控制不满意，近两周多次超过160/100 mmHg，请专科调整用药', history: '高血压病史5年，无药物过敏史', treatment: '氨氯地平 5mg 每日一次' });
  const availability = await form.chooseReservedSlot();
  expectMatch(availability, /^预留 [12]\/2 · 公共 8\/8$/, 'availability of a cardiology session (10 places, 2 held for referrals)');
  // The drawer scrolls on its own: a tall window shows the whole form in one picture.
  await page.setViewportSize({ width: 1440, height: 1360 });
  await page.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, 0));
  await screenshot(page, 'referral-new');
  await page.setViewportSize({ width: 1440, height: 900 });

  flow.upCode = await form.submit();
  expectMatch(flow.upCode, /^[A-Z2-9]{8}$/, 'pickup code');
  expectEqual((await form.submittedRule().innerText()).trim(), '可基层诊治', 'stored catalogue check');

  await form.openPrint();
  await expectVisible(page.getByTestId('print-sheet'), 'the printable slip');
  expectEqual((await page.getByTestId('print-pickup-code').innerText()).trim(), flow.upCode, 'pickup code on the slip');
  await expectVisible(page.getByTestId('print-sheet').getByText('心血管内科'), 'the department on the slip');
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'referral-print');
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`/residents/${resident.id}`);
  await record.waitLoaded();
  await record.openTab('转诊');
  await expectVisible(page.getByTestId('resident-referrals').locator('tbody tr').filter({ hasText: flow.upCode }), 'the referral in the record’s 转诊 tab');
};

const leadDoctorAcceptsCompletesAndRefersDown: E2eTest = async ({ page }) => {
  if (!flow.upCode) throw new Error('the up-referral was not created');
  await new LoginPage(page).loginAs('doctor.lead');
  await new AppShellPage(page).openMenu('转诊');
  const inbox = new ReferralInboxPage(page);
  await expectVisible(inbox.row(flow.upCode), 'the up-referral in doctor.lead’s inbox');
  await expectVisible(inbox.row(flow.upCode).getByText('待接收'), 'the submitted status in the inbox');
  await inbox.waitSettled();
  await screenshot(page, 'referral-inbox');
  await inbox.openReferral(flow.upCode);

  const detail = new ReferralDetailPage(page);
  await detail.waitLoaded();
  await detail.expectStatus('待接收');
  await detail.act('accept');
  await detail.expectStatus('已接收');
  await detail.act('arrive');
  await detail.expectStatus('已到诊');
  await detail.completeWithOutcome({ keyResults: '动态血压：日间平均 158/96 mmHg；心脏彩超未见明显异常', plan: '氨氯地平 5mg + 缬沙坦 80mg 每日一次，基层随访血压', rehabilitation: '低盐饮食，规律运动' });
  await detail.expectStatus('已完成');
  await expectVisible(page.getByTestId('referral-outcome').getByText('缬沙坦', { exact: false }), 'the return note');
  expectEqual(await detail.timelineEntries().count(), 4, 'history entries (submit, accept, arrive, complete)');
  await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
  await screenshot(page, 'referral-detail');

  const down = new ReferralNewPage(page);
  await page.getByTestId('new-referral').click();
  await expectVisible(page.getByTestId('referral-form'), 'the down-referral form');
  await down.fill({ reason: '血压控制平稳，下转基层继续随访管理' });
  flow.downCode = await down.submit();
  expectMatch(flow.downCode, /^[A-Z2-9]{8}$/, 'pickup code of the down-referral');
};

const schedulingCalendarShowsTheReservedPlaceTaken: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('doctor.lead');
  await new AppShellPage(page).openMenu('号源');
  const calendar = new SchedulingPage(page);
  await calendar.waitLoaded();
  await expectVisible(calendar.slotRows('心血管内科专家门诊').filter({ hasText: '1/2' }), 'a cardiology session with 1 of 2 reserved places booked');
  await expectVisible(page.getByTestId('policy').getByText('20%'), 'the 20% reservation policy of the lead hospital');
  await screenshot(page, 'scheduling-calendar');
};

const villageDoctorCompletesDownReferralAtFirstFollowUp: E2eTest = async ({ page }) => {
  if (!flow.downCode) throw new Error('the down-referral was not created');
  await new LoginPage(page).loginAs('vdoc');
  const inbox = new ReferralInboxPage(page);
  await inbox.open('incoming');
  await expectVisible(inbox.row(flow.downCode).getByText('下转'), 'the down-referral in the village doctor’s incoming list');
  await inbox.openReferral(flow.downCode);
  const detail = new ReferralDetailPage(page);
  await detail.waitLoaded();
  await detail.recordFirstFollowUp(132, 84);
  await detail.expectStatus('已完成');
  await expectVisible(page.getByTestId('referral-timeline').getByText('首次随访', { exact: false }), 'the follow-up in the history');
};

const managerSeesEscalationsAndCatalogue: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('manager');
  const menu = await new AppShellPage(page).menuLabels();
  for (const label of ['转诊', '超时转诊', '号源', '转诊目录']) {
    if (!menu.some((m) => m.trim() === label)) throw new Error(`manager menu lacks ${label}: ${menu.join(', ')}`);
  }
  await new AppShellPage(page).openMenu('超时转诊');
  await expectVisible(page.getByTestId('escalation-list'), 'the escalation list');
  await new AppShellPage(page).openMenu('转诊目录');
  await expectVisible(page.getByTestId('catalogue-table').locator('tbody tr').filter({ hasText: 'I10–I15' }), 'the I10–I15 catalogue entry');
};

export const tests: E2eTest[] = [
  villageDoctorRefersUpWithReservedSlot,
  leadDoctorAcceptsCompletesAndRefersDown,
  schedulingCalendarShowsTheReservedPlaceTaken,
  villageDoctorCompletesDownReferralAtFirstFollowUp,
  managerSeesEscalationsAndCatalogue,
];
