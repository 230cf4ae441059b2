import type { LineResult } from './encounter-lines.ts';

/**
 * A FHIR R4 Bundle of Encounters with their Condition / Procedure / Claim mapped to feed records
 * (ENCOUNTERS.md "Transport"). Mapping: Encounter.identifier[0] (system `urn:yigong:source:<source>`,
 * value = id); class AMB / EMER / IMP; period; serviceProvider.identifier.value = orgCode;
 * subject.identifier.value = the ID number; extension `urn:yigong:out-of-county` (valueBoolean);
 * diagnosis[].condition → Condition.code (ICD-10), rank 1 = primary; Procedure.encounter → code and
 * extension `urn:yigong:surgery-grade` (valueInteger); Claim (item[0].encounter) → total (yuan),
 * extensions `urn:yigong:fund-paid` and `urn:yigong:out-of-pocket` (valueMoney, yuan).
 * Each Encounter is one "line" numbered by its entry index (1-based).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON from outside; the record schema validates what is read.
type Res = Record<string, any>;

const CLASS: Record<string, string> = { AMB: 'outpatient', EMER: 'emergency', IMP: 'inpatient' };
const fen = (m: { value?: number } | undefined) => (m?.value === undefined ? undefined : Math.round(m.value * 100));
const ext = (r: Res, url: string) => (r.extension as Res[] | undefined)?.find((e) => e.url === url);

export function* fhirBundleLines(bundle: unknown): Generator<LineResult> {
  const b = bundle as Res;
  if (!b || b.resourceType !== 'Bundle' || !Array.isArray(b.entry)) {
    yield { line: 0, error: '不是 FHIR Bundle' };
    return;
  }
  // Entries that are not objects (`entry: [null]`) are reported at their position, not a 500.
  const entries = (b.entry as unknown[]).map((e) => (isObject(e) ? (e as { fullUrl?: string; resource?: Res }) : null));
  const byRef = new Map<string, Res>();
  for (const e of entries) {
    if (!e || !isObject(e.resource)) continue;
    if (e.fullUrl) byRef.set(e.fullUrl, e.resource);
    if (e.resource.id) byRef.set(`${e.resource.resourceType}/${e.resource.id}`, e.resource);
  }
  const others = entries.map((x) => x?.resource).filter(isObject) as Res[];
  for (const [i, e] of entries.entries()) {
    if (!e) {
      yield { line: i + 1, error: `entry[${i}] 不是对象` };
      continue;
    }
    const enc = e.resource;
    if (!isObject(enc) || enc.resourceType !== 'Encounter') continue;
    let value: Record<string, unknown>;
    try {
      value = encounterValue(enc, e.fullUrl, others, byRef);
    } catch {
      // A resource of the wrong shape (a string where an object belongs, …) fails that entry only.
      yield { line: i + 1, error: `entry[${i}]：Encounter 的结构不合法` };
      continue;
    }
    yield { line: i + 1, value };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does `ref` point at this Encounter (by its fullUrl or as `Encounter/{id}`)? */
const refersTo = (ref: string | undefined, enc: Res, fullUrl: string | undefined) => !!ref && (ref === fullUrl || ref === `Encounter/${enc.id}`);

/** The feed record of one Encounter, with its Conditions, Procedures and Claim from the Bundle. */
function encounterValue(enc: Res, fullUrl: string | undefined, others: Res[], byRef: Map<string, Res>): Record<string, unknown> {
  const ident = (enc.identifier as Res[] | undefined)?.[0] ?? {};
  const claim = others.find((r) => r.resourceType === 'Claim' && (r.item as Res[] | undefined)?.some((it) => (it.encounter as Res[] | undefined)?.some((x) => refersTo(x.reference, enc, fullUrl))));
  const diagnoses = ((enc.diagnosis as Res[] | undefined) ?? []).map((d) => {
    const cond = byRef.get(d.condition?.reference ?? '');
    return { code: cond?.code?.coding?.[0]?.code, primary: d.rank === 1 };
  });
  return {
    id: ident.value ?? enc.id,
    source: typeof ident.system === 'string' && ident.system.startsWith('urn:yigong:source:') ? ident.system.slice('urn:yigong:source:'.length) : undefined,
    orgCode: enc.serviceProvider?.identifier?.value,
    outOfCounty: ext(enc, 'urn:yigong:out-of-county')?.valueBoolean ?? false,
    residentIdNumber: enc.subject?.identifier?.value,
    type: CLASS[enc.class?.code ?? ''],
    start: typeof enc.period?.start === 'string' ? enc.period.start.slice(0, 10) : undefined,
    end: typeof enc.period?.end === 'string' ? enc.period.end.slice(0, 10) : null,
    diagnoses,
    procedures: others.filter((r) => r.resourceType === 'Procedure' && refersTo(r.encounter?.reference, enc, fullUrl))
      .map((p) => ({ code: p.code?.coding?.[0]?.code ?? 'unknown', grade: ext(p, 'urn:yigong:surgery-grade')?.valueInteger ?? null })),
    totalCost: fen(claim?.total),
    fundPaid: claim ? fen(ext(claim, 'urn:yigong:fund-paid')?.valueMoney) : undefined,
    outOfPocket: claim ? fen(ext(claim, 'urn:yigong:out-of-pocket')?.valueMoney) : undefined,
  };
}
