/**
 * Key-population tags (重点人群) derived from a resident's data, docs/domain/indicators.md
 * "Key population": as of the period's last day, age ≥ 65; age 0–6; pregnant or postpartum
 * (≤ 42 days); registered hypertension, type-2 diabetes, tuberculosis or severe mental disorder
 * patient; disabled; special family-planning family; poverty-relief household.
 */
export const KEY_POPULATION_TAGS = [
  'elderly_65',
  'child_0_6',
  'maternal',
  'hypertension',
  'diabetes_t2',
  'tuberculosis',
  'severe_mental',
  'disabled',
  'special_family_planning',
  'poverty',
] as const;
export type KeyPopulationTag = (typeof KEY_POPULATION_TAGS)[number];

/** Flags recorded on the resident (not derivable from other data). */
export interface RecordedFlags {
  disabled?: boolean;
  specialFamilyPlanning?: boolean;
  poverty?: boolean;
  /** Due or delivery date, for the maternal window. */
  pregnancyDueDate?: string | null;
  deliveryDate?: string | null;
}

/** Full years between `birthDate` and `asOf` (ISO dates), counting a birthday on the day. */
export function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  return ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
}

function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** ICD-10 problems that make a resident a key-population patient. */
function problemTags(codes: readonly string[]): KeyPopulationTag[] {
  const tags = new Set<KeyPopulationTag>();
  for (const raw of codes) {
    const c = raw.toUpperCase();
    const cat = c.slice(0, 3);
    if (cat >= 'I10' && cat <= 'I15') tags.add('hypertension');
    if (cat === 'E11') tags.add('diabetes_t2');
    if (cat >= 'A15' && cat <= 'A19') tags.add('tuberculosis');
    // 严重精神障碍: schizophrenia F20, schizoaffective F25, persistent delusional F22, bipolar F31,
    // mental disorders due to epilepsy F06.x (counted by F06), mental retardation with disorders F7x.
    if (['F20', 'F22', 'F25', 'F31'].includes(cat) || c.startsWith('F06') || (cat >= 'F70' && cat <= 'F79')) tags.add('severe_mental');
  }
  return [...tags];
}

/** Derives the key-population tags as of `asOf`, from birth date, active problems and recorded flags. */
export function deriveKeyPopulationTags(
  input: { birthDate: string; problemCodes: readonly string[]; flags?: RecordedFlags },
  asOf: string,
): KeyPopulationTag[] {
  const tags: KeyPopulationTag[] = [];
  const age = ageOn(input.birthDate, asOf);
  if (age >= 65) tags.push('elderly_65');
  if (age >= 0 && age <= 6) tags.push('child_0_6');
  const f = input.flags ?? {};
  const pregnant = !!f.pregnancyDueDate && f.pregnancyDueDate >= asOf && !f.deliveryDate;
  const postpartum = !!f.deliveryDate && f.deliveryDate <= asOf && asOf <= addDays(f.deliveryDate, 42);
  if (pregnant || postpartum) tags.push('maternal');
  tags.push(...problemTags(input.problemCodes));
  if (f.disabled) tags.push('disabled');
  if (f.specialFamilyPlanning) tags.push('special_family_planning');
  if (f.poverty) tags.push('poverty');
  return KEY_POPULATION_TAGS.filter((t) => tags.includes(t));
}
