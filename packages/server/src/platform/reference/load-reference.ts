import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../db/database.ts';
import { readDivisions, type Division } from './divisions.ts';

export const ICD10_FILE = new URL('../../../data/icd10/icd10.tsv', import.meta.url).pathname;

async function loadSet(db: Database, name: string, checksum: string, load: () => Promise<number>): Promise<boolean> {
  const { rows } = await db.query<{ checksum: string }>('select checksum from reference_version where name = $1', [name]);
  if (rows[0]?.checksum === checksum) return false;
  const n = await load();
  await db.query(
    `insert into reference_version (name, checksum, rows) values ($1,$2,$3)
     on conflict (name) do update set checksum = excluded.checksum, rows = excluded.rows, loaded_at = excluded.loaded_at`,
    [name, checksum, n],
  );
  return true;
}

/** Rows → one array per column, for `insert … select * from unnest(…)`. */
function columns(rows: readonly (readonly unknown[])[], n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => rows.map((r) => r[i] ?? null));
}

/** Parses the shipped ICD-10 table (see data/icd10/SOURCE.md). */
export function readIcd10(file = ICD10_FILE): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split('\t').slice(0, 5));
}

/**
 * Loads the reference tables (regions, ICD-10) when missing or changed; a no-op on later starts.
 * Upserts, so codes referenced by tenant rows are never deleted.
 */
export async function loadReferenceData(db: Database): Promise<{ loaded: string[] }> {
  const loaded: string[] = [];
  const divisions: Division[] = readDivisions();
  const divSum = createHash('sha256').update(JSON.stringify(divisions.length) + divisions.at(-1)?.code).digest('hex');
  if (
    await loadSet(db, 'region', divSum, async () => {
      await db.query(
        `insert into region (code, name, level, parent_code) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])
         on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
        columns(divisions.map((d) => [d.code, d.name, d.level, d.parentCode]), 4),
      );
      return divisions.length;
    })
  )
    loaded.push('region');
  const icd = readIcd10();
  if (icd.length) {
    const sum = createHash('sha256').update(icd.map((r) => r.join('\t')).join('\n')).digest('hex');
    if (
      await loadSet(db, 'icd10', sum, async () => {
        await db.query(
          `insert into icd10 (code, level, chapter, name_zh, name_en) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           on conflict (code) do update set level = excluded.level, chapter = excluded.chapter, name_zh = excluded.name_zh, name_en = excluded.name_en`,
          columns(icd, 5),
        );
        return icd.length;
      })
    )
      loaded.push('icd10');
  }
  return { loaded };
}
