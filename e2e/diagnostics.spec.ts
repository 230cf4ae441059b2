import type { Browser, Page } from 'playwright-core';
import type { E2eTest } from './support.ts';
import { DEMO_PASSWORD, apiAs, expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { LoginPage } from './pages/login-page.ts';
import { chooseOption } from './pages/antd-select.ts';

/**
 * Issue #13 "Done when", in the browser: the village doctor orders an ECG; the centre's reader
 * accepts it, the tracing arrives from the clinic's ECG machine, the reader reports it critical;
 * the village doctor — on another page, never reloading — sees the alert at once and
 * acknowledges it. A critical lab value nobody acknowledges escalates to the township's head
 * when the server's clock moves past the deadline (YIGONG_CLOCK_CONTROL), live too.
 */

/** A session for set-up through the API (the device that sends a tracing, the test clock). */
async function session(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  const { token } = (await res.json()) as { token: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
  return { call };
}

/** A second signed-in browser page beside the test's own (another person at another desk). */
async function otherDesk(page: Page, baseUrl: string, username: string): Promise<Page> {
  const browser = page.context().browser() as Browser;
  // In another time zone: the times shown are still Asia/Shanghai.
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'America/New_York' });
  context.setDefaultTimeout(15_000);
  const other = await context.newPage();
  await new LoginPage(other).loginAs(username);
  return other;
}

/** A resident of the village doctor's clinic with no recognised ECG (so the order needs no reason to repeat). */
async function freshResident(baseUrl: string, itemCode: string): Promise<{ id: string; name: string }> {
  const vdoc = await apiAs(baseUrl, 'vdoc');
  const me = await vdoc.get<{ organizationId: string }>('/auth/me');
  const { items } = await vdoc.get<{ items: { id: string; name: string; organizationId: string }[] }>('/residents?limit=100');
  const api = await session(baseUrl, 'vdoc');
  for (const r of items.filter((x) => x.organizationId === me.organizationId)) {
    const orders = await api.call<{ items: unknown[] }>('GET', `/diagnostics/orders?residentId=${r.id}&limit=5`);
    if (orders.items.length === 0 && itemCode) return r;
  }
  throw new Error('no resident without orders at the village doctor’s clinic');
}

/** Twelve leads of a 10-second tracing at 250 Hz with ST elevation in V1–V4 (a crude beat model; the reader reads it). */
function stemiTracing() {
  const rate = 250;
  const beat = (i: number, st: number) => {
    const t = (i % 200) / rate;
    return Math.round(1000 * Math.exp(-((t - 0.3) ** 2) / 0.0002) + 150 * Math.exp(-((t - 0.12) ** 2) / 0.0008) + st * (t > 0.33 && t < 0.55 ? 1 : 0) + 250 * Math.exp(-((t - 0.55) ** 2) / 0.003));
  };
  const lead = (st: number) => Array.from({ length: 2500 }, (_, i) => beat(i, st));
  const leads: Record<string, number[]> = {};
  for (const l of ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V5', 'V6']) leads[l] = lead(0);
  for (const l of ['V1', 'V2', 'V3', 'V4']) leads[l] = lead(300);
  return { samplingRate: rate, leads };
}

const ecgLoopWithLiveCriticalAlert: E2eTest = async ({ page, baseUrl }) => {
  const resident = await freshResident(baseUrl, 'ECG-12');
  // The village doctor orders from the resident's page of orders.
  await new LoginPage(page).loginAs('vdoc');
  await page.goto(`/diagnostics/orders?new=1&residentId=${resident.id}`);
  await expectVisible(page.getByTestId('order-form'), 'the order form');
  await chooseOption(page, page.getByTestId('order-item'), '常规十二导联心电图');
  await page.getByTestId('order-form').locator('.ant-radio-button-wrapper').filter({ hasText: '加急' }).click();
  await page.getByTestId('order-reason').fill('突发胸痛 30 分钟，伴大汗');
  await page.getByTestId('order-submit').click();
  await expectVisible(page.getByTestId('order-created'), 'the confirmation of the order');
  const vdoc = await session(baseUrl, 'vdoc');
  const order = (await vdoc.call<{ items: { id: string; status: string; residentId: string }[] }>('GET', `/diagnostics/orders?residentId=${resident.id}&limit=1`)).items[0]!;
  expectEqual(order.status, 'ordered', 'the new order');
  // The village doctor waits on the list of her unit's orders (no reload from here on).
  await page.goto('/diagnostics/orders');
  await expectVisible(page.getByTestId('order-list'), 'the village doctor’s orders');

  // The reader at the ECG centre: the order is on the worklist; quality check passed.
  const reader = await otherDesk(page, baseUrl, 'reader');
  await reader.goto('/diagnostics/worklist');
  await expectVisible(reader.getByTestId('worklist').getByText(resident.name), 'the new order on the reader’s worklist');
  await reader.goto(`/diagnostics/orders/${order.id}`);
  await expectVisible(reader.getByTestId('action-accept'), 'the quality-check button');
  await reader.getByTestId('action-accept').click();
  await expectVisible(reader.getByTestId('action-confirm'), 'the quality-check confirmation');
  // The accept request itself, so a refusal shows its status rather than a missing tag.
  const accepted = reader.waitForResponse((r) => r.url().endsWith(`/diagnostics/orders/${order.id}/accept`) && r.request().method() === 'POST', { timeout: 20_000 });
  await reader.getByTestId('action-confirm').click();
  expectEqual((await accepted).status(), 200, 'the accept request');
  await expectVisible(reader.getByTestId('order-status').getByText('已接收'), 'the accepted order');
  // The clinic's ECG machine sends the tracing (the device, through the API).
  await vdoc.call('POST', `/diagnostics/orders/${order.id}/results`, stemiTracing());
  await reader.reload();
  await expectVisible(reader.getByTestId('action-report'), 'the report button once the tracing arrived');
  await reader.getByTestId('action-report').click();
  await reader.getByTestId('report-text').fill('窦性心律，心率 75 次/分。V1–V4 导联 ST 段弓背向上抬高 0.3 mV。');
  await reader.getByTestId('report-conclusion').fill('急性前壁 ST 段抬高型心肌梗死');
  await reader.getByTestId('report-critical').click();
  await reader.getByTestId('report-critical-summary').fill('急性前壁 ST 段抬高型心肌梗死');
  await reader.getByTestId('action-confirm').click();
  await expectVisible(reader.getByTestId('report-versions'), 'the signed report');
  await screenshot(reader, 'diagnostics-reader-reported');

  // The village doctor sees it on the page she had open: a red alert, the badge counts it.
  const alert = page.getByTestId('critical-alert').filter({ hasText: '急性前壁 ST 段抬高型心肌梗死' });
  await expectVisible(alert, 'the live critical-value alert without a reload', 20_000);
  await screenshot(page, 'diagnostics-live-alert');
  await page.getByTestId('critical-alert-view').first().click();
  await page.waitForURL(new RegExp(`/diagnostics/orders/${order.id}$`));
  await expectVisible(page.getByTestId('critical-ack'), 'the acknowledge button on the order');
  await page.getByTestId('critical-ack').first().click();
  await page.getByTestId('critical-ack-note').fill('已电话通知患者，120 转运至胸痛中心');
  await page.getByTestId('critical-ack-confirm').click();
  for (let i = 0; i < 50 && (await page.getByTestId('critical-ack').count()) > 0; i++) await page.waitForTimeout(200);
  expectEqual(await page.getByTestId('critical-ack').count(), 0, 'acknowledge buttons left on the order');
  const cv = (await vdoc.call<{ criticalValues: { status: string; acknowledgedInTime: boolean | null; acknowledgedByName: string }[] }>('GET', `/diagnostics/orders/${order.id}`)).criticalValues[0]!;
  expectEqual(`${cv.status} ${cv.acknowledgedInTime} ${cv.acknowledgedByName}`, 'acknowledged true vdoc', 'the critical value, acknowledged in time by the village doctor');
  await screenshot(page, 'diagnostics-acknowledged');
  await reader.context().close();
};

const unacknowledgedCriticalValueEscalatesLive: E2eTest = async ({ page, baseUrl }) => {
  const resident = await freshResident(baseUrl, 'LAB-ELEC');
  const vdoc = await session(baseUrl, 'vdoc');
  const lab = await session(baseUrl, 'reader.lab');
  const admin = await session(baseUrl, 'admin');
  const village = (await vdoc.call<{ organizationId: string }>('GET', '/auth/me')).organizationId;
  // The township's head watches the critical-value list of the clinics under the township.
  await new LoginPage(page).loginAs('head.town');
  await page.goto('/critical-values');
  await expectVisible(page.getByTestId('critical-list'), 'the head’s critical values');
  const order = await vdoc.call<{ id: string }>('POST', '/diagnostics/orders', { residentId: resident.id, itemCode: 'LAB-ELEC', priority: 'urgent', reason: '服用螺内酯后乏力', orderingOrganizationId: village });
  await lab.call('POST', `/diagnostics/orders/${order.id}/accept`);
  await lab.call('POST', `/diagnostics/orders/${order.id}/results`, { observations: [{ code: '2823-3', name: '钾', value: 7.1, unit: 'mmol/L', low: 3.5, high: 5.3, criticalLow: 2.8, criticalHigh: 6.2 }] });
  // Nobody acknowledges: 31 minutes later it is the head's (the escalation job runs with the clock).
  const moved = await admin.call<{ escalated: number }>('POST', '/dev/clock', { minutes: 31 });
  try {
    if (moved.escalated < 1) throw new Error('the clock moved but nothing escalated');
    const alert = page.getByTestId('critical-alert').filter({ hasText: '钾 7.1' });
    await expectVisible(alert, 'the escalation alert for the township head, without a reload', 20_000);
    expectMatch(await alert.first().innerText(), /科室|负责人/, 'the alert names the stage it reached');
    await expectVisible(page.getByTestId('critical-list').getByText(resident.name), 'the escalated value in the head’s list');
    await screenshot(page, 'diagnostics-escalated');
  } finally {
    await admin.call('POST', '/dev/clock', { minutes: -31 });
  }
};

export const tests = [ecgLoopWithLiveCriticalAlert, unacknowledgedCriticalValueEscalatesLive];
