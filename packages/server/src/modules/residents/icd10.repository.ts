import type { Sql } from '../../platform/db/database.ts';

/** Searches ICD-10 by code prefix or Chinese/English name (reference data, no scope). */
export async function searchIcd10(sql: Sql, q: string | undefined, limit: number) {
  const s = (q ?? '').trim();
  const { rows } = await sql.query<{ code: string; nameZh: string; nameEn: string }>(
    `select code, name_zh as "nameZh", name_en as "nameEn" from icd10
      where $1 = '' or code like upper($1) || '%' or name_zh like '%' || $1 || '%' or lower(name_en) like '%' || lower($1) || '%'
      order by (code like upper($1) || '%') desc, length(code), code limit $2`,
    [s, limit],
  );
  return rows;
}

/**
 * Names of ICD-10 codes already read by this process. ICD-10 is reference data loaded from the
 * release's own files at start-up and never written at runtime, so a name once read stays true;
 * codes not found are not remembered (issue #11 item 2: no per-request lookup of reference data).
 */
const knownNames = new Map<string, string>();

/** The Chinese names of those of `codes` that exist (validation and display; a statement only for codes not seen before). */
export async function icd10Names(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  const missing = [...new Set(codes.filter((c) => !knownNames.has(c)))];
  if (missing.length) {
    const { rows } = await sql.query<{ code: string; name_zh: string }>('select code, name_zh from icd10 where code = any($1::text[])', [missing]);
    if (knownNames.size > 100_000) knownNames.clear();
    for (const r of rows) knownNames.set(r.code, r.name_zh);
  }
  const out = new Map<string, string>();
  for (const c of codes) {
    const name = knownNames.get(c);
    if (name !== undefined) out.set(c, name);
  }
  return out;
}
