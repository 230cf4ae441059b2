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
  const entries = b.entry as { fullUrl?: string; resource?: Res }[];
  const byRef = new Map<string, Res>();
  for (const e of entries) {
    if (!e.resource) continue;
    if (e.fullUrl) byRef.set(e.fullUrl, e.resource);
    if (e.resource.id) byRef.set(`${e.resource.resourceType}/${e.resource.id}`, e.resource);
  }
  const refersTo = (ref: string | undefined, enc: Res, fullUrl: string | undefined) => !!ref && (ref === fullUrl || ref === `Encounter/${enc.id}`);
  for (const [i, e] of entries.entries()) {
    const enc = e.resource;
    if (enc?.resourceType !== 'Encounter') continue;
    const ident = (enc.identifier as Res[] | undefined)?.[0] ?? {};
    const others = entries.map((x) => x.resource).filter(Boolean) as Res[];
    const claim = others.find((r) => r.resourceType === 'Claim' && (r.item as Res[] | undefined)?.some((it) => (it.encounter as Res[] | undefined)?.some((x) => refersTo(x.reference, enc, e.fullUrl))));
    const diagnoses = ((enc.diagnosis as Res[] | undefined) ?? []).map((d) => {
      const cond = byRef.get(d.condition?.reference ?? '');
      return { code: cond?.code?.coding?.[0]?.code, primary: d.rank === 1 };
    });
    yield {
      line: i + 1,
      value: {
        id: ident.value ?? enc.id,
        source: typeof ident.system === 'string' && ident.system.startsWith('urn:yigong:source:') ? ident.system.slice('urn:yigong:source:'.length) : undefined,
        orgCode: enc.serviceProvider?.identifier?.value,
        outOfCounty: ext(enc, 'urn:yigong:out-of-county')?.valueBoolean ?? false,
        residentIdNumber: enc.subject?.identifier?.value,
        type: CLASS[enc.class?.code ?? ''],
        start: typeof enc.period?.start === 'string' ? enc.period.start.slice(0, 10) : undefined,
        end: typeof enc.period?.end === 'string' ? enc.period.end.slice(0, 10) : null,
        diagnoses,
        procedures: others.filter((r) => r.resourceType === 'Procedure' && refersTo(r.encounter?.reference, enc, e.fullUrl))
          .map((p) => ({ code: p.code?.coding?.[0]?.code ?? 'unknown', grade: ext(p, 'urn:yigong:surgery-grade')?.valueInteger ?? null })),
        totalCost: fen(claim?.total),
        fundPaid: claim ? fen(ext(claim, 'urn:yigong:fund-paid')?.valueMoney) : undefined,
        outOfPocket: claim ? fen(ext(claim, 'urn:yigong:out-of-pocket')?.valueMoney) : undefined,
      },
    };
  }
}
