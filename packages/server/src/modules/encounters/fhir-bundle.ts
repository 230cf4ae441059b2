import type { LineResult } from './encounter-lines.ts';
import type { BundleEntry } from './fhir-bundle-entries.ts';

/**
 * A FHIR R4 Bundle of Encounters with their Condition / Procedure / Claim mapped to feed records
 * (docs/domain/encounters.md "Transport"). Mapping: Encounter.identifier[0] (system `urn:yigong:source:<source>`,
 * value = id); class AMB / EMER / IMP; period; serviceProvider.identifier.value = orgCode;
 * subject.identifier.value = the ID number; extension `urn:yigong:out-of-county` (valueBoolean);
 * diagnosis[].condition → Condition.code (ICD-10), rank 1 = primary; Procedure.encounter → code and
 * extension `urn:yigong:surgery-grade` (valueInteger); Claim (item[0].encounter) → total (yuan),
 * extensions `urn:yigong:fund-paid` and `urn:yigong:out-of-pocket` (valueMoney, yuan).
 * Each Encounter is one "line" numbered by its entry position (1-based).
 *
 * Streaming rule: the Bundle is read entry by entry (fhir-bundle-entries.ts), so an Encounter's
 * Conditions, Procedures and Claim must stand next to it — anywhere between the Encounter before
 * it and the Encounter after it (as a HIS export writes them, encounter by encounter). What lies
 * further away is reported, not searched for: memory holds one encounter's neighbourhood, never
 * the Bundle.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON from outside; the record schema validates what is read.
type Res = Record<string, any>;

/** Non-Encounter entries kept between two Encounters at most; beyond, the oldest are let go. */
export const MAX_NEIGHBOURS = 2000;

interface Neighbour {
  position: number;
  fullUrl: string | undefined;
  resource: Res;
  used: boolean;
}

interface PendingEncounter {
  position: number;
  fullUrl: string | undefined;
  resource: Res;
}

const CLASS: Record<string, string> = { AMB: 'outpatient', EMER: 'emergency', IMP: 'inpatient' };
const fen = (m: { value?: number } | undefined) => (m?.value === undefined ? undefined : Math.round(m.value * 100));
const ext = (r: Res, url: string) => (r.extension as Res[] | undefined)?.find((e) => e.url === url);

/**
 * The feed lines of a streamed Bundle: one per Encounter, plus an error per entry that cannot be
 * used, handed out in entry order (an Encounter is decided only when the next one arrives, so its
 * results wait in a short buffer until nothing before them is still open).
 */
export async function* fhirBundleLines(entries: AsyncIterable<BundleEntry>): AsyncGenerator<LineResult> {
  let pool: Neighbour[] = [];
  let pending: PendingEncounter | null = null;
  const out: LineResult[] = [];
  for await (const { position, entry } of entries) {
    // Entries that are not objects (`entry: [null]`) are reported at their position, not a 500.
    if (!isObject(entry)) {
      out.push({ line: position, error: `entry[${position - 1}] 不是对象` });
      yield* settled(out, openFrom(pool, pending) - 1);
      continue;
    }
    const resource = entry.resource;
    if (!isObject(resource)) continue;
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
    if (resource.resourceType !== 'Encounter') {
      pool.push({ position, fullUrl, resource, used: false });
      if (pool.length > MAX_NEIGHBOURS) out.push(...orphans(pool.splice(0, pool.length - MAX_NEIGHBOURS)));
      continue;
    }
    if (pending) {
      out.push(encounterLine(pending, pool));
      // What stands before the finished Encounter cannot belong to the next one.
      const before = pending.position;
      out.push(...orphans(pool.filter((n) => n.position < before)));
      pool = pool.filter((n) => n.position > before);
    }
    pending = { position, fullUrl, resource };
    yield* settled(out, openFrom(pool, pending) - 1);
  }
  if (pending) out.push(encounterLine(pending, pool));
  out.push(...orphans(pool));
  yield* settled(out, Infinity);
}

/** The first position still undecided: the waiting Encounter, or the oldest neighbour. */
const openFrom = (pool: Neighbour[], pending: PendingEncounter | null) => Math.min(pending?.position ?? Infinity, pool[0]?.position ?? Infinity);

/** Hands out, in order, the buffered results up to `upTo` (and the oldest, if the buffer grew long). */
function* settled(out: LineResult[], upTo: number): Generator<LineResult> {
  out.sort((a, b) => a.line - b.line);
  while (out.length && (out[0]!.line <= upTo || out.length > MAX_NEIGHBOURS)) yield out.shift()!;
}

/** Procedures and Claims that name an Encounter none of their neighbours is: an error at their position. */
function orphans(dropped: Neighbour[]): LineResult[] {
  return dropped
    .filter((n) => !n.used && (n.resource.resourceType === 'Procedure' || n.resource.resourceType === 'Claim'))
    .map((n) => ({ line: n.position, error: `entry[${n.position - 1}]：${n.resource.resourceType} 所指的 Encounter 不在相邻条目中（Encounter 的 Condition/Procedure/Claim 须紧挨着它）` }));
}

function encounterLine(p: PendingEncounter, pool: Neighbour[]): LineResult {
  const i = p.position - 1;
  try {
    const value = encounterValue(p, pool);
    return 'error' in value ? { line: p.position, error: `entry[${i}]：${value.error}` } : { line: p.position, value: value.record };
  } catch {
    // A resource of the wrong shape (a string where an object belongs, …) fails that entry only.
    return { line: p.position, error: `entry[${i}]：Encounter 的结构不合法` };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Does `ref` point at this Encounter (by its fullUrl or as `Encounter/{id}`)? */
const refersTo = (ref: string | undefined, p: PendingEncounter) => !!ref && (ref === p.fullUrl || ref === `Encounter/${p.resource.id}`);

/** The neighbour a reference names (by fullUrl or `Type/id`), marked as used. */
function resolve(pool: Neighbour[], ref: unknown): Res | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  const n = pool.find((x) => x.fullUrl === ref || `${x.resource.resourceType}/${x.resource.id}` === ref);
  if (n) n.used = true;
  return n?.resource;
}

/** Marks and returns the neighbours `match` selects. */
function take(pool: Neighbour[], match: (r: Res) => boolean): Res[] {
  const found = pool.filter((n) => match(n.resource));
  for (const n of found) n.used = true;
  return found.map((n) => n.resource);
}

/** The feed record of one Encounter, with its Conditions, Procedures and Claim from its neighbours. */
function encounterValue(p: PendingEncounter, pool: Neighbour[]): { record: Record<string, unknown> } | { error: string } {
  const enc = p.resource;
  const ident = (enc.identifier as Res[] | undefined)?.[0] ?? {};
  const diagnoses: { code: unknown; primary: boolean }[] = [];
  for (const d of (enc.diagnosis as Res[] | undefined) ?? []) {
    const ref = d.condition?.reference;
    const cond = resolve(pool, ref);
    if (!cond && typeof ref === 'string') return { error: `diagnosis 所指的 ${ref} 不在相邻条目中（Encounter 的 Condition 须紧挨着它）` };
    diagnoses.push({ code: cond?.code?.coding?.[0]?.code, primary: d.rank === 1 });
  }
  const claim = take(pool, (r) => r.resourceType === 'Claim' && !!(r.item as Res[] | undefined)?.some((it) => (it.encounter as Res[] | undefined)?.some((x) => refersTo(x.reference, p)) ?? false))[0];
  const procedures = take(pool, (r) => r.resourceType === 'Procedure' && refersTo(r.encounter?.reference, p));
  return {
    record: {
      id: ident.value ?? enc.id,
      source: typeof ident.system === 'string' && ident.system.startsWith('urn:yigong:source:') ? ident.system.slice('urn:yigong:source:'.length) : undefined,
      orgCode: enc.serviceProvider?.identifier?.value,
      outOfCounty: ext(enc, 'urn:yigong:out-of-county')?.valueBoolean ?? false,
      residentIdNumber: enc.subject?.identifier?.value,
      type: CLASS[enc.class?.code ?? ''],
      start: typeof enc.period?.start === 'string' ? enc.period.start.slice(0, 10) : undefined,
      end: typeof enc.period?.end === 'string' ? enc.period.end.slice(0, 10) : null,
      diagnoses,
      procedures: procedures.map((r) => ({ code: r.code?.coding?.[0]?.code ?? 'unknown', grade: ext(r, 'urn:yigong:surgery-grade')?.valueInteger ?? null })),
      totalCost: fen(claim?.total),
      fundPaid: claim ? fen(ext(claim, 'urn:yigong:fund-paid')?.valueMoney) : undefined,
      outOfPocket: claim ? fen(ext(claim, 'urn:yigong:out-of-pocket')?.valueMoney) : undefined,
    },
  };
}
