import { idNumberCheckChar, type EncounterRecord } from '@yigong/domain';
import { createRng, type Rng } from './prng.ts';
import { COUNTY_CASES, OUT_OF_COUNTY_DIAGNOSES, TOWNSHIP_CASES, VISITOR_REGIONS, type InpatientCase } from './encounter-cases.ts';

/**
 * Synthetic encounter feed for a community (issue #5; records as docs/domain/encounters.md "Record"):
 * realistic volumes and mix, deterministic.
 * Sources for the shape (national health statistics yearbook, county level): ≈ 6.8 visits per
 * resident a year, ≈ 21 admissions per 100 residents, ≈ 45% of visits at hospitals, the rest at
 * township centres and village clinics; winter peaks; out-of-county care a minority of admissions;
 * a few percent of in-county visits by people from elsewhere (floating population, no resident record).
 */
export interface EncounterResident {
  idNumber: string;
  age: number;
  sex: 'male' | 'female';
  /** Codes of the resident's own village clinic (or station) and township centre. */
  clinicCode: string | null;
  townshipCode: string | null;
}

export interface EncounterUnits {
  lead: string;
  tcm: string | null;
  maternalChild: string | null;
}

const SEASON = [1.2, 1.15, 1.05, 0.95, 0.9, 0.9, 0.92, 0.92, 0.95, 1.0, 1.05, 1.15];
const OP_DIAGNOSES = ['J06.9', 'J20.9', 'I10', 'E11.9', 'K29.7', 'M54.5', 'J02.9', 'R51', 'K59.0', 'L30.9', 'H10.9', 'N39.0'];
const CHILD_OP = ['J06.9', 'J20.9', 'A09', 'J02.9', 'R50.9', 'L20.9'];

/** Expected visits and admissions per year by age (weights tuned to the county averages above). */
function yearlyRates(age: number): { visits: number; admissions: number } {
  // Tuned on the 德清县 county-scale population (bench: 6.4 → 6.8 visits per resident-year).
  if (age <= 6) return { visits: 8.1, admissions: 0.12 };
  if (age <= 17) return { visits: 3.0, admissions: 0.05 };
  if (age <= 44) return { visits: 4.6, admissions: 0.13 };
  if (age <= 64) return { visits: 7.5, admissions: 0.2 };
  return { visits: 12.1, admissions: 0.5 };
}

function poisson(rng: Rng, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rng.next();
  while (u > s && k < 60) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

function money(rng: Rng, yuan: number, spread = 0.5): number {
  return Math.round(yuan * (1 - spread / 2 + rng.next() * spread)) * 100;
}

function pay(rng: Rng, totalFen: number, fundShare: number): { fundPaid: number; outOfPocket: number } {
  const fundPaid = Math.round(totalFen * (fundShare - 0.05 + rng.next() * 0.1));
  const outOfPocket = Math.min(totalFen - fundPaid, Math.round(totalFen * (1 - fundShare) * (0.85 + rng.next() * 0.15)));
  return { fundPaid, outOfPocket };
}

function day(month: string, rng: Rng, last: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = `${month}-${String(rng.int(1, days)).padStart(2, '0')}`;
  return d > last ? last : d;
}

/** One admission's case from the level's mix (deliveries only for women of 18–45). */
function pickCase(rng: Rng, cases: readonly InpatientCase[], r: EncounterResident): InpatientCase {
  const fits = cases.filter((c) => !c.maternity || (r.sex === 'female' && r.age >= 18 && r.age <= 45));
  return fits[rng.weighted(fits.map((c) => c.share))]!;
}

/** A valid ID number of someone from another province (a visitor: resolves to no resident). */
function visitorIdNumber(rng: Rng): string {
  const birth = `${rng.int(1960, 2005)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const body = `${rng.pick(VISITOR_REGIONS)}${birth}${String(rng.int(0, 999)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

/** Share of in-county outpatient visits by visitors (not residents of the community). */
const VISITOR_SHARE = 0.04;

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Encounters of `residents` over `months` (YYYY-MM), none after `lastDay`. Yields records in
 * resident order; ids are stable for a seed, so a regenerated feed is a duplicate, not new data.
 */
export function* generateEncounters(residents: readonly EncounterResident[], units: EncounterUnits, months: readonly string[], seed: number, lastDay: string): Generator<EncounterRecord> {
  for (const [ri, r] of residents.entries()) {
    const rng = createRng(seed, 'enc', r.idNumber);
    const rates = yearlyRates(r.age);
    for (const month of months) {
      const season = SEASON[Number(month.slice(5, 7)) - 1]!;
      const visits = poisson(rng, (rates.visits * season) / 12);
      for (let v = 0; v < visits; v++) {
        const start = day(month, rng, lastDay);
        if (start > lastDay || start.slice(0, 7) !== month) continue;
        const where = rng.next();
        const child = r.age <= 14;
        // ≈ 55% grassroots (village 25%, township 30%), ≈ 43% county hospitals, ≈ 2% out of county.
        const [orgCode, level] = where < 0.25 && r.clinicCode ? [r.clinicCode, 'village'] : where < 0.55 && r.townshipCode ? [r.townshipCode, 'township']
          : where < 0.98 ? [child && units.maternalChild && rng.chance(0.4) ? units.maternalChild : units.tcm && rng.chance(0.15) ? units.tcm : units.lead, 'county'] : ['杭州市第一人民医院', 'out'];
        const total = money(rng, level === 'village' ? 40 : level === 'township' ? 90 : level === 'county' ? 260 : 520);
        const emergency = level === 'county' && rng.chance(0.1);
        const visitor = level !== 'out' && level !== 'village' && rng.chance(VISITOR_SHARE);
        yield {
          id: `op-${ri}-${month}-${v}`, source: level === 'out' ? 'insurance' : `HIS-${orgCode}`, orgCode, outOfCounty: level === 'out',
          residentIdNumber: visitor ? visitorIdNumber(rng) : r.idNumber, type: emergency ? 'emergency' : 'outpatient', start, end: null,
          diagnoses: [{ code: rng.pick(child ? CHILD_OP : OP_DIAGNOSES), primary: true }], procedures: [],
          totalCost: total, ...pay(rng, total, level === 'village' ? 0.6 : level === 'township' ? 0.55 : 0.5), drg: null,
        };
      }
      const admissions = poisson(rng, (rates.admissions * season) / 12);
      for (let a = 0; a < admissions; a++) {
        const where = rng.next();
        const level = where < 0.18 && r.townshipCode ? 'township' : where < 0.86 ? 'county' : 'out';
        const kase = level === 'out' ? null : pickCase(rng, level === 'township' ? TOWNSHIP_CASES : COUNTY_CASES, r);
        const los = kase ? rng.int(kase.los[0], kase.los[1]) : rng.int(6, 18);
        const start = day(month, rng, lastDay);
        const end = addDays(start, los);
        if (end > lastDay) continue;
        const orgCode = level === 'township' ? r.townshipCode! : level === 'county' ? (kase?.maternity && units.maternalChild && rng.chance(0.6) ? units.maternalChild : units.tcm && rng.chance(0.12) ? units.tcm : units.lead)
          : rng.pick(['浙江大学医学院附属第一医院', '浙江省人民医院', '浙江省肿瘤医院', '上海交通大学医学院附属瑞金医院']);
        const weight = kase ? Math.round((kase.weight[0] + rng.next() * (kase.weight[1] - kase.weight[0])) * 100) / 100 : 0;
        const total = money(rng, level === 'township' ? 3200 * weight / 0.6 : level === 'county' ? 9500 * weight : 26000, 0.5);
        const operated = kase?.procedure && rng.chance(kase.procedure.p) ? kase.procedure : null;
        yield {
          id: `ip-${ri}-${month}-${a}`, source: level === 'out' ? 'insurance' : `HIS-${orgCode}`, orgCode, outOfCounty: level === 'out',
          residentIdNumber: r.idNumber, type: 'inpatient', start, end,
          diagnoses: [{ code: kase ? kase.dx : rng.pick(OUT_OF_COUNTY_DIAGNOSES), primary: true }],
          procedures: operated ? [{ code: operated.code, grade: operated.grade }] : [],
          totalCost: total, ...pay(rng, total, level === 'out' ? 0.55 : 0.68),
          drg: kase ? { code: kase.drg, weight } : null,
        };
      }
    }
  }
}
