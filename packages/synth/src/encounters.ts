import type { EncounterRecord } from '@yigong/domain';
import { createRng, type Rng } from './prng.ts';

/**
 * Synthetic encounter feed for a community (issue #5): realistic volumes and mix, deterministic.
 * Sources for the shape (national health statistics yearbook, county level): ≈ 6.8 visits per
 * resident a year, ≈ 21 admissions per 100 residents, ≈ 45% of visits at hospitals, the rest at
 * township centres and village clinics; winter peaks; out-of-county care a minority of admissions.
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
const IP_DIAGNOSES = ['J18.9', 'I63.9', 'I25.1', 'K80.2', 'S72.0', 'J44.1', 'I50.9', 'K35.8', 'E11.9', 'N20.0'];
const OUT_DIAGNOSES = ['C34.9', 'C16.9', 'C22.0', 'C18.9', 'C50.9', 'I21.9', 'I61.9', 'Q21.1', 'N18.9', 'C34.1'];

/** Expected visits and admissions per year by age (weights tuned to the county averages above). */
function yearlyRates(age: number): { visits: number; admissions: number } {
  if (age <= 6) return { visits: 8, admissions: 0.12 };
  if (age <= 17) return { visits: 3, admissions: 0.05 };
  if (age <= 44) return { visits: 4.5, admissions: 0.13 };
  if (age <= 64) return { visits: 7.5, admissions: 0.2 };
  return { visits: 12, admissions: 0.5 };
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
        yield {
          id: `op-${ri}-${month}-${v}`, source: level === 'out' ? 'insurance' : `HIS-${orgCode}`, orgCode, outOfCounty: level === 'out',
          residentIdNumber: r.idNumber, type: emergency ? 'emergency' : 'outpatient', start, end: null,
          diagnoses: [{ code: rng.pick(child ? CHILD_OP : OP_DIAGNOSES), primary: true }], procedures: [],
          totalCost: total, ...pay(rng, total, level === 'village' ? 0.6 : level === 'township' ? 0.55 : 0.5), drg: null,
        };
      }
      const admissions = poisson(rng, (rates.admissions * season) / 12);
      for (let a = 0; a < admissions; a++) {
        const where = rng.next();
        const level = where < 0.18 && r.townshipCode ? 'township' : where < 0.86 ? 'county' : 'out';
        const los = level === 'township' ? rng.int(3, 8) : level === 'county' ? rng.int(4, 13) : rng.int(6, 18);
        const start = day(month, rng, lastDay);
        const end = addDays(start, los);
        if (end > lastDay) continue;
        const orgCode = level === 'township' ? r.townshipCode! : level === 'county' ? (units.tcm && rng.chance(0.12) ? units.tcm : units.lead) : rng.pick(['浙江大学医学院附属第一医院', '浙江省人民医院', '浙江省肿瘤医院', '上海交通大学医学院附属瑞金医院']);
        const total = money(rng, level === 'township' ? 3200 : level === 'county' ? 9500 : 26000, 0.7);
        const graded = level !== 'township' && rng.chance(0.45);
        yield {
          id: `ip-${ri}-${month}-${a}`, source: level === 'out' ? 'insurance' : `HIS-${orgCode}`, orgCode, outOfCounty: level === 'out',
          residentIdNumber: r.idNumber, type: 'inpatient', start, end,
          diagnoses: [{ code: level === 'out' ? rng.pick(OUT_DIAGNOSES) : rng.pick(IP_DIAGNOSES), primary: true }],
          procedures: graded ? [{ code: 'OP', grade: rng.weighted([3, 4, 3, 1]) + 1 }] : [],
          totalCost: total, ...pay(rng, total, level === 'out' ? 0.55 : 0.68),
          drg: level === 'out' ? null : { code: 'DRG', weight: Math.round((level === 'township' ? 0.4 + rng.next() * 0.6 : 0.6 + rng.next() * 1.4) * 100) / 100 },
        };
      }
    }
  }
}
