import { describe, expect, it } from 'vitest';
import { hasPermission, ROLES } from '@yigong/domain';
import { MENU_BY_ROLE, navKeyOf } from '../../shared/layout/menu.ts';

describe('the 消毒供应 menu entry', () => {
  it('shows for exactly the roles that may read sterile supply', () => {
    for (const role of ROLES) expect([role, MENU_BY_ROLE[role].includes('sterile')]).toEqual([role, hasPermission(role, 'sterile.read')]);
  });

  it('follows the diagnostic centres’ entries and keeps each role’s landing page first', () => {
    expect(MENU_BY_ROLE.clinician.indexOf('sterile')).toBe(MENU_BY_ROLE.clinician.indexOf('diagnosticCentres') + 1);
    expect(MENU_BY_ROLE.manager[0]).toBe('dashboard');
    expect(MENU_BY_ROLE.village_doctor[0]).toBe('workbench');
  });

  it('stays selected on every page of the module', () => {
    expect(navKeyOf('/sterile/batches/123')).toBe('sterile');
    expect(navKeyOf('/sterile/packs')).toBe('sterile');
  });
});
