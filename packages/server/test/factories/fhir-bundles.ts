/** A feed record as fhir-bundle.ts reads it back (docs/domain/encounters.md "Record"; money in fen). */
export interface BundleRecord {
  id: string;
  source: string;
  orgCode: string;
  residentIdNumber: string;
  start: string;
  diagnoses: { code: string; primary: boolean }[];
  totalCost: number;
  fundPaid: number;
  outOfPocket: number;
}

/**
 * The Bundle entries of one outpatient encounter: the Encounter, one Condition per diagnosis and
 * its Claim, side by side as a HIS export writes them. `padding` adds a narrative of that many
 * characters (makes a Bundle large without more rows to store).
 */
export function encounterEntries(r: BundleRecord, padding = 0): unknown[] {
  const enc = `urn:uuid:enc-${r.source}-${r.id}`;
  const conditions = r.diagnoses.map((d, i) => ({ fullUrl: `${enc}-c${i}`, resource: { resourceType: 'Condition', code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: d.code }] } } }));
  return [
    {
      fullUrl: enc,
      resource: {
        resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' },
        ...(padding ? { text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${'门诊记录'.repeat(Math.ceil(padding / 4)).slice(0, padding)}</div>` } } : {}),
        identifier: [{ system: `urn:yigong:source:${r.source}`, value: r.id }], period: { start: r.start },
        serviceProvider: { identifier: { value: r.orgCode } }, subject: { identifier: { value: r.residentIdNumber } },
        diagnosis: r.diagnoses.map((d, i) => ({ condition: { reference: conditions[i]!.fullUrl }, rank: d.primary ? 1 : 2 })),
      },
    },
    ...conditions,
    {
      fullUrl: `${enc}-claim`,
      resource: {
        resourceType: 'Claim', item: [{ encounter: [{ reference: enc }] }], total: { value: r.totalCost / 100, currency: 'CNY' },
        extension: [{ url: 'urn:yigong:fund-paid', valueMoney: { value: r.fundPaid / 100 } }, { url: 'urn:yigong:out-of-pocket', valueMoney: { value: r.outOfPocket / 100 } }],
      },
    },
  ];
}

/**
 * A Bundle's JSON text, chunk by chunk, from entries made on demand: the whole document never
 * exists in memory (for tests of the streamed ingest). `entries` yields the entries in order.
 */
export function* bundleText(entries: Iterable<unknown>): Generator<string> {
  yield '{"resourceType":"Bundle","type":"collection","meta":{"tag":[{"code":"test"}]},"entry":[';
  let first = true;
  let chunk = '';
  for (const e of entries) {
    chunk += (first ? '' : ',') + JSON.stringify(e);
    first = false;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]}`;
}
