import type { Sql } from '../../platform/db/database.ts';
import * as icd10 from './icd10.repository.ts';

// The lookups other modules make in the residents module's reference data (through index.ts).

/** Which of these ICD-10 codes exist in the reference table. */
export function knownIcd10Codes(sql: Sql, codes: readonly string[]): Promise<Set<string>> {
  return icd10.knownIcd10Codes(sql, codes);
}
