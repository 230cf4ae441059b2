import { ageOn } from '../residents/key-populations.ts';
import type { ChronicDisease, FollowUpWay } from './follow-up-rules.ts';
import { DEFAULT_RULE_SET, RULE_SETS } from './follow-up-rules.ts';

/** docs/domain/chronic.md "Rates": per scope and calendar year, as of a date (end of year or today). */
export interface EnrollmentFact {
  id: string;
  disease: ChronicDisease;
  birthDate: string;
  enrolledOn: string;
  endedOn: string | null;
}

export interface FollowUpFact {
  enrollmentId: string;
  date: string;
  way: FollowUpWay;
  controlled: boolean;
}

export interface RateCounts {
  managed: number;
  standard: number;
  controlled: number;
  standardRate: number | null;
  controlRate: number | null;
}

/** Calendar months touched between two dates (inclusive): 15 Jan – 31 Dec is 12. */
function monthsTouched(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * Required face-to-face follow-ups in the year: 4 when managed the whole year; otherwise
 * `ceil(4 × months managed in the year / 12)`, at least 1 (docs/domain/chronic.md "Rates").
 */
export function requiredFollowUps(e: Pick<EnrollmentFact, 'enrolledOn' | 'endedOn'>, year: number): number {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const from = e.enrolledOn > start ? e.enrolledOn : start;
  const to = e.endedOn && e.endedOn < end ? e.endedOn : end;
  if (from === start && to === end) return 4;
  return Math.max(1, Math.ceil((4 * monthsTouched(from, to)) / 12));
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/**
 * Standard-management rate and control rate. Managed: enrolled on or before the as-of date, not
 * ended before the year began, aged ≥ 35 at the as-of date. Standard: ≥ required face-to-face
 * (clinic or home; phone does not count) follow-ups in the year up to the as-of date. Controlled:
 * the latest follow-up in the year (any way) is controlled; none counts as not controlled (失访).
 */
export function computeChronicRates(enrollments: readonly EnrollmentFact[], followUps: readonly FollowUpFact[], year: number, asOf: string, disease: ChronicDisease | null = null, ruleSet = DEFAULT_RULE_SET): RateCounts {
  const minAge = RULE_SETS[ruleSet]!.ratesMinAge;
  const yearStart = `${year}-01-01`;
  const byEnrollment = new Map<string, FollowUpFact[]>();
  for (const f of followUps) {
    if (f.date < yearStart || f.date > asOf || f.date > `${year}-12-31`) continue;
    const list = byEnrollment.get(f.enrollmentId) ?? [];
    list.push(f);
    byEnrollment.set(f.enrollmentId, list);
  }
  let managed = 0;
  let standard = 0;
  let controlled = 0;
  for (const e of enrollments) {
    if (disease && e.disease !== disease) continue;
    if (e.enrolledOn > asOf || (e.endedOn && e.endedOn < yearStart)) continue;
    if (ageOn(e.birthDate, asOf) < minAge) continue;
    managed++;
    const fus = byEnrollment.get(e.id) ?? [];
    const faceToFace = fus.filter((f) => f.way !== 'phone').length;
    if (faceToFace >= requiredFollowUps(e, year)) standard++;
    const latest = fus.reduce<FollowUpFact | null>((a, f) => (!a || f.date >= a.date ? f : a), null);
    if (latest?.controlled) controlled++;
  }
  return { managed, standard, controlled, standardRate: ratio(standard, managed), controlRate: ratio(controlled, managed) };
}

/** Combined rates add numerators and denominators (docs/domain/indicators.md "General rules"), never average rates. */
export function combineRates(a: RateCounts, b: RateCounts): RateCounts {
  const managed = a.managed + b.managed;
  const standard = a.standard + b.standard;
  const controlled = a.controlled + b.controlled;
  return { managed, standard, controlled, standardRate: ratio(standard, managed), controlRate: ratio(controlled, managed) };
}

/**
 * Long prescriptions (docs/domain/chronic.md "Long prescriptions", policy text 000): 8–12 weeks
 * only for a patient whose latest follow-up is satisfactory and within the last 3 months, at a
 * township or community centre.
 */
export function longPrescriptionAllowed(p: { weeks: number; latest: { date: string; classification: string } | null; today: string; unitKind: string }): { ok: true } | { ok: false; reason: string } {
  if (p.weeks > 12) return { ok: false, reason: '长处方不超过12周' };
  if (p.weeks <= 4) return { ok: true };
  if (!['township_center', 'community_center'].includes(p.unitKind)) return { ok: false, reason: '长处方由乡镇卫生院或社区卫生服务中心开具' };
  if (!p.latest || p.latest.classification !== 'satisfactory') return { ok: false, reason: '最近一次随访须为控制满意' };
  const threeMonthsAgo = new Date(Date.parse(`${p.today}T00:00:00Z`));
  threeMonthsAgo.setUTCMonth(threeMonthsAgo.getUTCMonth() - 3);
  if (p.latest.date < threeMonthsAgo.toISOString().slice(0, 10)) return { ok: false, reason: '最近一次控制满意的随访须在3个月内' };
  return { ok: true };
}
