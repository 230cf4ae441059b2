import type { E2eTest } from './support.ts';
import { expectMatch, expectVisible, screenshot } from './support.ts';
import { AppShellPage } from './pages/app-shell-page.ts';
import { AuditPage } from './pages/audit-page.ts';
import { LoginPage } from './pages/login-page.ts';
import { ResidentRecordPage } from './pages/resident-record-page.ts';
import { ResidentSearchPage } from './pages/resident-search-page.ts';

/**
 * A clinician finds a resident by name, opens the record and sees the ID number masked;
 * the admin then finds that read in the audit log.
 */
const readIsMaskedAndAudited: E2eTest = async ({ page }) => {
  const login = new LoginPage(page);
  await login.loginAs('doctor.lead');
  const search = new ResidentSearchPage(page);
  await search.open();
  const name = await search.firstResultName();
  await search.search(name);
  await expectVisible(page.getByTestId('resident-link').filter({ hasText: name }), `search results for ${name}`);
  await search.openResult(name);

  const record = new ResidentRecordPage(page);
  await record.waitLoaded();
  expectMatch(await record.maskedId(), /^\d{6}\*{8}\d{3}[\dX]$/, 'masked ID number');
  await expectVisible(page.getByTestId('resident-name').filter({ hasText: name }), 'the resident name in the header');
  await record.openTab('体征记录');
  await expectVisible(page.getByTestId('bp-chart'), 'the blood pressure chart card');
  await record.openTab('基本信息');
  const residentId = record.residentId();
  await screenshot(page, 'resident-record');

  await new AppShellPage(page).logout();
  await login.loginAs('admin');
  const audit = new AuditPage(page);
  await audit.open();
  await audit.filterByResident(residentId);
  const readRow = audit.rows().filter({ hasText: 'doctor.lead' }).filter({ hasText: '查阅档案' });
  await expectVisible(readRow, 'the audit row of doctor.lead reading the record');
  await screenshot(page, 'audit');
};

export const tests: E2eTest[] = [readIsMaskedAndAudited];
