import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Sql } from '../src/platform/db/database.ts';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { demoWorld } from './factories/residents.ts';

/**
 * Issue #9 "Done when": on Citus every by-id read and every dashboard query routes to one shard.
 * Each request below runs through the real app while every statement it sends is recorded; then
 * each statement is EXPLAINed with its own parameters and its plan must say `Task Count: 1` (a
 * query visiting every shard says `Task Count: 8`). Off Citus the same requests run and are
 * checked to have issued statements, so the list stays valid on every store.
 */
const onCitus = inject('template').kind === 'citus';

interface Recorded {
  text: string;
  params: readonly unknown[];
}

describe('single-shard routing of by-id reads and dashboard queries (Citus)', () => {
  let p: TestPlatform;
  let w: Awaited<ReturnType<typeof demoWorld>>;
  let recording: Recorded[] | null = null;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    p = await openTestPlatform();
    w = await demoWorld(p);
    const db = p.ctx.db;
    const query = db.query.bind(db);
    // Records what the app sends (statements run inside transactions go through tx handles, so wrap those too).
    const record = (sql: Sql): Sql['query'] => async (text, params) => {
      recording?.push({ text, params: params ?? [] });
      return sql.query(text, params);
    };
    db.query = record({ query, exec: db.exec } as Sql) as Sql['query'];
    const transaction = db.transaction.bind(db);
    db.transaction = (fn) => transaction((tx) => fn({ ...tx, query: record(tx) }));
    const one = async (sql: string, params: unknown[]) => (await query<{ id: string }>(sql, params)).rows[0]!.id;
    // A resident of the village doctor's clinic with a chronic enrolment, one contract, a referral of theirs.
    ids.resident = await one(`select r.id from resident r join chronic_enrollment e on e.community_id = r.community_id and e.resident_id = r.id
                               where r.community_id = $1 and r.organization_id = $2 order by r.id limit 1`, [w.first.id, w.villageId]);
    ids.contract = await one(`select id from fd_contract where community_id = $1 order by id limit 1`, [w.first.id]);
    const lead = (await p.call('GET', '/api/v1/auth/me', await p.login('doctor.lead'))).body.organizationId as string;
    const referral = await p.call('POST', '/api/v1/referrals', await p.login('vdoc'), {
      residentId: ids.resident, direction: 'up', toOrganizationId: lead, priority: 'routine', reason: '复查', diagnoses: [{ code: 'I10', primary: true }] });
    expect(referral.status).toBe(201);
    ids.referral = referral.body.id;
    ids.organization = w.townshipId;
  });
  afterAll(async () => p.close());

  async function statementsOf(user: string, url: string): Promise<Recorded[]> {
    const token = await p.login(user);
    recording = [];
    const r = await p.call('GET', url, token);
    const got = recording;
    recording = null;
    expect(r.status, `${url}: ${JSON.stringify(r.body).slice(0, 200)}`).toBe(200);
    // Session lookups (reference tables) and the audit row are part of every request; keep them too.
    return got;
  }

  /** The statements whose plan visits more than one shard, with their task counts. */
  async function wideStatements(statements: Recorded[]): Promise<string[]> {
    const wide: string[] = [];
    for (const s of statements) {
      if (/^\s*(begin|commit|rollback|set |select pg_advisory)/i.test(s.text)) continue;
      const plan = (await p.ctx.db.query<Record<string, string>>(`explain ${s.text}`, s.params)).rows.map((r) => Object.values(r)[0]).join('\n');
      const tasks = [...plan.matchAll(/Task Count: (\d+)/g)].map((m) => Number(m[1]));
      if (tasks.some((n) => n !== 1)) wide.push(`${s.text.replace(/\s+/g, ' ').slice(0, 160)} → Task Count ${tasks.join(', ')}`);
    }
    return wide;
  }

  it('looks a region account\'s by-id request up once, then goes to one shard (the id → community map)', async () => {
    for (const url of [`/api/v1/referrals/${ids.referral}`, `/api/v1/organizations/${ids.organization}`]) {
      const first = await statementsOf('admin', url);
      const again = await statementsOf('admin', url);
      // The second request skips the lookup that visits every shard.
      expect(again.length).toBe(first.length - 1);
      if (!onCitus) continue;
      expect((await wideStatements(first)).length).toBe(1);
      expect(await wideStatements(again)).toEqual([]);
    }
  });

  const cases: [user: string, url: () => string][] = [
    ['doctor.lead', () => `/api/v1/residents/${ids.resident}`],
    ['doctor.lead', () => `/api/v1/residents/${ids.resident}/contracts`],
    ['doctor.lead', () => `/api/v1/chronic/residents/${ids.resident}`],
    ['doctor.lead', () => `/api/v1/contracts/${ids.contract}`],
    ['manager', () => `/api/v1/referrals/${ids.referral}`],
    ['manager', () => `/api/v1/organizations/${ids.organization}`],
    ['manager', () => `/api/v1/indicators?communityId=${w.first.id}&period=${new Date().getFullYear()}`],
    ['manager', () => `/api/v1/indicators/series?communityId=${w.first.id}&from=${new Date().getFullYear()}-01&to=${new Date().getFullYear()}-12`],
    ['manager', () => `/api/v1/indicators/by-unit?communityId=${w.first.id}&period=${new Date().getFullYear()}`],
    ['manager', () => `/api/v1/chronic/rates?communityId=${w.first.id}&year=${new Date().getFullYear()}`],
    ['manager', () => `/api/v1/chronic/rates/by-unit?communityId=${w.first.id}&year=${new Date().getFullYear()}`],
    ['manager', () => `/api/v1/family-doctor/rates?communityId=${w.first.id}`],
    ['vdoc', () => `/api/v1/family-doctor/rates?communityId=${w.first.id}&organizationId=${w.villageId}`],
    ['manager', () => `/api/v1/encounters?communityId=${w.first.id}&period=${new Date().getFullYear()}&limit=20`],
  ];

  for (const [user, url] of cases) {
    it(`routes every statement of GET ${url.toString().match(/`([^`?]*)/)?.[1] ?? ''} (${user}) to one shard`, async () => {
      const statements = await statementsOf(user, url());
      expect(statements.length).toBeGreaterThan(0);
      if (!onCitus) return;
      const wide = await wideStatements(statements);
      expect(wide).toEqual([]);
    });
  }
});
