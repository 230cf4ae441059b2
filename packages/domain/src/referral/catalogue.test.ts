import { describe, expect, it } from 'vitest';
import { catalogueLevelOf, checkCatalogue, type CatalogueEntry } from './catalogue.ts';

const entries: CatalogueEntry[] = [
  { level: 'grassroots', codeFrom: 'I10', codeTo: 'I15', rule: 'may_treat' },
  { level: 'grassroots', codeFrom: 'I11.0', codeTo: 'I11.0', rule: 'refer_up' },
  { level: 'grassroots', codeFrom: 'I60', codeTo: 'I64', rule: 'refer_up' },
  { level: 'county', codeFrom: 'I63', codeTo: 'I63', rule: 'down_when_stable' },
];

describe('checkCatalogue', () => {
  it('matches a code inside a range at the range precision', () => {
    expect(checkCatalogue(entries, 'grassroots', 'I10')).toEqual({ rule: 'may_treat', matched: true, code: 'I10', range: 'I10–I15' });
    expect(checkCatalogue(entries, 'grassroots', 'I15.9')).toMatchObject({ rule: 'may_treat' });
    expect(checkCatalogue(entries, 'grassroots', 'I16')).toMatchObject({ matched: false, rule: null });
  });

  it('lets the more specific entry win', () => {
    expect(checkCatalogue(entries, 'grassroots', 'I11.0')).toMatchObject({ rule: 'refer_up', range: 'I11.0' });
    expect(checkCatalogue(entries, 'grassroots', 'I11.9')).toMatchObject({ rule: 'may_treat' });
  });

  it('keeps the levels apart', () => {
    expect(checkCatalogue(entries, 'county', 'I63.9')).toMatchObject({ rule: 'down_when_stable' });
    expect(checkCatalogue(entries, 'grassroots', 'I63.9')).toMatchObject({ rule: 'refer_up' });
  });

  it('places units on levels', () => {
    expect(catalogueLevelOf('village_clinic')).toBe('grassroots');
    expect(catalogueLevelOf('lead_hospital')).toBe('county');
  });
});
