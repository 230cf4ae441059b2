import type { Sql } from '../../platform/db/database.ts';
import * as icd10 from './icd10.repository.ts';

// The lookups other modules make in the residents module's reference data (through index.ts).

/** The Chinese names of those of these ICD-10 codes that exist (an absent code is unknown). */
export function icd10Names(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  return icd10.icd10Names(sql, codes);
}
