import type { Readable } from 'node:stream';
import { csvLines, ndjsonLines, type LineResult } from './encounter-lines.ts';
import { bundleEntries } from './fhir-bundle-entries.ts';
import { fhirBundleLines } from './fhir-bundle.ts';

/** The three body types of the encounter feed (docs/domain/encounters.md "Transport"). */
export type FeedType = 'application/x-ndjson' | 'text/csv' | 'application/fhir+json';

/** The numbered lines of one feed body, read as a stream whatever its type (HTTP body or dropped file). */
export function feedLines(type: FeedType, body: Readable): AsyncGenerator<LineResult> {
  if (type === 'text/csv') return csvLines(body);
  if (type === 'application/fhir+json') return fhirBundleLines(bundleEntries(body));
  return ndjsonLines(body);
}
