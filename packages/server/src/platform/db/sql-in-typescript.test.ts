import { describe, expect, it } from 'vitest';
import { sqlOfTypeScript } from './sql-in-typescript.ts';
import { lintTenancy } from './tenancy-lint.ts';

function lintTs(source: string) {
  return lintTenancy(sqlOfTypeScript('x.repository.ts', source)).map((f) => [f.rule, f.line]);
}

describe('SQL extracted from TypeScript', () => {
  it('resolves a SQL constant and a conditional hole, and reports the lock on the line that writes it', () => {
    const source = [
      'const SELECT = `select f.* from referral f',
      '  join resident x on x.community_id = f.community_id`;',
      'export async function findReferral(sql, id, forUpdate = false) {',
      "  return sql.query(`${SELECT} where f.id = $1${forUpdate ? ' for update of f' : ''}`, [id]);",
      '}',
    ].join('\n');
    expect(lintTs(source)).toEqual([['lock-without-community', 4]]);
  });

  it('treats an unresolved hole as a parameter, so a community taken from a variable is a filter', () => {
    expect(lintTs('export const f = (sql, c) => sql.query(`select * from t where community_id = ${c} and id = $2 for update`);')).toEqual([]);
  });

  it('does not read `$${i}` as the start of a dollar-quoted string', () => {
    const source = [
      'export async function put(sql, cols) {',
      '  await sql.query(`insert into encounter select $1, * from unnest(${cols.map((t, i) => `$${i + 2}::${t}[]`).join(", ")})',
      '     on conflict (community_id, id) do update set ${cols.join(", ")}, ingested_at = now()`);',
      '}',
    ].join('\n');
    expect(lintTs(source)).toEqual([['volatile-in-upsert', 3]]);
  });

  it('reads string arguments of exec, SQL handed to a local wrapper, and SQL constants', () => {
    const source = [
      "await db.exec('insert into t values (1) on conflict (a) do update set at = now()');",
      'const one = (q) => sql.query(q);',
      'await one(`select * from t where id = $1 for update`);',
      'const LOCK = `select * from slot where id = $1 for share`;',
    ].join('\n');
    expect(lintTs(source)).toEqual([['volatile-in-upsert', 1], ['lock-without-community', 3], ['lock-without-community', 4]]);
  });

  it('does not resolve a name shadowed by a function parameter', () => {
    const source = [
      "const where = 'where id = $1';",
      'export const f = (sql, where) => sql.query(`select * from t ${where} for update`);',
    ].join('\n');
    // The hole stays `$__`: without a where clause the lock is still reported, from the call's line.
    expect(lintTs(source)).toEqual([['lock-without-community', 2]]);
  });

  it('ignores text that is neither passed to query nor shaped like SQL', () => {
    expect(sqlOfTypeScript('x.ts', "const m = 'for update without community'; throw new Error(`now() ${m}`);")).toEqual([]);
  });
});
