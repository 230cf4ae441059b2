import { idNumberCheckChar, type RecordedFlags, type Sex } from '@yigong/domain';
import { AGE_BANDS, HOUSEHOLD_SIZE_SHARES, type PopulationShape } from './census.ts';
import { addDays, dateOfDay, dayNumber, yearsBefore } from './dates.ts';
import { drawDisabled, drawInsurance, drawProblems } from './health.ts';
import { drawGivenName, drawSurname } from './names.ts';
import { drawMobile, type ResidentialUnit } from './organizations.ts';
import { createRng, createSampler, type Rng } from './prng.ts';
import type { SynthHousehold, SynthResident } from './types.ts';

type Role = 'spouse' | 'child' | 'parent' | 'grandchild';

/**
 * Household compositions by size besides the head (weights). Rural China has many empty-nest
 * elderly couples, grandparents raising left-behind children (留守儿童, parents working away) and
 * three-generation homes.
 */
const COMPOSITIONS: Record<number, readonly (readonly [number, readonly Role[]])[]> = {
  1: [[1, []]],
  2: [[0.62, ['spouse']], [0.28, ['child']], [0.06, ['grandchild']], [0.04, ['parent']]],
  3: [[0.68, ['spouse', 'child']], [0.14, ['spouse', 'grandchild']], [0.1, ['spouse', 'parent']], [0.08, ['child', 'child']]],
  4: [[0.55, ['spouse', 'child', 'child']], [0.2, ['spouse', 'child', 'parent']], [0.15, ['spouse', 'child', 'grandchild']],
    [0.1, ['spouse', 'parent', 'parent']]],
  5: [[0.35, ['spouse', 'child', 'child', 'parent']], [0.25, ['spouse', 'child', 'parent', 'parent']],
    [0.15, ['spouse', 'child', 'child', 'child']], [0.25, ['spouse', 'child', 'child', 'grandchild']]],
};
const drawSize = createSampler(HOUSEHOLD_SIZE_SHARES);

export interface HouseholdContext {
  seed: number;
  regionCode: string;
  asOf: string;
  urban: boolean;
  shape: PopulationShape;
  units: readonly ResidentialUnit[];
}

interface Person {
  age: number;
  sex: Sex;
  role: Role | 'head';
}

/**
 * Quota sampling against the census shape: each age band and sex is drawn with weight equal to
 * how far its count lags behind its target share (plus a small floor), so the whole community
 * follows the 2020 pyramid while every household stays internally consistent.
 */
class AgeQuota {
  private readonly counts = { male: new Array<number>(AGE_BANDS.length).fill(0), female: new Array<number>(AGE_BANDS.length).fill(0) };
  private n = 0;
  constructor(private readonly rng: Rng, private readonly shape: PopulationShape) {}

  /** An age in [lo, hi] and a sex (fixed when `sex` is given), where the pyramid lags most. */
  draw(lo: number, hi: number, sex?: Sex): { age: number; sex: Sex } {
    const sexes: readonly Sex[] = sex ? [sex] : ['male', 'female'];
    const cells: { band: number; sex: Sex; from: number; to: number }[] = [];
    const weights: number[] = [];
    for (let b = 0; b < AGE_BANDS.length; b++) {
      const from = Math.max(lo, AGE_BANDS[b]!.from);
      const to = Math.min(hi, AGE_BANDS[b]!.to);
      if (from > to) continue;
      const overlap = (to - from + 1) / 5;
      for (const s of sexes) {
        const target = this.shape[s][b]!;
        const lag = target * (this.n + 25) - this.counts[s][b]!;
        cells.push({ band: b, sex: s, from, to });
        weights.push((Math.max(0, lag) + 0.002 * target) * overlap);
      }
    }
    const c = cells[this.rng.weighted(weights)]!;
    this.counts[c.sex][c.band]! += 1;
    this.n += 1;
    return { age: this.rng.int(c.from, c.to), sex: c.sex };
  }
}

/** Birth date for an age in whole years on `asOf`, uniform over that year of life. */
function birthDateFor(rng: Rng, age: number, asOf: string): string {
  const from = dayNumber(yearsBefore(asOf, age + 1)) + 1;
  const to = dayNumber(yearsBefore(asOf, age));
  return dateOfDay(rng.int(from, to));
}

/** Draws the members' ages and sexes: head first, then the relatives the composition names. */
function composeHousehold(rng: Rng, quota: AgeQuota, size: number): Person[] {
  const comps = COMPOSITIONS[size]!;
  const roles = comps[rng.weighted(comps.map((c) => c[0]))]![1];
  const lo = roles.includes('grandchild') ? 40 : roles.length > 0 ? 20 : 18;
  const head: Person = { ...quota.draw(lo, roles.includes('parent') ? 75 : 104), role: 'head' };
  const people: Person[] = [head];
  const spouse: Person | undefined = roles.includes('spouse')
    ? { ...quota.draw(Math.max(20, head.age - 7), Math.min(104, head.age + 7), head.sex === 'male' ? 'female' : 'male'), role: 'spouse' }
    : undefined;
  if (spouse) people.push(spouse);
  const younger = Math.min(head.age, spouse?.age ?? head.age);
  const older = Math.max(head.age, spouse?.age ?? head.age);
  let firstChild: number | undefined;
  let firstParent: Person | undefined;
  for (const role of roles) {
    if (role === 'child') {
      // Mothers aged 18–45 at birth; siblings within ten years of each other.
      let cLo = Math.max(0, older - 45);
      let cHi = Math.max(0, younger - 18);
      if (firstChild !== undefined) [cLo, cHi] = [Math.max(cLo, firstChild - 10), Math.min(cHi, firstChild + 10)];
      const c = quota.draw(Math.min(cLo, cHi), cHi);
      firstChild ??= c.age;
      people.push({ ...c, role });
    } else if (role === 'parent') {
      const p: Person = firstParent
        ? { ...quota.draw(Math.max(head.age + 18, firstParent.age - 6), Math.min(104, firstParent.age + 6), firstParent.sex === 'male' ? 'female' : 'male'), role }
        : { ...quota.draw(head.age + 20, Math.min(104, head.age + 45)), role };
      firstParent ??= p;
      people.push(p);
    } else if (role === 'grandchild') {
      people.push({ ...quota.draw(Math.max(0, head.age - 75), head.age - 38), role });
    }
  }
  return people;
}

/** GB 11643 (docs/domain/identity.md "ID number"): address code, birth date, 3-digit order code (odd for men), MOD 11-2 check character. */
function issueIdNumber(serials: Map<string, number>, regionCode: string, birthDate: string, sex: Sex): string {
  const ymd = birthDate.replaceAll('-', '');
  const key = ymd + sex[0];
  const k = serials.get(key) ?? 0;
  serials.set(key, k + 1);
  if (k >= 500) throw new Error(`More than 500 ${sex} residents born on ${birthDate}: the order code is exhausted`);
  // Digits 15–16 (police station) walk a permutation of 00–99; digit 17 carries the sex.
  const station = String((k * 37 + 11) % 100).padStart(2, '0');
  const body = `${regionCode}${ymd}${station}${2 * Math.floor(k / 100) + (sex === 'male' ? 1 : 0)}`;
  return body + idNumberCheckChar(body);
}

/**
 * Streams the households of every residential unit in order. State is local to each call, so two
 * calls yield identical households; only counters (per birth date) are kept, never residents.
 */
export function* generateHouseholds(ctx: HouseholdContext): Generator<SynthHousehold> {
  const rng = createRng(ctx.seed, 'households');
  const quota = new AgeQuota(rng, ctx.shape);
  const serials = new Map<string, number>();
  for (const unit of ctx.units) {
    const urban = ctx.urban || unit.village.endsWith('社区');
    let left = unit.residents;
    let houseNo = 0;
    while (left > 0) {
      const people = composeHousehold(rng, quota, Math.min(left, drawSize(rng) + 1));
      left -= people.length;
      houseNo += rng.int(1, 3);
      const household = { id: rng.uuid(), address: `${unit.township}${unit.village}${houseNo}号`, gridId: unit.gridId };
      const head = people[0]!;
      const spouse = people.find((p) => p.role === 'spouse');
      const father = head.sex === 'male' ? head : spouse?.sex === 'male' ? spouse : undefined;
      const surnames = { head: drawSurname(rng), spouse: drawSurname(rng), other: drawSurname(rng) };
      const poverty = rng.chance(0.03);
      // 计划生育特殊家庭: parents 49+ who lost or have a disabled only child — older small households.
      const specialFamily = head.age >= 49 && people.length <= 2 && people.every((p) => p.age >= 30) && rng.chance(0.035);
      let contact: string | null = null;
      const members: SynthResident[] = people.map((p) => {
        let surname = surnames.other;
        if (p.role === 'head') surname = surnames.head;
        else if (p.role === 'spouse') surname = surnames.spouse;
        else if (p.role === 'parent') surname = p.sex === 'male' ? surnames.head : surnames.other;
        else if (father && rng.chance(p.role === 'child' ? 0.95 : 0.75)) surname = father === head ? surnames.head : surnames.spouse;
        const birthDate = birthDateFor(rng, p.age, ctx.asOf);
        const own = p.age >= 16 && p.age < 80 ? drawMobile(rng) : null;
        contact ??= own;
        const flags: RecordedFlags = {};
        if (drawDisabled(rng, p.age)) flags.disabled = true;
        if (poverty) flags.poverty = true;
        if (specialFamily && p.age >= 49) flags.specialFamilyPlanning = true;
        if (p.sex === 'female' && (p.role === 'head' || p.role === 'spouse') && spouse && p.age >= 20 && p.age <= 40 && rng.chance(0.012)) {
          flags.pregnancyDueDate = addDays(ctx.asOf, rng.int(1, 270));
        }
        return {
          id: rng.uuid(), organizationId: unit.organizationId, gridId: unit.gridId, householdId: household.id,
          name: surname + drawGivenName(rng, p.sex, Number(birthDate.slice(0, 4))), sex: p.sex, birthDate,
          idNumber: issueIdNumber(serials, ctx.regionCode, birthDate, p.sex), phone: own, address: household.address,
          insuranceScheme: drawInsurance(rng, p.age, urban), flags,
          problems: drawProblems(rng, p.age, p.sex, ctx.asOf).map((x) => ({ id: rng.uuid(), icd10Code: x.code, onsetDate: x.onsetDate })),
        };
      });
      // The record's contact number: a relative's mobile when nobody at home has one.
      contact ??= drawMobile(rng);
      for (const m of members) m.phone ??= contact;
      // A baby born in the last 42 days makes its mother postpartum (产后 42 天, maternal window).
      const newborn = members.find((m, i) => people[i]!.role === 'child' && m.birthDate >= addDays(ctx.asOf, -42));
      const mother = members.find((m, i) => m.sex === 'female' && (people[i]!.role === 'head' || people[i]!.role === 'spouse'));
      if (newborn && mother) {
        delete mother.flags.pregnancyDueDate;
        mother.flags.deliveryDate = newborn.birthDate;
      }
      yield { household, members };
    }
  }
}
