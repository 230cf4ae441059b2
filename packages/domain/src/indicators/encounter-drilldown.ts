import type { Metric } from './encounter-record.ts';
import { INDICATOR_DEFINITIONS, MODULE_INDICATOR_DEFINITIONS } from './indicator-definitions.ts';

/**
 * Drill-down from an indicator's number to the encounters behind it, from community to unit to
 * the encounters (docs/domain/indicators.md "Dashboard"). Pure: the server stores each
 * encounter's `contributions()` and lists the rows whose counters this module names.
 */
export const INDICATOR_PARTS = ['numerator', 'denominator'] as const;
export type IndicatorPart = (typeof INDICATOR_PARTS)[number];

/**
 * Counters that are 0 or 1 per encounter (a count of encounters). The others are sums (fen, days,
 * DRG weight ×10⁴): their number is the sum over the encounters listed, not their count.
 */
export const COUNT_METRICS: ReadonlySet<Metric> = new Set<Metric>([
  'res_ip', 'res_ip_in', 'res_ip_out', 'res_enc', 'res_enc_in', 'op_em', 'op_em_grassroots', 'ip', 'ip_graded', 'ip_grade34', 'ip_drg', 'out_county',
]);

export interface DrillDown {
  code: string;
  part: IndicatorPart;
  /** An encounter is behind the number when any of these counters is > 0 in its contributions. */
  metrics: readonly Metric[];
  /** The number is a sum (cost, days, weight): the list holds the encounters adding to it. */
  weighted: boolean;
}

export type DrillDownProblem = 'unknown_indicator' | 'not_encounter_based' | 'community_only';

/**
 * Which counters make up `part` of indicator `code`. At unit level the resident-based
 * (community-only) indicators have no number (docs/domain/indicators.md "General rules"), so they
 * have no list either.
 */
export function drillDownOf(code: string, part: IndicatorPart, level: 'community' | 'unit'): { ok: true; value: DrillDown } | { ok: false; problem: DrillDownProblem } {
  const d = INDICATOR_DEFINITIONS.find((x) => x.code === code);
  if (!d) return { ok: false, problem: MODULE_INDICATOR_DEFINITIONS.some((x) => x.code === code) ? 'not_encounter_based' : 'unknown_indicator' };
  if (level === 'unit' && d.communityOnly) return { ok: false, problem: 'community_only' };
  const metrics = part === 'numerator' ? d.numerator : d.denominator;
  return { ok: true, value: { code, part, metrics, weighted: metrics.some((m) => !COUNT_METRICS.has(m)) } };
}

/** True when an encounter with these contributions is behind the number (any named counter > 0). */
export function contributesTo(contrib: Partial<Record<string, number>>, metrics: readonly Metric[]): boolean {
  return metrics.some((m) => (contrib[m] ?? 0) > 0);
}

/** What one encounter adds to the number: its count (1) or its share of the sum. */
export function contributionTo(contrib: Partial<Record<string, number>>, metrics: readonly Metric[]): number {
  return metrics.reduce((a, m) => a + (contrib[m] ?? 0), 0);
}

/** `王小明` → `王**`: the surname's first character stays, the rest is starred (one star at least). */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/**
 * How the patient of a listed encounter appears. A community resident (属地) whose record the
 * caller may read shows by name with a link to the record; otherwise the name is masked and there
 * is no link. A non-resident (no record in this community) shows no name at all.
 */
export function patientDisplay(p: { communityResident: boolean; residentId: string | null; name: string | null }, mayRead: boolean): {
  residentId: string | null;
  residentName: string | null;
  nameMasked: boolean;
} {
  if (!p.communityResident || !p.residentId || p.name === null) return { residentId: null, residentName: null, nameMasked: false };
  if (mayRead) return { residentId: p.residentId, residentName: p.name, nameMasked: false };
  return { residentId: null, residentName: maskPersonName(p.name), nameMasked: true };
}
