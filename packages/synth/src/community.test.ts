import { describe, expect, it } from 'vitest';
import { ageOn, parseIdNumber, PRACTITIONER_TITLES } from '@yigong/domain';
import { AGE_BANDS, bandOf, populationShape } from './census.ts';
import { generateCommunity } from './community.ts';
import { isKnownAreaCode } from './divisions.ts';
import type { SynthCommunity, SynthResident } from './types.ts';

const AS_OF = '2026-11-01';
const tiny = (seed = 7, regionCode = '330521') => generateCommunity({ regionCode, size: 'tiny', seed, asOf: AS_OF });
const residentsOf = (c: SynthCommunity): SynthResident[] => [...c.households()].flatMap((h) => h.members);
const serialise = (c: SynthCommunity): string =>
  JSON.stringify({ ...c, households: [...c.households()] });

describe('generateCommunity', () => {
  it('gives byte-identical output for the same options', () => {
    expect(serialise(tiny())).toBe(serialise(tiny()));
  });

  it('gives different ids for another seed or another region', () => {
    const a = tiny(7);
    const ids = new Set([a.community.id, ...a.organizations.map((o) => o.id), ...residentsOf(a).map((r) => r.id)]);
    for (const b of [tiny(8), tiny(7, '341504')]) {
      expect(ids.has(b.community.id)).toBe(false);
      expect(b.organizations.some((o) => ids.has(o.id))).toBe(false);
      expect(residentsOf(b).some((r) => ids.has(r.id))).toBe(false);
    }
  });

  it('yields the announced number of residents in households of one to five sharing address and grid', () => {
    const c = tiny();
    let n = 0;
    for (const { household, members } of c.households()) {
      expect(members.length).toBeGreaterThanOrEqual(1);
      expect(members.length).toBeLessThanOrEqual(5);
      for (const m of members) {
        expect([m.householdId, m.address, m.gridId]).toEqual([household.id, household.address, household.gridId]);
      }
      n += members.length;
    }
    expect(n).toBe(c.residentCount);
    expect(n).toBe(2000);
  });

  it('issues every resident a valid, unique GB 11643 number of the county, matching birth date and sex', () => {
    const seen = new Set<string>();
    for (const r of residentsOf(tiny())) {
      const parsed = parseIdNumber(r.idNumber, isKnownAreaCode, AS_OF);
      expect(parsed.ok, r.idNumber).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value).toEqual({ normalized: r.idNumber, regionCode: '330521', birthDate: r.birthDate, sex: r.sex });
      expect(seen.has(r.idNumber)).toBe(false);
      seen.add(r.idNumber);
    }
  });

  it('follows the 2020 census age–sex shape of a rural county within tolerance', () => {
    const c = generateCommunity({ regionCode: '330521', size: 'demo', seed: 3, asOf: AS_OF });
    const shape = populationShape('county_community');
    const counts = { male: new Array<number>(AGE_BANDS.length).fill(0), female: new Array<number>(AGE_BANDS.length).fill(0) };
    let n = 0;
    for (const r of residentsOf(c)) {
      counts[r.sex][bandOf(ageOn(r.birthDate, AS_OF))]! += 1;
      n += 1;
    }
    let distance = 0;
    for (const s of ['male', 'female'] as const) {
      for (let b = 0; b < AGE_BANDS.length; b++) {
        const diff = Math.abs(counts[s][b]! / n - shape[s][b]!);
        expect(diff, `${s} ${AGE_BANDS[b]!.from}–${AGE_BANDS[b]!.to}`).toBeLessThan(0.005);
        distance += diff / 2;
      }
    }
    expect(distance).toBeLessThan(0.02);
    const share = (from: number, to: number, of: { male: readonly number[]; female: readonly number[] }, total: number) =>
      AGE_BANDS.reduce((sum, band, b) => (band.from >= from && band.to <= to ? sum + of.male[b]! + of.female[b]! : sum), 0) / total;
    expect(share(0, 14, counts, n)).toBeCloseTo(share(0, 14, shape, 1), 1);
    expect(share(60, 104, counts, n)).toBeCloseTo(share(60, 104, shape, 1), 1);
  });

  it('gives every village clinic and community station residents, and only units of the community', () => {
    const c = generateCommunity({ regionCode: '330521', size: 'demo', seed: 3, asOf: AS_OF });
    const served = new Map<string, number>();
    for (const r of residentsOf(c)) served.set(r.organizationId, (served.get(r.organizationId) ?? 0) + 1);
    const kindOf = new Map(c.organizations.map((o) => [o.id, o.kind]));
    for (const id of served.keys()) expect(['village_clinic', 'community_station', 'township_center', 'community_center']).toContain(kindOf.get(id));
    const clinics = c.organizations.filter((o) => o.kind === 'village_clinic' || o.kind === 'community_station');
    expect(clinics.length).toBeGreaterThan(20);
    for (const o of clinics) expect(served.get(o.id) ?? 0, o.name).toBeGreaterThan(0);
  });

  it('builds the member hierarchy of a county medical community', () => {
    const c = generateCommunity({ regionCode: '330521', size: 'demo', seed: 3, asOf: AS_OF });
    const byId = new Map(c.organizations.map((o) => [o.id, o]));
    const lead = byId.get(c.community.leadOrganizationId)!;
    expect(c.community.name).toBe('德清县医共体');
    expect([lead.kind, lead.name, lead.level]).toEqual(['lead_hospital', '德清县人民医院', 'secondary']);
    const names = c.organizations.map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['德清县中医院', '德清县妇幼保健院', '浙江大学医学院附属第一医院', '武康街道社区卫生服务中心']));
    expect(new Set(names).size).toBe(names.length);
    expect(c.grids).toHaveLength(13); // 德清县 has 13 township-level units (5 街道, 8 镇)
    c.organizations.forEach((o, i) => {
      const parent = o.parentId ? byId.get(o.parentId) : undefined;
      if (parent) expect(c.organizations.indexOf(parent)).toBeLessThan(i);
      if (o.kind === 'township_center' || o.kind === 'community_center') {
        expect(parent).toBe(lead);
        expect(o.beds).toBeGreaterThanOrEqual(20);
        expect(o.beds).toBeLessThanOrEqual(80);
        expect(o.secondPlateName).toBe(`德清县人民医院${o.shortName}分院`);
      } else if (o.kind === 'village_clinic' || o.kind === 'community_station') {
        expect(['township_center', 'community_center']).toContain(parent?.kind);
        expect(o.beds).toBe(0);
        expect(o.secondPlateName).toBe('德清县人民医院医疗共同体成员单位');
      } else if (o.kind !== 'lead_hospital') {
        expect(o.parentId).toBeNull();
      }
    });
    expect(names.some((n) => /^德清县新市镇(中心)?卫生院$/.test(n))).toBe(true);
  });

  it('staffs the units with departments, titles and unique 15-digit licence numbers', () => {
    const c = generateCommunity({ regionCode: '330521', size: 'demo', seed: 3, asOf: AS_OF });
    const leadCodes = c.departments.filter((d) => d.organizationId === c.community.leadOrganizationId).map((d) => d.code);
    expect(leadCodes).toEqual(expect.arrayContaining(['cardiology', 'endocrinology', 'neurology', 'respiratory', 'general_surgery',
      'orthopedics', 'obstetrics', 'pediatrics', 'emergency', 'general_practice', 'imaging', 'laboratory']));
    expect(c.departments.find((d) => d.code === 'cardiology')?.name).toBe('心血管内科');
    for (const d of c.departments) expect(d.code).toMatch(/^[a-z_]{2,40}$/);
    const licences = c.practitioners.map((p) => p.licenceNumber);
    expect(new Set(licences).size).toBe(licences.length);
    for (const p of c.practitioners) {
      expect(p.licenceNumber).toMatch(/^\d{15}$/);
      expect(PRACTITIONER_TITLES).toContain(p.title);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    const leadDoctors = c.practitioners.filter((p) => p.organizationId === c.community.leadOrganizationId && p.title.endsWith('physician'));
    expect(leadDoctors.length).toBeGreaterThanOrEqual(150);
    for (const o of c.organizations.filter((x) => x.kind === 'township_center' || x.kind === 'community_center')) {
      const n = c.practitioners.filter((p) => p.organizationId === o.id).length;
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(40);
    }
    for (const o of c.organizations.filter((x) => x.kind === 'village_clinic')) {
      const staff = c.practitioners.filter((p) => p.organizationId === o.id);
      expect(staff.length).toBeGreaterThanOrEqual(1);
      expect(staff.length).toBeLessThanOrEqual(2);
      expect(staff.every((p) => p.title === 'village_doctor')).toBe(true);
    }
    expect(c.assignments.some((a) => a.kind === 'dispatch' && a.endsOn !== null)).toBe(true);
    expect(c.assignments.some((a) => a.kind === 'county_managed_township_used')).toBe(true);
  });

  it('generates the tiny size fast', () => {
    const t0 = performance.now();
    const n = residentsOf(tiny(99)).length;
    expect(n).toBe(2000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
