import { describe, expect, it } from 'vitest';
import { lintTenancy, type SqlText, type TenancyRule } from './tenancy-lint.ts';

/** The rules a single text trips, in order. */
function rules(sql: string, kind: SqlText['kind'] = 'code'): TenancyRule[] {
  return lintTenancy([{ file: 'x.sql', line: 1, sql, kind }]).map((f) => f.rule);
}

/** Findings of migrations applied in order (their final state counts). */
function lintMigrations(...files: string[]) {
  return lintTenancy(files.map((sql, i) => ({ file: `000${i + 1}.sql`, line: 1, sql, kind: 'migration' as const })));
}

const fn = (body: string) => `create function f(p_community uuid, p_id uuid) returns void language plpgsql as $$\nbegin\n${body};\nend $$;`;

describe('lock-without-community', () => {
  it('flags a lock taken by id alone', () => {
    expect(rules('select * from duplicate_candidate where resident_a = $1 and resident_b = $2 for update')).toEqual(['lock-without-community']);
  });

  it.each(['for share', 'for no key update', 'for key share', 'for update skip locked', 'for update of f nowait'])('flags every lock strength: %s', (lock) => {
    expect(rules(`select f.* from referral f where f.id = $1 ${lock}`)).toEqual(['lock-without-community']);
  });

  it('flags a lock whose community_id appears only in the select list', () => {
    expect(rules('select f.community_id, f.id from referral f where f.id = $1 for update of f')).toEqual(['lock-without-community']);
  });

  it('flags a lock whose community_id appears only in join conditions', () => {
    expect(rules(`select f.* from referral f join resident r on r.community_id = f.community_id and r.community_id = $2
                   where f.id = $1 for update of f`)).toEqual(['lock-without-community']);
  });

  it('flags a lock whose community filter is inside a subquery of the where clause', () => {
    expect(rules('select * from slot where id in (select slot_id from booking where community_id = $1) for update')).toEqual(['lock-without-community']);
  });

  it('flags a lock without any where clause', () => {
    expect(rules('select * from referral for update')).toEqual(['lock-without-community']);
  });

  it('accepts a qualified community filter beside the id', () => {
    expect(rules('select f.* from referral f join resident x on x.community_id = f.community_id where f.community_id = $1 and f.id = $2 for update of f')).toEqual([]);
  });

  it.each([
    "where $1 = community_id and id = $2",
    "where community_id = $1::uuid and id = $2",
    "where (community_id = $1 and id = $2)",
    "where community_id = '7a1c6e4e-0000-0000-0000-000000000001' and id = $2",
    "where id = $2 and community_id = $__",
  ])('accepts the community equality written as: %s', (where) => {
    expect(rules(`select * from referral ${where} for update`)).toEqual([]);
  });

  it('judges a lock inside a lateral subquery by that subquery alone', () => {
    expect(rules(`select e.* from unnest($2::text[]) k(id) cross join lateral (
                    select e.id from encounter e where e.community_id = $1 and e.id = k.id for update) e`)).toEqual([]);
  });

  it('accepts a function argument as the community in a plpgsql body, and flags the body lock without it on its own line', () => {
    expect(rules(fn('perform 1 from referral where community_id = p_community and id = p_id for update'), 'migration')).toEqual([]);
    const findings = lintMigrations(fn('perform 1 from referral where id = p_id for update'));
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['lock-without-community', 3]]);
  });

  it('does not take a policy, a trigger or a plpgsql loop for a lock', () => {
    expect(rules('create policy p on referral for update using (true)')).toEqual([]);
    expect(rules(fn('for r in select id from referral where community_id = p_community loop perform 1; end loop'), 'migration')).toEqual([]);
  });

  it('ignores locks written in comments and strings', () => {
    expect(rules("-- select * from t where id = $1 for update\nselect 'where id = 1 for update' /* for update */")).toEqual([]);
  });
});

describe('volatile-in-upsert', () => {
  it.each(['now()', 'current_timestamp', 'clock_timestamp()', 'statement_timestamp()', 'transaction_timestamp()', 'localtimestamp',
    'random()', 'gen_random_uuid()', "nextval('s')", 'timeofday()::timestamptz'])('flags %s in the update set list', (expr) => {
    expect(rules(`insert into t (community_id, a) values ($1, $2) on conflict (community_id, a) do update set b = excluded.b, x = ${expr}`)).toEqual(['volatile-in-upsert']);
  });

  it('accepts excluded columns and parameters', () => {
    expect(rules('insert into t values ($1, $2, $3) on conflict (community_id, a) do update set x = excluded.x, updated_at = excluded.updated_at, n = t.n + $3')).toEqual([]);
  });

  it('accepts volatile functions in the inserted values, outside the update set list', () => {
    expect(rules('insert into t (a, created_at) values ($1, now()) on conflict (a) do update set b = excluded.b returning now()')).toEqual([]);
    expect(rules('insert into t (a, created_at) values ($1, now()) on conflict (a) do nothing')).toEqual([]);
  });

  it('flags an upsert inside a common table expression of a function body', () => {
    const body = `with put as (insert into p select * from n on conflict (community_id, id) do update set d = excluded.d, at = now()) select 1`;
    expect(lintMigrations(fn(body)).map((f) => [f.rule, f.line])).toEqual([['volatile-in-upsert', 3]]);
  });
});

describe('trigger-on-tenant-table and function-in-tenant-sql', () => {
  const rowTrigger = 'create trigger resident_touch before update on resident for each row execute function touch()';
  const transition = (table: string) =>
    `create trigger ${table}_sum after insert on ${table} referencing new table as new_rows for each statement execute function yg_summarise('x', 'id')`;

  it('flags a row trigger on a tenant table', () => {
    expect(rules(rowTrigger, 'migration')).toEqual(['trigger-on-tenant-table']);
  });

  it('flags a statement trigger with transition tables under both rules on a tenant table', () => {
    expect(rules(transition('chronic_follow_up'), 'migration')).toEqual(['function-in-tenant-sql', 'trigger-on-tenant-table']);
  });

  it('flags transition tables even on a global table, and leaves a plain trigger there alone', () => {
    expect(rules(transition('app_user'), 'migration')).toEqual(['function-in-tenant-sql']);
    expect(rules('create trigger u before update on app_user for each row execute function touch()', 'migration')).toEqual([]);
  });

  it('keeps the append-only audit guard', () => {
    expect(rules(`create trigger audit_log_append_only before update or delete on audit_log
                    for each row execute function audit_append_only()`, 'migration')).toEqual([]);
  });

  it('forgets a trigger that a later migration drops', () => {
    expect(lintMigrations(transition('resident'), 'drop trigger if exists resident_sum on resident;')).toEqual([]);
    expect(lintMigrations(rowTrigger, 'drop trigger resident_touch on public.resident')).toEqual([]);
  });

  it('forgets the triggers of a dropped table or of a function dropped with cascade', () => {
    expect(lintMigrations(rowTrigger, 'drop table if exists other, resident cascade')).toEqual([]);
    expect(lintMigrations(transition('resident'), 'drop function yg_summarise() cascade')).toEqual([]);
  });

  it('still reports a trigger when a later migration drops a namesake on another table, at the line that created it', () => {
    const found = lintMigrations(`-- summaries\n${rowTrigger};`, 'drop trigger resident_touch on fd_contract');
    expect(found).toEqual([{ file: '0001.sql', line: 2, rule: 'trigger-on-tenant-table', message: expect.stringContaining('`resident`') }]);
  });

  it('reports a trigger created again after it was dropped', () => {
    expect(lintMigrations(rowTrigger, 'drop trigger resident_touch on resident', rowTrigger).map((f) => f.file)).toEqual(['0003.sql']);
  });
});

describe('recursive-without-community', () => {
  it('flags a recursive term that joins community_id columns but filters no constant (the session query)', () => {
    expect(rules(`with recursive s as (select u.community_id, u.organization_id from session se join app_user u on u.id = se.user_id where se.token_hash = $1),
      sub as (select o.community_id, o.id from organization o join s on o.community_id = s.community_id and o.id = s.organization_id
              union select o.community_id, o.id from organization o join sub on o.community_id = sub.community_id and o.parent_id = sub.id)
      select s.*, (select array_agg(id) from sub) from s`)).toEqual(['recursive-without-community']);
  });

  it('flags a recursion filtered on community_id in its anchor only', () => {
    expect(rules(`with recursive t as (select id from organization where community_id = $1 and id = $2
      union all select o.id from organization o join t on o.parent_id = t.id) select id from t`)).toEqual(['recursive-without-community']);
  });

  it('flags a recursive term that names community_id only in its select list', () => {
    expect(rules(`with recursive t as (select id, community_id from organization where community_id = $1
      union select o.id, o.community_id from organization o join t on o.parent_id = t.id where o.kind = 'x') select id from t`)).toEqual(['recursive-without-community']);
  });

  it('accepts a constant community in the join of the recursive term', () => {
    expect(rules(`with recursive t as (select id from organization where community_id = $1 and id = $2
      union select o.id from organization o join t on o.community_id = $1 and o.parent_id = t.id) select id from t`)).toEqual([]);
  });

  it('accepts a constant community in the where clause of the recursive term', () => {
    expect(rules(`with recursive a(id, parent_id) as materialized (select id, parent_id from organization where community_id = $1 and id = $2
      union (select o.id, o.parent_id from organization o join a on o.id = a.parent_id where o.community_id = $1)) select id from a`)).toEqual([]);
  });

  it('ignores the non-recursive expressions of a with recursive', () => {
    expect(rules('with recursive a as (select id from organization where id = $1) select * from a')).toEqual([]);
  });
});

describe('statement splitting', () => {
  it('keeps semicolons inside strings, comments and dollar-quoted bodies within their statement', () => {
    const sql = `select ';' as a; -- ; for update\ncreate function g() returns void language sql as $fn$ select 1; $fn$;\nselect * from t where id = $1 for update`;
    expect(lintTenancy([{ file: 'm.sql', line: 1, sql, kind: 'migration' }]).map((f) => [f.rule, f.line])).toEqual([['lock-without-community', 3]]);
  });
});
