import { describe, expect, it } from 'vitest';
import { fieldOf } from '../shared/field-of-error.test-support.ts';
import { MODALITIES } from './order-machine.ts';
import {
  DEFAULT_DIAGNOSTIC_CENTRES,
  DEFAULT_SERVICE_CATALOGUE,
  fillReportTemplate,
  templatePlaceholders,
  validateCatalogue,
  validateCatalogueItem,
  type DiagnosticCatalogueItem,
} from './service-catalogue.ts';

const byCode = (code: string): DiagnosticCatalogueItem => DEFAULT_SERVICE_CATALOGUE.find((i) => i.code === code)!;
/** A default item with some fields replaced (the catalogue itself stays untouched). */
const edited = (code: string, patch: Record<string, unknown>): DiagnosticCatalogueItem => ({ ...byCode(code), ...patch }) as DiagnosticCatalogueItem;

describe('the default service catalogue', () => {
  it('validates item by item and as a whole', () => {
    for (const item of DEFAULT_SERVICE_CATALOGUE) expect(() => validateCatalogueItem(item), item.code).not.toThrow();
    expect(() => validateCatalogue(DEFAULT_SERVICE_CATALOGUE)).not.toThrow();
  });

  it('has unique item codes, and unique analyte codes within each item', () => {
    const codes = DEFAULT_SERVICE_CATALOGUE.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of DEFAULT_SERVICE_CATALOGUE) {
      const analytes = (item.analytes ?? []).map((a) => a.code);
      expect(new Set(analytes).size, item.code).toBe(analytes.length);
    }
  });

  it('covers the four centres with the items of the issue', () => {
    expect(DEFAULT_DIAGNOSTIC_CENTRES.map((c) => [c.modality, c.name])).toEqual([
      ['imaging', '医学影像诊断中心'],
      ['ecg', '心电诊断中心'],
      ['lab', '医学检验中心'],
      ['pathology', '病理诊断中心'],
    ]);
    expect(DEFAULT_SERVICE_CATALOGUE).toHaveLength(16);
    for (const m of MODALITIES) expect(DEFAULT_SERVICE_CATALOGUE.some((i) => i.modality === m), m).toBe(true);
    expect(DEFAULT_SERVICE_CATALOGUE.map((i) => i.name)).toContain('常规十二导联心电图');
    expect(DEFAULT_SERVICE_CATALOGUE.every((i) => i.recognisedBy === 'all')).toBe(true);
  });

  it('carries the analytes and critical limits of the lab items', () => {
    const cbc = byCode('LAB-CBC').analytes!.map((a) => a.abbr);
    expect(cbc).toEqual(expect.arrayContaining(['WBC', 'RBC', 'HGB', 'PLT', 'NEUT%', 'LYMPH%']));
    const k = byCode('LAB-ELEC').analytes!.find((a) => a.abbr === 'K')!;
    expect(k).toMatchObject({ code: '2823-3', system: 'LOINC', unit: 'mmol/L', criticalLow: 2.8, criticalHigh: 6.2 });
    for (const item of DEFAULT_SERVICE_CATALOGUE) {
      for (const a of item.analytes ?? []) {
        if (a.system === 'LOINC') expect(a.code, a.name).toMatch(/^\d{1,7}-\d$/);
        else expect(a.code, a.name).toMatch(/^YG-/);
      }
    }
  });

  it('has prices in whole fen and urgent targets no longer than routine', () => {
    for (const item of DEFAULT_SERVICE_CATALOGUE) {
      expect(Number.isSafeInteger(item.priceFen)).toBe(true);
      expect(item.turnaroundMinutes.urgent).toBeLessThanOrEqual(item.turnaroundMinutes.routine);
    }
  });
});

describe('validateCatalogueItem', () => {
  it('names the field it rejects', () => {
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { code: '  ' })))).toBe('code');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { code: 'ECG 12' })))).toBe('code');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { name: '' })))).toBe('name');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { modality: 'radiology' })))).toBe('modality');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { centre: 'cardiology' })))).toBe('centre');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { centre: 'lab' })))).toBe('centre');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { dicomModality: 'CT' })))).toBe('dicomModality');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { turnaroundMinutes: { routine: 0, urgent: 10 } })))).toBe('turnaroundMinutes.routine');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { turnaroundMinutes: { routine: 30, urgent: 2.5 } })))).toBe('turnaroundMinutes.urgent');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { turnaroundMinutes: { routine: 30, urgent: 60 } })))).toBe('turnaroundMinutes.urgent');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { validityDays: 366 })))).toBe('validityDays');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { validityDays: -1 })))).toBe('validityDays');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { priceFen: 25.5 })))).toBe('priceFen');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { priceFen: -1 })))).toBe('priceFen');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { recognisedBy: [] })))).toBe('recognisedBy');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { template: { findingsTemplate: '', conclusionTemplate: '正常' } })))).toBe('template.findingsTemplate');
  });

  it('accepts the edge values', () => {
    expect(() => validateCatalogueItem(edited('ECG-12', { validityDays: 0, priceFen: 0, turnaroundMinutes: { routine: 10, urgent: 10 } }))).not.toThrow();
    expect(() => validateCatalogueItem(edited('ECG-12', { validityDays: 365, recognisedBy: ['org-1', 'org-2'] }))).not.toThrow();
  });

  it('checks the analytes of lab items', () => {
    const k = byCode('LAB-ELEC').analytes![0]!;
    const withK = (patch: Record<string, unknown>) => edited('LAB-ELEC', { analytes: [{ ...k, ...patch }] });
    expect(fieldOf(() => validateCatalogueItem(withK({ low: 5.5, high: 3.5 })))).toBe('analytes[0].high');
    expect(fieldOf(() => validateCatalogueItem(withK({ code: '' })))).toBe('analytes[0].code');
    expect(fieldOf(() => validateCatalogueItem(withK({ criticalLow: 3.6 })))).toBe('analytes[0].criticalLow');
    expect(fieldOf(() => validateCatalogueItem(withK({ criticalHigh: 5 })))).toBe('analytes[0].criticalHigh');
    expect(fieldOf(() => validateCatalogueItem(withK({ female: { low: 4, high: 3 } })))).toBe('analytes[0].female.high');
    expect(fieldOf(() => validateCatalogueItem(withK({ high: Number.NaN })))).toBe('analytes[0].high');
    expect(fieldOf(() => validateCatalogueItem(edited('LAB-ELEC', { analytes: [k, k] })))).toBe('analytes[1].code');
    expect(fieldOf(() => validateCatalogueItem(edited('LAB-ELEC', { analytes: [] })))).toBe('analytes');
    expect(fieldOf(() => validateCatalogueItem(edited('ECG-12', { analytes: [k] })))).toBe('analytes');
  });

  it('places the field under the item in a whole catalogue, and rejects a repeated code', () => {
    const items = [...DEFAULT_SERVICE_CATALOGUE];
    items[3] = edited(items[3]!.code, { priceFen: -5 });
    expect(fieldOf(() => validateCatalogue(items))).toBe('items[3].priceFen');
    expect(fieldOf(() => validateCatalogue([...DEFAULT_SERVICE_CATALOGUE, byCode('CT-HEAD')]))).toBe(`items[${DEFAULT_SERVICE_CATALOGUE.length}].code`);
  });
});

describe('report templates', () => {
  it('lists and fills placeholders, leaving unknown ones', () => {
    const t = byCode('ECG-12').template.findingsTemplate;
    expect(templatePlaceholders(t)).toEqual(['hr', 'pr', 'qrs', 'qt', 'qtc', 'axis']);
    const filled = fillReportTemplate(t, { hr: 72, pr: 160, qrs: 90, qt: 380, qtc: 416 });
    expect(filled).toContain('心率 72 次/分');
    expect(filled).toContain('{{axis}}');
    expect(fillReportTemplate('（{{site}}）{{diagnosis}}', { site: '胃窦', diagnosis: '慢性浅表性胃炎' })).toBe('（胃窦）慢性浅表性胃炎');
  });
});
