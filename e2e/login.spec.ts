import type { E2eTest } from './support.ts';
import { expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { LoginPage } from './pages/login-page.ts';
import { OrganizationTreePage } from './pages/organization-tree-page.ts';

/** The login page speaks Chinese by default and shows the demo accounts in demo mode. */
const loginPageIsInChinese: E2eTest = async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  expectEqual(await page.locator('html').getAttribute('lang'), 'zh-CN', 'document language');
  await expectVisible(page.getByText('用户名', { exact: true }), 'the 用户名 label');
  await expectVisible(page.getByText('密码', { exact: true }), 'the 密码 label');
  await expectVisible(login.demoHint(), 'the demo accounts hint');
  expectMatch(await login.demoHint().textContent(), /Demo@2026/, 'demo hint');
  await screenshot(page, 'login');
};

/** A wrong password is refused with a Chinese message and no session. */
const wrongPasswordIsRefused: E2eTest = async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await login.submit('doctor.town', 'not-the-password');
  await expectVisible(page.getByTestId('login-error'), 'the login error');
  expectMatch(await login.errorText(), /用户名或密码错误/, 'login error');
  expectEqual(await page.evaluate(() => localStorage.getItem('yigong.token')), null, 'stored token');
};

/** A unit's HIS integration account has no pages: it lands on a note that points to the API. */
const integrationAccountSeesApiNote: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('his.town');
  await page.waitForURL(/\/api-account$/);
  await expectVisible(page.getByTestId('api-account').getByText('系统对接账号'), 'the integration-account note');
  await expectVisible(page.getByTestId('api-docs-link'), 'the link to the API docs');
  await screenshot(page, 'integration-account');
};

/** After login the admin lands on the organisation tree, whose root is the lead hospital. */
const adminSeesOrgTreeWithLeadHospital: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('admin');
  await page.waitForURL(/\/organizations$/);
  const tree = new OrganizationTreePage(page);
  await tree.waitForTree();
  const lead = tree.rowOfKind('牵头医院');
  await expectVisible(lead, 'a row tagged 牵头医院');
  expectMatch(await lead.first().innerText(), /医院/, 'lead hospital row');
  // The lead hospital's member units are nested under it and shown expanded.
  await expectVisible(tree.childRows(), 'member units nested under the lead hospital');
  await expectVisible(page.getByTestId('user-menu').getByText('系统管理员'), 'the role label in the header');
  await screenshot(page, 'organization-tree');
};

export const tests: E2eTest[] = [integrationAccountSeesApiNote, loginPageIsInChinese, wrongPasswordIsRefused, adminSeesOrgTreeWithLeadHospital];
