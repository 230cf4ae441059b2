import { isGrassrootsKind } from '../org/org-kinds.ts';

/**
 * The encounter feed record (docs/domain/encounters.md "Record") and the counters each encounter
 * adds to the monthly aggregates behind the indicators (docs/domain/indicators.md "Counters").
 * Pure: the server resolves organisations and residents, and stores what `contributions` returns,
 * so incremental maintenance and a full recompute are the same function.
 */
export const ENCOUNTER_TYPES = ['outpatient', 'emergency', 'inpatient'] as const;
export type EncounterType = (typeof ENCOUNTER_TYPES)[number];

export interface EncounterRecord {
  id: string;
  source: string;
  orgCode: string;
  outOfCounty: boolean;
  residentIdNumber: string;
  type: EncounterType;
  start: string;
  end?: string | null;
  department?: string | null;
  diagnoses: { code: string; primary: boolean }[];
  procedures?: { code: string; grade?: number | null }[];
  totalCost: number;
  fundPaid: number;
  outOfPocket: number;
  referralId?: string | null;
  drg?: { code: string; weight: number } | null;
}

/** What the server resolved about an encounter. */
export interface EncounterContext {
  /** The in-county organisation where care happened (null out of county). */
  organizationKind: string | null;
  /** The patient is a resident of the community in question (属地). */
  communityResident: boolean;
}


/** docs/domain/encounters.md "Derived classification" (period): outpatient/emergency by the month of start, inpatient by the month of discharge. */
export function periodMonth(e: Pick<EncounterRecord, 'type' | 'start' | 'end'>): string {
  return `${(e.type === 'inpatient' ? e.end! : e.start).slice(0, 7)}-01`;
}

/** docs/domain/encounters.md "Derived classification" (length of stay): end − start in days, 1 when that is 0. */
export function lengthOfStay(e: Pick<EncounterRecord, 'start' | 'end'>): number {
  const d = Math.round((Date.parse(`${e.end}T00:00:00Z`) - Date.parse(`${e.start}T00:00:00Z`)) / 86_400_000);
  return Math.max(1, d);
}

/** Metric names of the monthly aggregates (counts and sums; money in fen). */
export const METRICS = [
  'res_ip', 'res_ip_in', 'res_ip_out', 'res_enc', 'res_enc_in', 'res_total_cost', 'res_oop', 'res_fund', 'res_fund_in',
  'op_em', 'op_em_grassroots', 'op_em_cost',
  'ip', 'ip_los', 'ip_cost', 'ip_graded', 'ip_grade34', 'ip_drg', 'ip_drg_weight',
  'fund_in_county', 'fund_grassroots', 'out_county',
] as const;
export type Metric = (typeof METRICS)[number];

/**
 * The counters one encounter adds (docs/domain/indicators.md "Counters"). Resident-based
 * measures count community residents' care in and out of county; the rest count care at the
 * community's own organisations (in county), whoever the patient.
 */
export function contributions(e: EncounterRecord, c: EncounterContext): Partial<Record<Metric, number>> {
  const m: Partial<Record<Metric, number>> = {};
  const add = (k: Metric, v: number) => {
    if (v !== 0) m[k] = (m[k] ?? 0) + v;
  };
  const inCounty = !e.outOfCounty;
  if (e.outOfCounty) add('out_county', 1);
  if (c.communityResident) {
    add('res_enc', 1);
    if (inCounty) add('res_enc_in', 1);
    if (e.type === 'inpatient') {
      add('res_ip', 1);
      add(inCounty ? 'res_ip_in' : 'res_ip_out', 1);
    }
    add('res_total_cost', e.totalCost);
    add('res_oop', e.outOfPocket);
    add('res_fund', e.fundPaid);
    if (inCounty) add('res_fund_in', e.fundPaid);
  }
  if (inCounty) {
    const grassroots = isGrassrootsKind(c.organizationKind);
    add('fund_in_county', e.fundPaid);
    if (grassroots) add('fund_grassroots', e.fundPaid);
    if (e.type === 'inpatient') {
      add('ip', 1);
      add('ip_los', lengthOfStay(e));
      add('ip_cost', e.totalCost);
      const grades = (e.procedures ?? []).map((p) => p.grade ?? 0).filter((g) => g > 0);
      if (grades.length) {
        add('ip_graded', 1);
        if (Math.max(...grades) >= 3) add('ip_grade34', 1);
      }
      if (e.drg && e.drg.weight > 0) {
        add('ip_drg', 1);
        add('ip_drg_weight', Math.round(e.drg.weight * 10_000));
      }
    } else {
      add('op_em', 1);
      add('op_em_cost', e.totalCost);
      if (grassroots) add('op_em_grassroots', 1);
    }
  }
  return m;
}

/** The primary diagnosis' ICD-10 category (for the top out-of-county diseases). */
export function primaryCategory(e: Pick<EncounterRecord, 'diagnoses'>): string {
  const p = e.diagnoses.find((d) => d.primary) ?? e.diagnoses[0];
  return (p?.code ?? '').slice(0, 3).toUpperCase();
}
