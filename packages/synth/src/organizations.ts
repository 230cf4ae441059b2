import { secondPlateName, type OrganizationKind } from '@yigong/domain';
import { townshipKind, villageDisplayName, type CountyDivisions, type Division } from './divisions.ts';
import type { Rng } from './prng.ts';
import type { SynthGrid, SynthOrganization } from './types.ts';

/** A village-level unit whose residents are generated, with the unit that manages them. */
export interface ResidentialUnit {
  township: string;
  village: string;
  /** The village clinic or community station; the township centre when the unit has none. */
  organizationId: string;
  gridId: string;
  residents: number;
}

export interface OrgStructure {
  grids: SynthGrid[];
  organizations: SynthOrganization[];
  lead: SynthOrganization;
  /** Township centres (乡镇卫生院 / 社区卫生服务中心) with their township's population. */
  centres: { org: SynthOrganization; residents: number }[];
  units: ResidentialUnit[];
}

/** Collaborating tertiary hospitals (协作医院) by province code; others use '<province>人民医院'. */
const TERTIARY_BY_PROVINCE: Record<string, string> = {
  '11': '北京大学第一医院', '14': '山西医科大学第一医院', '31': '复旦大学附属中山医院', '32': '江苏省人民医院',
  '33': '浙江大学医学院附属第一医院', '34': '安徽医科大学第一附属医院', '35': '福建医科大学附属协和医院',
  '37': '山东大学齐鲁医院', '41': '郑州大学第一附属医院', '42': '华中科技大学同济医学院附属同济医院',
  '43': '中南大学湘雅医院', '44': '中山大学附属第一医院', '50': '重庆医科大学附属第一医院', '51': '四川大学华西医院',
};

/** Long-distance area codes for hospital switchboards; elsewhere a mobile number is used. */
const AREA_PHONE_CODES: Record<string, string> = { '3305': '0572', '3415': '0564', '3301': '0571', '3401': '0551' };
const ROADS = ['人民', '解放', '健康', '中山', '建设', '文化', '长安', '新华', '振兴', '和平'];

/** A mobile number 1[3-9]x + 8 digits, with the segments of the three carriers. */
export function drawMobile(rng: Rng): string {
  const prefix = rng.pick(['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
    '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '198', '199']);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

function switchboard(rng: Rng, cityCode: string): string {
  const code = AREA_PHONE_CODES[cityCode];
  return code ? `${code}-${rng.int(2, 8)}${String(rng.int(0, 999_999)).padStart(6, '0')}` : drawMobile(rng);
}

/** Shuffles a copy (Fisher–Yates) with the seeded stream. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Splits `total` over `weights` into integers that add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

type Village = Division & { streetCode: string };

/**
 * Chooses townships and villages: `tiny` (< 5,000 residents) keeps 3 townships × 3 villages;
 * larger sizes keep every real township and about one village-level unit per 400 residents
 * (all of them at county size), at least one per township.
 */
function chooseUnits(rng: Rng, div: CountyDivisions, villages: Village[], residents: number): { street: Division; villages: Village[] }[] {
  const all = div.streets.filter((s) => townshipKind(s.name) !== null && villages.some((v) => v.streetCode === s.code));
  if (all.length === 0) throw new Error(`No township with villages in ${div.area.code}`);
  const byStreet = new Map(all.map((s) => [s.code, villages.filter((v) => v.streetCode === s.code)]));
  if (residents < 5000) {
    const seat = all.find((s) => townshipKind(s.name) === 'subdistrict');
    const towns = all.filter((s) => s !== seat);
    const picked = [...(seat ? [seat] : []), ...towns].slice(0, 3);
    return picked.map((street) => {
      const vs = byStreet.get(street.code)!;
      const rural = vs.filter((v) => villageDisplayName(v.name).kind === 'village');
      const chosen = shuffled(rng, rural.length >= 3 ? rural : vs).slice(0, 3);
      return { street, villages: chosen.sort((a, b) => (a.code < b.code ? -1 : 1)) };
    });
  }
  const available = all.reduce((s, st) => s + byStreet.get(st.code)!.length, 0);
  const target = Math.max(all.length, Math.min(available, Math.round(residents / 400)));
  const perStreet = apportion(target - all.length, all.map((s) => byStreet.get(s.code)!.length - 1)).map((n) => n + 1);
  return all.map((street, i) => {
    const vs = byStreet.get(street.code)!;
    const chosen = shuffled(rng, vs).slice(0, perStreet[i]!);
    return { street, villages: chosen.sort((a, b) => (a.code < b.code ? -1 : 1)) };
  });
}

function org(rng: Rng, o: Omit<SynthOrganization, 'id' | 'secondPlateName'> & { secondPlateName?: string | null }): SynthOrganization {
  return { id: rng.uuid(), secondPlateName: null, ...o };
}

/**
 * The member units: lead (county people's) hospital, county TCM and maternal–child hospitals, a
 * collaborating tertiary hospital, one centre per township and clinics in the villages. Hierarchy
 * per policy text 002 (县乡一体、乡村一体): centres under the lead hospital, clinics under their
 * centre; the TCM, MCH and collaborating hospitals are members without a parent.
 */
export function buildOrganizations(rng: Rng, div: CountyDivisions, villages: Village[], residents: number): OrgStructure {
  const county = div.area.name;
  const chosen = chooseUnits(rng, div, villages, residents);
  const grids: SynthGrid[] = chosen.map(({ street }) => ({ id: rng.uuid(), name: `${street.name}网格`, regionCode: street.code }));
  const seatGrid = grids[0]!;
  const seatStreet = chosen[0]!.street;
  const at = (township: string) => `${county}${township}${rng.pick(ROADS)}路${rng.int(1, 400)}号`;
  const phone = () => switchboard(rng, div.city.code);
  const lead = org(rng, { kind: 'lead_hospital', name: `${county}人民医院`, shortName: '县人民医院', level: 'secondary', parentId: null,
    gridId: seatGrid.id, regionCode: div.area.code, beds: rng.int(70, 90) * 10, address: at(seatStreet.name), phone: phone() });
  const hospitals = [
    lead,
    org(rng, { kind: 'tcm_hospital', name: `${county}中医院`, shortName: '县中医院', level: 'secondary', parentId: null,
      gridId: seatGrid.id, regionCode: div.area.code, beds: rng.int(30, 50) * 10, address: at(seatStreet.name), phone: phone() }),
    org(rng, { kind: 'maternal_child_hospital', name: `${county}妇幼保健院`, shortName: '县妇保院', level: 'secondary', parentId: null,
      gridId: seatGrid.id, regionCode: div.area.code, beds: rng.int(10, 20) * 10, address: at(seatStreet.name), phone: phone() }),
    org(rng, { kind: 'collaborating_hospital', name: TERTIARY_BY_PROVINCE[div.province.code] ?? `${div.province.name}人民医院`,
      shortName: null, level: 'tertiary', parentId: null, gridId: null, regionCode: null, beds: rng.int(20, 35) * 100,
      address: `${div.province.name}`, phone: drawMobile(rng) }),
  ];
  // Unit populations: urban communities are denser than villages (weights drawn per unit).
  const flat = chosen.flatMap(({ street, villages: vs }, gi) =>
    vs.map((v) => ({ street, gi, v, shown: villageDisplayName(v.name) })));
  const quotas = apportion(residents, flat.map((u) => (u.shown.kind === 'community' ? 1.8 : 1) * (0.5 + rng.next())));
  const centres: OrgStructure['centres'] = [];
  const clinics: SynthOrganization[] = [];
  const units: ResidentialUnit[] = [];
  const taken = new Set<string>();
  // Organisation names are unique per community; two village committees can share a short name.
  const unique = (name: string): string => {
    let out = name;
    for (let i = 2; taken.has(out); i++) out = name.replace(/(卫生室|卫生服务站)$/, `${i}$1`);
    taken.add(out);
    return out;
  };
  chosen.forEach(({ street }, gi) => {
    const sub = townshipKind(street.name) === 'subdistrict';
    const kind: OrganizationKind = sub ? 'community_center' : 'township_center';
    const name = sub ? `${street.name}社区卫生服务中心` : `${county}${street.name}${gi % 3 === 1 ? '中心' : ''}卫生院`;
    const centre = org(rng, { kind, name, shortName: street.name, level: 'primary', parentId: lead.id, gridId: grids[gi]!.id,
      regionCode: street.code, beds: rng.int(20, 80), address: at(street.name), phone: phone(),
      secondPlateName: secondPlateName(kind, lead.name, street.name) });
    const mine = flat.map((u, i) => ({ ...u, quota: quotas[i]! })).filter((u) => u.gi === gi);
    centres.push({ org: centre, residents: mine.reduce((s, u) => s + u.quota, 0) });
    // Every 村 has a 村卫生室 (national full-coverage target); about half of the urban communities
    // have a 社区卫生服务站 — the others are served by the centre directly. Tiny keeps all.
    for (const u of mine) {
      let managing = centre.id;
      if (u.shown.kind === 'village' || residents < 5000 || rng.chance(0.5)) {
        const ck: OrganizationKind = u.shown.kind === 'village' ? 'village_clinic' : 'community_station';
        const clinic = org(rng, { kind: ck, name: unique(`${street.name}${u.shown.name}${ck === 'village_clinic' ? '卫生室' : '卫生服务站'}`),
          shortName: u.shown.name, level: 'primary', parentId: centre.id, gridId: grids[gi]!.id, regionCode: street.code, beds: 0,
          address: `${county}${street.name}${u.shown.name}${rng.int(1, 200)}号`, phone: drawMobile(rng),
          secondPlateName: secondPlateName(ck, lead.name) });
        clinics.push(clinic);
        managing = clinic.id;
      }
      units.push({ township: street.name, village: u.shown.name, organizationId: managing, gridId: grids[gi]!.id, residents: u.quota });
    }
  });
  return { grids, organizations: [...hospitals, ...centres.map((c) => c.org), ...clinics], lead, centres, units };
}
