import { describe, expect, it } from 'vitest';
import { isKnownAreaCode, loadCountyDivisions, loadVillages, townshipKind, villageDisplayName } from './divisions.ts';

describe('divisions', () => {
  it('reads a county with its city, province and townships', () => {
    const d = loadCountyDivisions('330521');
    expect([d.province.name, d.city.name, d.area.name]).toEqual(['浙江省', '湖州市', '德清县']);
    expect(d.streets.map((s) => s.name)).toContain('新市镇');
    expect(d.streets).toHaveLength(13);
  });

  it('finds exactly the villages of a county in the sorted CSV', () => {
    const vs = loadVillages('330521');
    expect(vs.length).toBe(177);
    expect(vs.every((v) => v.code.startsWith('330521') && v.streetCode === v.code.slice(0, 9))).toBe(true);
    expect(vs[0]).toEqual({ code: '330521001001', name: '居仁社区居委会', streetCode: '330521001' });
    expect(loadVillages('110101')[0]?.code).toBe('110101001001'); // the first rows of the file
  });

  it('rejects an unknown county code', () => {
    expect(isKnownAreaCode('330521')).toBe(true);
    expect(isKnownAreaCode('339999')).toBe(false);
    expect(() => loadCountyDivisions('339999')).toThrow(/Unknown/);
  });

  it('names village-level units the way people say them', () => {
    expect(villageDisplayName('对河口村委会')).toEqual({ name: '对河口村', kind: 'village' });
    expect(villageDisplayName('宋市村村民委员会')).toEqual({ name: '宋市村', kind: 'village' });
    expect(villageDisplayName('居仁社区居委会')).toEqual({ name: '居仁社区', kind: 'community' });
    expect(villageDisplayName('封愚居委会')).toEqual({ name: '封愚社区', kind: 'community' });
    expect(townshipKind('武康街道')).toBe('subdistrict');
    expect(townshipKind('孙岗乡')).toBe('town');
    expect(townshipKind('经济开发区')).toBeNull();
  });
});
