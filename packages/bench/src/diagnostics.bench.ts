/**
 * Shared diagnostic centres at county scale on PostgreSQL (issue #13): a county community, its
 * centres and catalogue (the demo's), a year of orders (≈ 300,000 for 500,000 residents) made in
 * SQL with their status history, results, reports, critical values and recognition outcomes;
 * then the centres' requests through the app — the worklist, a unit's orders, an order's detail,
 * the open critical values, the indicators of a month and of a year, the dashboard, creating an
 * order — each beside a bare SQL statement giving the same rows in the same process, and
 * EXPLAIN (ANALYZE, BUFFERS) of the statements the app sent for the worklist and the indicators.
 *
 *   DATABASE_URL=postgres://… npm run bench:diagnostics -- [--size county] [--runs 30]
 *     [--orders N] (default 300,000 × residents / 500,000) [--encounter-months 2] (0: none)
 *     [--keep] (leave the database for a later --reuse) [--reuse yg_bench_diagnostics_…]
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { generateCommunity } from '@yigong/synth';
import { buildApp } from '../../server/src/app/build-app.ts';
import { openPostgres } from '../../server/src/platform/db/postgres-database.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { loadSyntheticCommunity } from '../../server/src/seed/load-synthetic.ts';
import { seedEncounters } from '../../server/src/seed/seed-encounters.ts';
import { seedDiagnostics } from '../../server/src/seed/seed-diagnostics.ts';
import { rebuildDiagnosticMonthCounts } from '../../server/src/modules/diagnostics/index.ts';
import { hashPassword } from '../../server/src/platform/auth/password.ts';
import { bulkInsertAccount } from '../../server/src/modules/auth/index.ts';
import { benchContext } from './bench-app.ts';
import { benchDatabase, type BenchDatabase } from './bench-database.ts';
import { percentile, timed } from './load.ts';
import { DAY, SEED, generateOrders } from './diagnostic-orders-sql.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'county' },
    runs: { type: 'string', default: '30' },
    orders: { type: 'string' },
    'encounter-months': { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const log = (m: string) => console.error(`  ${m}`);
function recording(db: Database): { db: Database; capture: <T>(fn: () => Promise<T>) => Promise<[string, readonly unknown[]][]> } {
  let sink: [string, readonly unknown[]][] | null = null;
  const wrapped: Database = {
    kind: db.kind,
    query: (text, params) => {
      sink?.push([text, params ?? []]);
      return db.query(text, params);
    },
    exec: (script) => db.exec(script),
    transaction: (fn) => db.transaction(fn),
    copyRows: (table, columns, rows) => db.copyRows(table, columns, rows),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    capture: async (fn) => {
      sink = [];
      try {
        await fn();
        return sink;
      } finally {
        sink = null;
      }
    },
  };
}

const shanghaiDate = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);

let bench: BenchDatabase;
if (values.reuse) {
  const server = process.env.DATABASE_URL;
  if (!server) {
    console.error('DATABASE_URL must name a PostgreSQL server.');
    process.exit(2);
  }
  const name = values.reuse;
  bench = { url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(), drop: async () => undefined };
} else {
  bench = await benchDatabase('yg_bench_diagnostics');
}
const db = openPostgres(bench.url, 6);
if (values.keep) log(`database ${new URL(bench.url).pathname.slice(1)} (kept)`);
try {
  const rec = recording(db);
  const ctx = await benchContext(rec.db);
  const now = new Date();
  const today = shanghaiDate(now.getTime());
  const size = /^\d+$/.test(values.size) ? Number(values.size) : (values.size as 'county');
  const synth = generateCommunity({ regionCode: '330521', size, seed: SEED, asOf: today });
  const communityId = synth.community.id;
  const has = async (sql: string) => Number((await db.query<{ n: string }>(`select count(*) as n from (${sql}) x`, [communityId])).rows[0]!.n);
  const load: string[] = [];
  if (!(await has('select 1 from community where community_id = $1'))) {
    const [, ms] = await timed(() => loadSyntheticCommunity(db, ctx.cipher, synth));
    load.push(`community ${(ms / 1000).toFixed(1)} s`);
    const months = Number(values['encounter-months']);
    if (months > 0) {
      const [n, ems] = await timed(() => seedEncounters(ctx, communityId, today, SEED, months));
      load.push(`${n.toLocaleString('en')} encounters (${months} months) ${(ems / 1000).toFixed(1)} s`);
    }
  }
  const lead = (await db.query<{ id: string }>(`select id from organization where community_id = $1 and kind = 'lead_hospital' order by id limit 1`, [communityId])).rows[0]!.id;
  if (!(await has('select 1 from diagnostic_centre where community_id = $1'))) await seedDiagnostics(db, communityId, SEED, now, false);
  const wanted = values.orders ? Number(values.orders) : Math.round((300_000 * synth.residentCount) / 500_000);
  let made: Record<string, number> | null = null;
  if (!(await has('select 1 from diagnostic_order where community_id = $1'))) {
    const [m, ms] = await timed(() => generateOrders(db, communityId, lead, wanted, now, log));
    made = m;
    load.push(`orders and their rows ${(ms / 1000).toFixed(1)} s`);
    // Rows made in SQL bypass the per-write monthly counts (migration 0026): recounted once, as after the demo seed.
    const [, rms] = await timed(() => rebuildDiagnosticMonthCounts(db, communityId));
    load.push(`monthly counts ${(rms / 1000).toFixed(1)} s`);
    // As a table a year old is: vacuumed (the visibility map set, so index-only scans are possible), statistics current.
    const [, vms] = await timed(() => db.query('vacuum (analyze) diagnostic_order, diagnostic_order_event, diagnostic_observation, diagnostic_report, critical_value, recognition_event'));
    await db.query('analyze');
    const visible = (await db.query<{ share: number }>(`select relallvisible::float8 / greatest(relpages, 1) as share from pg_class where relname = 'diagnostic_order'`)).rows[0]!.share;
    load.push(`vacuum ${(vms / 1000).toFixed(1)} s (${Math.round(visible * 100)} % of diagnostic_order's pages all-visible)`);
  }
  if (!(await has('select 1 from diagnostic_month_count where community_id = $1'))) await rebuildDiagnosticMonthCounts(db, communityId);
  const counts = (await db.query<Record<string, string>>(`select
      (select count(*) from diagnostic_order where community_id = $1) as orders,
      (select count(*) from diagnostic_order where community_id = $1 and status in ('ordered', 'accepted', 'resulted')) as open,
      (select count(*) from diagnostic_order_event where community_id = $1) as events,
      (select count(*) from diagnostic_observation where community_id = $1) as observations,
      (select count(*) from diagnostic_report where community_id = $1) as reports,
      (select count(*) from critical_value where community_id = $1) as criticals,
      (select count(*) from critical_value where community_id = $1 and acknowledged_at is null) as open_criticals,
      (select count(*) from recognition_event where community_id = $1) as recognitions,
      (select string_agg(modality || ' ' || pct || ' %', ', ' order by modality) from (select modality, round(100.0 * count(*) / sum(count(*)) over (), 1) as pct from diagnostic_order where community_id = $1 group by modality) m) as mix,
      (select string_agg(status || ' ' || pct || ' %', ', ' order by status) from (select status, round(100.0 * count(*) / sum(count(*)) over (), 1) as pct from diagnostic_order where community_id = $1 group by status) s) as statuses`, [communityId])).rows[0]!;
  log(`${synth.residentCount.toLocaleString('en')} residents; ${Number(counts.orders).toLocaleString('en')} orders (${counts.open} open), ${Number(counts.events).toLocaleString('en')} events, ${Number(counts.observations).toLocaleString('en')} observations, ${Number(counts.reports).toLocaleString('en')} reports, ${counts.criticals} critical values (${counts.open_criticals} open), ${counts.recognitions} recognition events${load.length ? `; load: ${load.join(', ')}` : ''}`);
  log(`modalities: ${counts.mix}; statuses: ${counts.statuses}`);

  // The township whose unit head has the most open critical values (then the most orders): its clinician and its head.
  const township = (await db.query<{ id: string }>(`select t.id from organization t where t.community_id = $1 and t.kind = 'township_center'
      order by (select count(*) from critical_value v join organization c on c.community_id = v.community_id and c.id = v.ordering_organization_id
                 where v.community_id = $1 and v.acknowledged_at is null and (c.id = t.id or c.parent_id = t.id)) desc,
               (select count(*) from diagnostic_order d where d.community_id = $1 and d.ordering_organization_id = t.id) desc, t.id limit 1`, [communityId])).rows[0]!.id;
  const password = 'Bench@2026!';
  const accounts = [['bench.reader', 'reader', 'organization', lead], ['bench.town', 'clinician', 'organization', township], ['bench.head', 'manager', 'organization', township], ['bench.manager', 'manager', 'community', null]] as const;
  const existing = new Set((await db.query<{ username: string }>('select username from app_user where username like $1', ['bench.%'])).rows.map((r) => r.username));
  for (const [username, role, scopeKind, organizationId] of accounts) {
    if (!existing.has(username)) await bulkInsertAccount(db, { id: randomUUID(), username, passwordHash: await hashPassword(password), displayName: username, role, scopeKind, communityId, organizationId, regionCode: null });
  }
  const app = await buildApp(ctx);
  const login = async (username: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username} → ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body).token as string;
  };
  const tokens = { reader: await login('bench.reader'), town: await login('bench.town'), head: await login('bench.head'), manager: await login('bench.manager') };
  const call = async (who: keyof typeof tokens, method: 'GET' | 'POST', url: string, body?: object): Promise<unknown> => {
    const r = await app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(body ? { payload: body } : {}) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body);
  };

  const detailId = (await db.query<{ id: string }>(`select id from diagnostic_order where community_id = $1 and item_code = 'LAB-CBC' and status in ('reported', 'acknowledged') order by reported_at desc, id limit 1`, [communityId])).rows[0]!.id;
  const townResidents = (await db.query<{ id: string }>(`select r.id from resident r join organization o on o.community_id = r.community_id and o.id = r.organization_id
      where r.community_id = $1 and r.status = 'active' and (o.id = $2 or o.parent_id = $2) order by md5(r.id::text) limit 500`, [communityId, township])).rows.map((r) => r.id);
  const townScope = (await db.query<{ id: string }>('select id from organization where community_id = $1 and (id = $2 or parent_id = $2)', [communityId, township])).rows.map((r) => r.id);
  // The last full month, and the year up to today (365 days, the longest period is 366).
  const monthStart = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
  const monthEnd = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
  const yearFrom = shanghaiDate(now.getTime() - 364 * DAY);
  const period = (from: string, to: string) => [new Date(`${from}T00:00:00+08:00`), new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY)] as const;
  const items = ['LAB-GLU', 'ECG-12', 'DR-CHEST', 'LAB-CBC'];
  let created = 0;
  let lastCreated: string | null = null;
  const createBody = (id: string, i: number) => ({ id, residentId: townResidents[i % townResidents.length]!, itemCode: items[i % items.length]!, priority: 'routine', reason: '慢病随访复查', orderingOrganizationId: township, repeatReason: '病情变化，需复查' });

  const q = (text: string, params: unknown[]) => () => db.query(text, params);
  const baselines: Record<string, () => Promise<unknown>> = {
    'worklist select (open orders of the centre unit, ORDER BY, LIMIT 100)': () => db.query(
      `select * from diagnostic_order o where o.community_id = $1 and o.performing_organization_id = $2 and o.status in ('ordered', 'accepted', 'resulted')
        order by (o.priority = 'urgent') desc, (o.status = 'resulted' and o.report_due_at < $3) desc, coalesce(o.resulted_at, o.ordered_at) asc, o.id limit 100`, [communityId, lead, new Date()]),
    'the unit\'s orders, newest first, LIMIT 100': q(`select * from diagnostic_order where community_id = $1 and ordering_organization_id = $2 order by ordered_at desc, id limit 100`, [communityId, township]),
    'the order, its events, observations, reports (one statement)': q(`select o.*,
        (select json_agg(e order by e.id) from diagnostic_order_event e where e.community_id = o.community_id and e.order_id = o.id) as events,
        (select json_agg(b order by b.seq) from diagnostic_observation b where b.community_id = o.community_id and b.order_id = o.id) as observations,
        (select json_agg(r order by r.version) from diagnostic_report r where r.community_id = o.community_id and r.order_id = o.id) as reports
       from diagnostic_order o where o.community_id = $1 and o.id = $2`, [communityId, detailId]),
    'open escalated critical values of the township\'s units': q(`select * from critical_value where community_id = $1 and acknowledged_at is null and ordering_organization_id = any($2) and stage in ('unit_head', 'medical_department')
        order by raised_at desc limit 100`, [communityId, townScope]),
    'GROUP BY unit, modality over the month\'s orders': q(`select ordering_organization_id, modality, count(*) from diagnostic_order where community_id = $1 and ordered_at >= $2 and ordered_at < $3 group by 1, 2`, [communityId, ...period(monthStart, monthEnd)]),
    'GROUP BY unit, modality over the year\'s orders': q(`select ordering_organization_id, modality, count(*) from diagnostic_order where community_id = $1 and ordered_at >= $2 and ordered_at < $3 group by 1, 2`, [communityId, ...period(yearFrom, today)]),
    'one INSERT of an order row': () => db.query(
      `insert into diagnostic_order (community_id, id, resident_id, item_code, modality, centre_id, performing_organization_id, priority, status, reason, ordering_organization_id, ordering_user_id, ordering_username, ordered_at, updated_at)
       select $1, $2, $3, i.code, i.modality, i.centre_id, $4, 'routine', 'ordered', '慢病随访复查', $5, $2, 'bench', now(), now() from diagnostic_item i where i.community_id = $1 and i.code = 'LAB-GLU'`,
      [communityId, randomUUID(), townResidents[0], lead, township]),
  };
  const monthQs = `communityId=${communityId}&from=${monthStart}&to=${monthEnd}`;
  const yearQs = `communityId=${communityId}&from=${yearFrom}&to=${today}`;
  const cases: [name: string, baseline: keyof typeof baselines, fn: () => Promise<unknown>][] = [
    ['GET /diagnostics/orders?view=worklist&limit=100 (reader, lead hospital)', 'worklist select (open orders of the centre unit, ORDER BY, LIMIT 100)', () => call('reader', 'GET', '/diagnostics/orders?view=worklist&limit=100')],
    ['GET /diagnostics/orders?view=ordered&limit=100 (township clinician)', 'the unit\'s orders, newest first, LIMIT 100', () => call('town', 'GET', '/diagnostics/orders?view=ordered&limit=100')],
    ['GET /diagnostics/orders/{id} (a reported CBC, 18 observations)', 'the order, its events, observations, reports (one statement)', () => call('reader', 'GET', `/diagnostics/orders/${detailId}`)],
    ['GET /critical-values?status=open (township manager)', 'open escalated critical values of the township\'s units', () => call('head', 'GET', '/critical-values?status=open')],
    [`GET /diagnostics/indicators (month ${monthStart.slice(0, 7)})`, 'GROUP BY unit, modality over the month\'s orders', () => call('manager', 'GET', `/diagnostics/indicators?${monthQs}`)],
    [`GET /diagnostics/indicators (year ${yearFrom} – ${today})`, 'GROUP BY unit, modality over the year\'s orders', () => call('manager', 'GET', `/diagnostics/indicators?${yearQs}`)],
    [`GET /indicators?period=${monthStart.slice(0, 7)} (dashboard)`, 'GROUP BY unit, modality over the month\'s orders', () => call('manager', 'GET', `/indicators?communityId=${communityId}&period=${monthStart.slice(0, 7)}`)],
    [`GET /indicators?period=${today.slice(0, 4)} (dashboard, the year so far)`, 'GROUP BY unit, modality over the year\'s orders', () => call('manager', 'GET', `/indicators?communityId=${communityId}&period=${today.slice(0, 4)}`)],
    ['POST /diagnostics/orders (new id)', 'one INSERT of an order row', async () => {
      lastCreated = randomUUID();
      await call('town', 'POST', '/diagnostics/orders', createBody(lastCreated, created++));
    }],
    ['POST /diagnostics/orders (retry of the same id)', 'one INSERT of an order row', () => call('town', 'POST', '/diagnostics/orders', createBody(lastCreated!, created - 1))],
  ];

  const runs = Number(values.runs);
  const series: Record<string, number[]> = {};
  const measure = async (name: string, fn: () => Promise<unknown>, record: boolean) => {
    const [, ms] = await timed(fn);
    if (record) (series[name] ??= []).push(ms);
  };
  const round = async (record: boolean) => {
    for (const [name, base, fn] of cases) {
      await measure(`baseline: ${base}`, baselines[base]!, record);
      await measure(name, fn, record);
    }
  };
  const load1 = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
  const loadBefore = load1();
  for (let i = 0; i < 3; i++) await round(false);

  // EXPLAIN (ANALYZE, BUFFERS) of the statements the app sent for the worklist and the indicators, once.
  const explained: string[] = [];
  const explain: [string, () => Promise<unknown>][] = [
    ['worklist', () => call('reader', 'GET', '/diagnostics/orders?view=worklist&limit=100')],
    ['ordered', () => call('town', 'GET', '/diagnostics/orders?view=ordered&limit=100')],
    ['indicators, month', () => call('manager', 'GET', `/diagnostics/indicators?${monthQs}`)],
    ['indicators, year', () => call('manager', 'GET', `/diagnostics/indicators?${yearQs}`)],
  ];
  for (const [label, fn] of explain) {
    for (const [text, params] of await rec.capture(fn)) {
      if (!/^\s*select/i.test(text) || !/\b(diagnostic_order|diagnostic_month_count|diagnostic_month_turnaround|critical_value|recognition_event)\b/.test(text)) continue;
      // Long id lists (the caller's units) shortened to their count.
      const plan = (await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params)).rows.map((r) => r['QUERY PLAN'])
        .join('\n').replace(/'\{([0-9a-f-]{36},){3,}[0-9a-f-]{36}\}'/g, (ids) => `'{…${ids.split(',').length} ids…}'`);
      // Planning alone, as the planner searches join orders and with the joins taken in the order written.
      const planning = async (setting: string) => db.transaction(async (tx) => {
        await tx.query(setting);
        const ms: number[] = [];
        for (let i = 0; i < 7; i++) {
          const line = (await tx.query<{ 'QUERY PLAN': string }>(`explain (summary) ${text}`, params)).rows.map((r) => r['QUERY PLAN']).find((l) => l.startsWith('Planning Time'))!;
          ms.push(Number(/([\d.]+) ms/.exec(line)![1]));
        }
        return percentile(ms, 0.5).toFixed(1);
      });
      const planned = `planning p50 of 7: ${await planning('set local join_collapse_limit = 8')} ms; with join_collapse_limit = 1: ${await planning('set local join_collapse_limit = 1')} ms`;
      explained.push(`-- ${label}: ${text.replace(/\s+/g, ' ').trim().slice(0, 160)}…\n-- ${planned}\n${plan}`);
    }
  }

  for (let i = 0; i < runs; i++) await round(true);
  const loadAfter = load1();
  await app.close();

  const stat = (xs: readonly number[]) => ({ p50: percentile(xs, 0.5), p95: percentile(xs, 0.95), p99: percentile(xs, 0.99) });
  const rows = cases.map(([name, base]) => {
    const ours = stat(series[name]!);
    const b = stat(series[`baseline: ${base}`]!);
    return `| ${name} | ${ours.p50.toFixed(1)} | ${ours.p95.toFixed(1)} | ${ours.p99.toFixed(1)} | ${base} | ${b.p50.toFixed(1)} | ${b.p95.toFixed(1)} | ${(ours.p50 / b.p50).toFixed(1)}× |`;
  });
  const acceptance = cases.filter(([name]) => /worklist|indicators/.test(name)).map(([name]) => {
    const p95 = stat(series[name]!).p95;
    return `${name}: p95 ${p95.toFixed(1)} ms ${p95 < 100 ? '< 100 ms' : '≥ 100 ms — NOT MET'}`;
  });
  console.log(`\n# EXPLAIN (ANALYZE, BUFFERS)\n\n${explained.join('\n\n')}`);
  console.log(`\n${synth.residentCount.toLocaleString('en')} residents; ${Number(counts.orders).toLocaleString('en')} orders from ${yearFrom} to ${today} (${counts.open} open; ${counts.mix}), `
    + `${Number(counts.events).toLocaleString('en')} status events, ${Number(counts.observations).toLocaleString('en')} observations, ${Number(counts.reports).toLocaleString('en')} reports, `
    + `${counts.criticals} critical values (${counts.open_criticals} open), ${counts.recognitions} recognition events${made ? '' : ' (reused)'}; ${runs} runs each after 3 warm-up rounds; load average (1 / 5 / 15 min) ${loadBefore} before the warm-up, ${loadAfter} after the runs\n`);
  console.log(`| request | p50 ms | p95 ms | p99 ms | baseline (bare SQL, same process) | baseline p50 ms | baseline p95 ms | p50 ours / baseline |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
  console.log(`\n${acceptance.join('\n')}`);
  if (values.keep || values.reuse) log(`database kept: ${bench.url.replace(/\/\/[^@]*@/, '//')}`);
} finally {
  await db.close();
  if (!values.keep && !values.reuse) await bench.drop();
}
