import type { E2eTest } from './support.ts';
import { apiAs, expectEqual, expectMatch, expectVisible, screenshot } from './support.ts';
import { LoginPage } from './pages/login-page.ts';
import { chooseOption } from './pages/antd-select.ts';

/**
 * 消毒供应 (issue #13 item 6) in the browser: the village clinic scans a pack delivered to it — a
 * misread is caught beside the box before any lookup — and records its use on a resident, whose
 * name then closes the pack's path 灭菌 → 放行 → 发放 → 使用; the centre records a cycle, watching
 * the release preview follow what it types, and the batch it submits is released.
 */

/** The last digit changed: the GS1 check digit no longer matches (docs/domain/sterile-supply.md "Pack barcode"). */
const misread = (barcode: string) => `${barcode.slice(0, 15)}${(Number(barcode[15]) + 1) % 10}`;

const villageClinicRecordsTheUseOfAPack: E2eTest = async ({ page, baseUrl }) => {
  const vdoc = await apiAs(baseUrl, 'vdoc');
  const me = await vdoc.get<{ organizationId: string }>('/auth/me');
  const pack = (await vdoc.get<{ items: { barcode: string; packTypeName: string }[] }>('/sterile/packs?status=delivered&limit=1')).items[0];
  if (!pack) throw new Error('no pack delivered to the village doctor’s clinic in the demo');
  const resident = (await vdoc.get<{ items: { name: string; organizationId: string }[] }>('/residents?limit=50')).items.find((r) => r.organizationId === me.organizationId);
  if (!resident) throw new Error('no resident of the village doctor’s clinic');

  await new LoginPage(page).loginAs('vdoc');
  await page.getByTestId('side-menu').getByText('消毒供应').click();
  await expectVisible(page.getByTestId('centre-card'), 'the centre’s board');
  await page.getByTestId('sterile-nav').getByText('灭菌包追溯').click();
  const box = page.getByTestId('barcode-input').locator('input');
  await box.fill(misread(pack.barcode));
  await box.press('Enter');
  await expectVisible(page.getByText('灭菌包条码校验位不符，请重新扫描'), 'the misread said beside the box');
  expectEqual(await page.getByTestId('pack-detail').count(), 0, 'packs shown after a misread');

  await box.fill(pack.barcode.toLowerCase());
  await box.press('Enter');
  await expectVisible(page.getByTestId('pack-detail'), 'the pack’s trace');
  expectMatch(await page.getByTestId('pack-status').first().textContent(), /已发放/, 'the pack’s status');
  await page.getByTestId('pack-action-use').click();
  await chooseOption(page, page.getByTestId('pack-use-resident'), resident.name, resident.name);
  await page.getByTestId('pack-action-confirm').click();
  await expectVisible(page.getByTestId('pack-steps').getByText(`使用于 ${resident.name}`), 'the use closing the pack’s path');
  expectMatch(await page.getByTestId('pack-status').first().textContent(), /已使用/, 'the pack’s status after its use');
  expectMatch(await page.getByTestId('pack-resident').textContent(), new RegExp(resident.name), 'the resident named on the pack');
  await screenshot(page, 'sterile-pack-used');
};

const centreRecordsAReleasedBatch: E2eTest = async ({ page }) => {
  await new LoginPage(page).loginAs('cssd');
  await page.goto('/sterile/batches');
  await page.getByTestId('new-batch').click();
  await expectVisible(page.getByTestId('batch-form'), 'the batch form');
  const preview = page.getByTestId('release-preview');
  expectMatch(await preview.textContent(), /待填写.*化学监测/, 'the preview before the indicators are read');
  await page.getByTestId('batch-sterilizer').fill('E2E-01');
  await page.getByTestId('batch-cycle-no').fill('7');
  await page.getByTestId('batch-chemical').getByText('合格', { exact: true }).click();
  await page.getByTestId('batch-bowie-dick').getByText('合格', { exact: true }).click();
  await chooseOption(page, page.getByTestId('packs-type-0'), '换药包', '换药包');
  await page.getByTestId('packs-quantity-0').fill('6');
  await expectVisible(preview.getByText('可以放行'), 'a release previewed for 134 °C and 4 minutes');
  await page.getByTestId('batch-temperature').fill('121');
  await expectVisible(preview.getByText('将待放行'), 'a hold previewed at 121 °C for 4 minutes');
  expectMatch(await preview.textContent(), /物理监测不合格/, 'the reason of the hold');
  await page.getByTestId('batch-temperature').fill('134');
  await expectVisible(preview.getByText('可以放行'), 'the release previewed again');
  await page.getByTestId('batch-submit').click();
  await expectVisible(page.getByTestId('batch-title').getByText(/E2E-01 #7/), 'the batch recorded');
  expectMatch(await page.getByTestId('batch-status').first().textContent(), /已放行/, 'the batch’s status');
  expectMatch(await page.getByTestId('batch-packs').textContent(), /(已放行.*){6}/, 'six packs on the shelf');
  await screenshot(page, 'sterile-batch-released');
};

export const tests = [villageClinicRecordsTheUseOfAPack, centreRecordsAReleasedBatch];
