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

/** The Chinese names of those of `codes` that exist (validation and display in one statement). */
export async function icd10Names(sql: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  return new Map((await sql.query<{ code: string; name_zh: string }>('select code, name_zh from icd10 where code = any($1::text[])', [codes])).rows.map((r) => [r.code, r.name_zh]));
}
