// A year of a county's diagnostic orders drawn in SQL, for diagnostics.bench.ts (issue #13).
import type { Database } from '../../server/src/platform/db/database.ts';
import { timed } from './load.ts';

/** The seed of the orders drawn in SQL. */
export const SEED = 7;
export const DAY = 86_400_000;

/** Item mix of a year (docs/domain/diagnostics.md "Centres"): ECG 25 %, imaging 25 %, lab 45 %, pathology 5 %. */
const ITEM_WEIGHTS: [code: string, weight: number][] = [
  ['ECG-12', 23], ['ECG-HOLTER', 2],
  ['DR-CHEST', 12], ['CT-HEAD', 5], ['CT-CHEST', 5], ['US-ABDOMEN', 3],
  ['LAB-CBC', 12], ['LAB-GLU', 8], ['LAB-LIVER', 5], ['LAB-KIDNEY', 5], ['LAB-LIPID', 4], ['LAB-HBA1C', 4], ['LAB-ELEC', 3], ['LAB-URINE', 3], ['LAB-THYROID', 1],
  ['PATH-BIOPSY', 5],
];

/** A uniform draw in [0, 1) from a hash of a row key and a salt: deterministic, no state. */
const U = (key: string, salt: number) => `((hashint8extended((${key})::bigint * 64 + ${salt}, ${SEED}) & 2147483647)::float8 / 2147483648)`;
/** A version-4 UUID (the API's ids are checked as RFC 9562 UUIDs) from the md5 of a row key. */
const UUID = (key: string) => `overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid`;
/** One of a list of texts by a draw. */
const pickText = (texts: readonly string[], key: string, salt: number) => `(array[${texts.map((t) => `'${t}'`).join(',')}])[1 + floor(${U(key, salt)} * ${texts.length})::int]`;
const byModality = (m: Record<'ecg' | 'imaging' | 'lab' | 'pathology', readonly string[]>, key: string, salt: number) =>
  `case t.modality when 'ecg' then ${pickText(m.ecg, key, salt)} when 'imaging' then ${pickText(m.imaging, key, salt)} when 'lab' then ${pickText(m.lab, key, salt)} else ${pickText(m.pathology, key, salt)} end`;
const REASONS = {
  ecg: ['胸闷、心悸 3 天', '高血压患者年度体检', '活动后气短', '头晕乏力，既往心律不齐', '糖尿病患者心血管风险评估'],
  imaging: ['咳嗽咳痰 1 周，伴发热', '头痛头晕 3 天', '体检发现肺部结节复查', '外伤后头部疼痛', '长期吸烟，胸部筛查', '右上腹隐痛'],
  lab: ['慢病随访复查', '乏力、食欲差', '高血压患者年度检查', '糖尿病血糖控制评估', '发热待查', '服用降压药后复查电解质'],
  pathology: ['胃镜下取活检', '皮肤肿物切除送检'],
};
const REJECT_REASONS = {
  ecg: ['心电图基线漂移严重，请重新采集', '导联脱落（V4–V6），请重新采集'],
  imaging: ['图像质量不合格（运动伪影），请重新摄片', '申请信息不全，缺少临床诊断'],
  lab: ['标本溶血，请重新采血', '标本量不足', '标本超时送检（>2 小时）'],
  pathology: ['标本未用甲醛固定'],
};
const CRITICAL_SUMMARIES = { ecg: ['急性前壁 ST 段抬高型心肌梗死', '三度房室传导阻滞'], imaging: ['脑出血，中线移位', '张力性气胸'], lab: ['检验结果达危急值界限'], pathology: ['恶性肿瘤，需尽快处置'] };

/**
 * A year of orders up to `now`, in SQL (one transaction, temporary tables): every member unit
 * orders for its residents (a tenth by the lead hospital itself, a fifth of a village clinic's
 * residents through its township centre), items in the proportions above, 15 % urgent, each
 * moved through its steps at drawn delays and stopped where `now` falls — 5 % rejected, 3 %
 * cancelled, 12 % of reports never acknowledged, 0.3 % amended — with one status event per step,
 * lab observations, signed reports, ≈ 0.5 % critical values (2 % of them never acknowledged,
 * escalated to the medical department), 1.5 % of signed results repeated inside their validity
 * with a reason by another unit and 3 % used instead of a new order (recognition_event).
 */
export async function generateOrders(db: Database, communityId: string, leadId: string, count: number, now: Date, log: (m: string) => void): Promise<Record<string, number>> {
  const readers = (await db.query<{ name: string }>('select name from practitioner where community_id = $1 and organization_id = $2 order by name limit 12', [communityId, leadId])).rows.map((r) => r.name);
  const items = new Set((await db.query<{ code: string }>('select code from diagnostic_item where community_id = $1 and active', [communityId])).rows.map((r) => r.code));
  const weights = ITEM_WEIGHTS.filter(([c]) => items.has(c));
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cumulative = weights.map(([code, w]) => {
    const row = `('${code}', ${acc / total}, ${(acc + w) / total})`;
    acc += w;
    return row;
  });
  return db.transaction(async (tx) => {
    const run = async (label: string, text: string, params: unknown[] = []) => {
      const [r, ms] = await timed(() => tx.query(text, params));
      if (label) log(`${label}: ${r.rowCount.toLocaleString('en')} rows, ${(ms / 1000).toFixed(1)} s`);
      return r.rowCount;
    };
    // A commit flushed before the VACUUM below (servers run with synchronous_commit = off): VACUUM marks a page all-visible only
    // once its rows' commit is on disk, and index-only scans need that.
    await run('', 'set local synchronous_commit = on');
    await run('', `create temp table bench_weight (code text, lo float8, hi float8) on commit drop`);
    await run('', `insert into bench_weight values ${cumulative.join(', ')}`);
    await run('', `create temp table bench_unit on commit drop as
      select o.id, o.kind, o.parent_id, ${UUID(`'orderer:' || o.id::text`)} as user_id,
             coalesce((select p.name from practitioner p where p.community_id = o.community_id and p.organization_id = o.id order by p.name limit 1), o.name || '医生') as username,
             case when o.kind in ('village_clinic', 'community_station') then 'village_doctor' else 'clinician' end as role
        from organization o where o.community_id = $1`, [communityId]);
    await run('', `create temp table bench_res on commit drop as
      select row_number() over (order by r.id) as n, r.id, r.organization_id,
             case when u.kind in ('village_clinic', 'community_station') and u.parent_id is not null then u.parent_id else r.organization_id end as parent_org
        from resident r join organization u on u.community_id = r.community_id and u.id = r.organization_id
       where r.community_id = $1 and r.status = 'active'`, [communityId]);
    await run('', 'create index on bench_res (n)');
    const residents = Number((await tx.query<{ n: string }>('select count(*) as n from bench_res')).rows[0]!.n);
    // Lab items' analytes, and the first with a critical limit (a critical lab result is there).
    await run('', `create temp table bench_analyte on commit drop as
      select i.code as item_code, a.seq::int as seq, a.v->>'code' as code, a.v->>'name' as name, coalesce(a.v->>'unit', '') as unit,
             (a.v->>'low')::float8 as low, (a.v->>'high')::float8 as high, (a.v->>'criticalLow')::float8 as clow, (a.v->>'criticalHigh')::float8 as chigh
        from diagnostic_item i cross join lateral jsonb_array_elements(i.analytes) with ordinality as a(v, seq)
       where i.community_id = $1 and i.modality = 'lab'`, [communityId]);
    await run('', `create temp table bench_item on commit drop as
      select i.code, i.modality, i.centre_id, i.routine_minutes, i.urgent_minutes, i.validity_days, i.price_fen, i.name,
             i.template->>'findings' as findings, i.template->>'conclusion' as conclusion,
             (select min(a.seq) from bench_analyte a where a.item_code = i.code and (a.chigh is not null or a.clow is not null)) as crit_seq
        from diagnostic_item i where i.community_id = $1`, [communityId]);

    // Drafts: who orders what for whom, when. Working hours (Asia/Shanghai) for routine orders, any hour for urgent ones.
    await run('', `create temp table bench_draft (n bigint, id uuid, resident_id uuid, org uuid, item_code text, priority text, ordered_at timestamptz, recognised_order_id uuid, repeat_reason text) on commit drop`);
    await run('drafts', `insert into bench_draft (n, id, resident_id, org, item_code, priority, ordered_at)
      select g.n, ${UUID(`$1::uuid::text || ':order:' || g.n`)}, r.id,
             case when ${U('g.n', 2)} < 0.10 then $4::uuid when ${U('g.n', 2)} < 0.30 then r.parent_org else r.organization_id end,
             w.code, p.priority,
             case when x.at > $2::timestamptz then x.at - interval '1 day' else x.at end
        from generate_series(1, $3::int) g(n)
        join bench_res r on r.n = 1 + floor(${U('g.n', 1)} * ${residents})::bigint
        join bench_weight w on ${U('g.n', 3)} >= w.lo and ${U('g.n', 3)} < w.hi
        cross join lateral (select case when ${U('g.n', 4)} < 0.15 then 'urgent' else 'routine' end as priority) p
        cross join lateral (select ((date_trunc('day', $2::timestamptz at time zone 'Asia/Shanghai') - floor(${U('g.n', 5)} * 365) * interval '1 day'
               + case when p.priority = 'urgent' then ${U('g.n', 6)} * interval '24 hours' else interval '8 hours' + ${U('g.n', 6)} * interval '570 minutes' end)
               at time zone 'Asia/Shanghai') as at) x`, [communityId, now, count, leadId]);

    // Timelines: each step at a drawn delay (the demo's), then cut at now.
    await run('', `create temp table bench_tl (n bigint, id uuid, resident_id uuid, org uuid, item_code text, modality text, centre_id uuid, priority text, ordered_at timestamptz,
      recognised_order_id uuid, repeat_reason text, validity_days int, price_fen bigint, target int, fate text,
      accepted_at timestamptz, rejected_at timestamptz, cancelled_at timestamptz, resulted_at timestamptz, reported_at timestamptz, acknowledged_at timestamptz,
      amended_at timestamptz, report_due_at timestamptz, critical boolean, crit_seq int, raised_at timestamptz) on commit drop`);
    const timeline = (where: string) => `insert into bench_tl
      select d.n, d.id, d.resident_id, d.org, d.item_code, i.modality, i.centre_id, d.priority, d.ordered_at, d.recognised_order_id, d.repeat_reason, i.validity_days, i.price_fen, a.target, a.fate,
             case when a.fate = 'normal' and a.checked_at <= $1 then a.checked_at end,
             case when a.fate = 'reject' and a.checked_at <= $1 then a.checked_at end,
             case when a.fate = 'cancel' and a.cancel_at <= $1 then a.cancel_at end,
             case when b.res_at <= $1 then b.res_at end,
             case when c.rep_at <= $1 then c.rep_at end,
             case when e.ack_at <= $1 then e.ack_at end,
             case when e.amend_at <= $1 then e.amend_at end,
             case when b.res_at <= $1 then b.res_at + a.target * interval '1 minute' end,
             coalesce(f.raised <= $1, false), i.crit_seq, case when f.raised <= $1 then f.raised end
        from bench_draft d join bench_item i on i.code = d.item_code
        cross join lateral (select
               case when ${U('d.n', 10)} < 0.05 then 'reject' when ${U('d.n', 10)} < 0.08 then 'cancel' else 'normal' end as fate,
               d.ordered_at + (case when d.priority = 'urgent' then 2 + floor(${U('d.n', 11)} * 9) else 5 + floor(${U('d.n', 11)} * 41) end) * interval '1 minute' as checked_at,
               d.ordered_at + (10 + floor(${U('d.n', 12)} * 51)) * interval '1 minute' as cancel_at,
               case when d.priority = 'urgent' then i.urgent_minutes else i.routine_minutes end as target,
               case i.modality when 'ecg' then 3 + floor(${U('d.n', 13)} * 13) when 'imaging' then 10 + floor(${U('d.n', 13)} * 51)
                 when 'lab' then 20 + floor(${U('d.n', 13)} * 71) else 1440 + floor(${U('d.n', 13)} * 1441) end as result_delay) a
        cross join lateral (select case when a.fate = 'normal' then a.checked_at + a.result_delay * interval '1 minute' end as res_at) b
        cross join lateral (select b.res_at + greatest(2, round(a.target * (0.25 + ${U('d.n', 14)} * 1.05))) * interval '1 minute' as rep_at) c
        cross join lateral (select case when ${U('d.n', 15)} >= 0.12 then c.rep_at + (10 + floor(${U('d.n', 16)} * 591)) * interval '1 minute' end as ack_at,
               case when ${U('d.n', 19)} < 0.003 then c.rep_at + (60 + floor(${U('d.n', 18)} * 540)) * interval '1 minute' end as amend_at) e
        cross join lateral (select case when ${U('d.n', 17)} < 0.006 and (i.modality <> 'lab' or i.crit_seq is not null)
               then case when i.modality = 'lab' then b.res_at else c.rep_at end end as raised) f
       where ${where}`;
    await run('timelines', timeline('true'), [now]);
    // Repeats inside a signed result's validity by another unit, with a reason (结果互认).
    await run('repeat drafts', `insert into bench_draft (n, id, resident_id, org, item_code, priority, ordered_at, recognised_order_id, repeat_reason)
      select $3::bigint + row_number() over (order by t.n), ${UUID(`$1::uuid::text || ':repeat:' || t.n`)}, t.resident_id,
             case when t.org = $4::uuid then r.organization_id else $4::uuid end, t.item_code, 'routine', x.at, t.id,
             ${pickText(['病情变化，需复查', '外院结果项目不全，需补充', '治疗后疗效评估', '上级医院要求复查'], 't.n', 22)}
        from bench_tl t join bench_res r on r.id = t.resident_id
        cross join lateral (select t.reported_at + (1 + floor(${U('t.n', 21)} * (t.validity_days * 24 - 1))) * interval '1 hour' as at) x
       where t.reported_at is not null and t.validity_days > 0 and ${U('t.n', 20)} < 0.015 and x.at <= $2`, [communityId, now, count, leadId]);
    await run('repeat timelines', timeline(`d.n > ${count}`), [now]);
    await run('', 'analyze bench_tl');

    const orders = await run('diagnostic_order', `insert into diagnostic_order (community_id, id, resident_id, item_code, modality, centre_id, performing_organization_id, priority, status, reason,
        ordering_organization_id, ordering_user_id, ordering_username, recognised_order_id, repeat_reason, reject_reason, cancel_reason, reader_user_id, reader_name,
        critical, report_version, report_conclusion, ordered_at, accepted_at, rejected_at, resulted_at, report_due_at, reported_at, acknowledged_at, cancelled_at, updated_at)
      select $1, t.id, t.resident_id, t.item_code, t.modality, t.centre_id, $2, t.priority,
             case when t.cancelled_at is not null then 'cancelled' when t.rejected_at is not null then 'rejected' when t.acknowledged_at is not null then 'acknowledged'
                  when t.reported_at is not null then 'reported' when t.resulted_at is not null then 'resulted' when t.accepted_at is not null then 'accepted' else 'ordered' end,
             ${byModality(REASONS, 't.n', 30)}, t.org, u.user_id, u.username, t.recognised_order_id, t.repeat_reason,
             case when t.rejected_at is not null then ${byModality(REJECT_REASONS, 't.n', 31)} end,
             case when t.cancelled_at is not null then '患者已前往上级医院就诊，撤销申请' end,
             null, case when t.reported_at is not null then ($3::text[])[1 + floor(${U('t.n', 32)} * cardinality($3::text[]))::int] end,
             t.critical, case when t.amended_at is not null then 2 when t.reported_at is not null then 1 else 0 end,
             case when t.reported_at is null then null when t.critical then '危急值：' || ${byModality(CRITICAL_SUMMARIES, 't.n', 33)} else i.conclusion end,
             t.ordered_at, t.accepted_at, t.rejected_at, t.resulted_at, t.report_due_at, t.reported_at, t.acknowledged_at, t.cancelled_at,
             greatest(t.ordered_at, t.accepted_at, t.rejected_at, t.cancelled_at, t.resulted_at, t.reported_at, t.acknowledged_at, t.amended_at)
        from bench_tl t join bench_unit u on u.id = t.org join bench_item i on i.code = t.item_code`, [communityId, leadId, readers.length ? readers : ['值班医师']]);

    // One event per step, in the order of the steps (the history sorts by id).
    const events = await run('diagnostic_order_event', `insert into diagnostic_order_event (community_id, order_id, at, action, from_status, to_status, actor_id, username, role, organization_id, comment)
      select $1, o.id, s.at, s.action, s.from_status, s.to_status, case when s.by_orderer then o.ordering_user_id end,
             case when s.by_orderer then o.ordering_username else coalesce(o.reader_name, '质控医师') end,
             case when s.by_orderer then u.role else 'reader' end, case when s.by_orderer then o.ordering_organization_id else o.performing_organization_id end, s.comment
        from diagnostic_order o join bench_tl t on t.id = o.id join bench_unit u on u.id = o.ordering_organization_id
        cross join lateral (values
          (1, o.ordered_at, 'order', null, 'ordered', true, o.reason),
          (2, o.cancelled_at, 'cancel', 'ordered', 'cancelled', true, o.cancel_reason),
          (3, o.rejected_at, 'reject', 'ordered', 'rejected', false, '退回：' || o.reject_reason),
          (4, o.accepted_at, 'accept', 'ordered', 'accepted', false, null),
          (5, o.resulted_at, 'result', 'accepted', 'resulted', o.modality in ('ecg', 'imaging'), null),
          (6, o.reported_at, 'report', 'resulted', 'reported', false, case when o.critical and o.modality <> 'lab' then '报告危急值' end),
          (7, case when t.amended_at < o.acknowledged_at then t.amended_at end, 'amend', 'reported', 'reported', false, '补充描述'),
          (8, o.acknowledged_at, 'acknowledge', 'reported', 'acknowledged', true, null),
          (9, case when t.amended_at >= o.acknowledged_at or (t.amended_at is not null and o.acknowledged_at is null) then t.amended_at end, 'amend',
              case when o.acknowledged_at is null then 'reported' else 'acknowledged' end, case when o.acknowledged_at is null then 'reported' else 'acknowledged' end, false, '补充描述')
        ) s(step, at, action, from_status, to_status, by_orderer, comment)
       where o.community_id = $1 and s.at is not null
       order by t.n, s.step`, [communityId]);

    const observations = await run('diagnostic_observation', `insert into diagnostic_observation (community_id, order_id, seq, code, name, value_num, value_text, unit, low, high, critical_low, critical_high, flag, recorded_at)
      select $1, t.id, a.seq, a.code, a.name, v.num, case when v.num is null then '阴性' end, a.unit, a.low, a.high, a.clow, a.chigh,
             case when v.num is null then 'N' when a.chigh is not null and v.num > a.chigh then 'HH' when a.clow is not null and v.num < a.clow then 'LL'
                  when a.high is not null and v.num > a.high then 'H' when a.low is not null and v.num < a.low then 'L' else 'N' end,
             t.resulted_at
        from bench_tl t join bench_analyte a on a.item_code = t.item_code
        cross join lateral (select coalesce(a.low, coalesce(a.high, 1) * 0.3) as lo) l
        cross join lateral (select coalesce(a.high, l.lo * 2) as hi) h
        cross join lateral (select case when t.critical and a.seq = t.crit_seq then coalesce(a.chigh * 1.1, a.clow * 0.8)
                 else greatest(least(
                   case when ${U('t.n * 64 + a.seq', 41)} < 0.12 then case when ${U('t.n * 64 + a.seq', 42)} < 0.6 then h.hi * (1.05 + ${U('t.n * 64 + a.seq', 43)} * 0.4) else l.lo * (0.65 + ${U('t.n * 64 + a.seq', 43)} * 0.3) end
                        else l.lo + ${U('t.n * 64 + a.seq', 44)} * (h.hi - l.lo) end,
                   coalesce(a.chigh * 0.95, 'infinity'::float8)), coalesce(a.clow * 1.05, '-infinity'::float8)) end as raw) r
        cross join lateral (select case when a.low is null and a.high is null then null
                 else round(r.raw::numeric, case when h.hi >= 100 then 0 when h.hi >= 10 then 1 when h.hi >= 1 then 2 else 3 end)::float8 end as num) v
       where t.modality = 'lab' and t.resulted_at is not null`, [communityId]);

    const reports = await run('diagnostic_report', `insert into diagnostic_report (community_id, order_id, version, findings, conclusion, critical, signed_by, signed_by_name, signed_at, amend_reason)
      select $1, o.id, v.version, coalesce(i.findings, '见附件'), coalesce(o.report_conclusion, '见附件'),
             o.critical, null, o.reader_name, v.at, v.amend_reason
        from diagnostic_order o join bench_tl t on t.id = o.id join bench_item i on i.code = o.item_code
        cross join lateral (values (1, o.reported_at, null), (2, t.amended_at, '补充描述：漏报次要所见')) v(version, at, amend_reason)
       where o.community_id = $1 and o.reported_at is not null and v.at is not null`, [communityId]);

    // Critical values: acknowledged by the ordering doctor (85 % within the 30 minutes), 2 % never; escalation stamps at the deadlines passed.
    const criticals = await run('critical_value', `insert into critical_value (community_id, id, order_id, resident_id, ordering_organization_id, ordering_user_id, source, summary, raised_at, deadline_at,
        stage, unit_head_at, medical_department_at, acknowledged_at, acknowledged_by, acknowledged_by_name, ack_note)
      select $1, ${UUID(`$1::uuid::text || ':critical:' || t.n`)}, t.id, t.resident_id, t.org, o.ordering_user_id, case when t.modality = 'lab' then 'result' else 'report' end,
             case when t.modality = 'lab' then i.name || ' 危急值' else ${byModality(CRITICAL_SUMMARIES, 't.n', 33)} end,
             t.raised_at, t.raised_at + interval '30 minutes',
             case when s.until > t.raised_at + interval '60 minutes' then 'medical_department' when s.until > t.raised_at + interval '30 minutes' then 'unit_head' else 'doctor' end,
             case when s.until > t.raised_at + interval '30 minutes' then t.raised_at + interval '30 minutes' end,
             case when s.until > t.raised_at + interval '60 minutes' then t.raised_at + interval '60 minutes' end,
             k.ack, case when k.ack is not null then o.ordering_user_id end, case when k.ack is not null then o.ordering_username end,
             case when k.ack is not null then '已电话通知患者立即复诊' end
        from bench_tl t join diagnostic_order o on o.community_id = $1 and o.id = t.id join bench_item i on i.code = t.item_code
        cross join lateral (select case when ${U('t.n', 50)} < 0.02 then null
               else t.raised_at + (case when ${U('t.n', 51)} < 0.85 then 3 + floor(${U('t.n', 52)} * 27) else 31 + floor(${U('t.n', 52)} * 90) end) * interval '1 minute' end as at) a
        cross join lateral (select case when a.at <= $2 then a.at end as ack) k
        cross join lateral (select coalesce(k.ack, $2::timestamptz) as until) s
       where t.raised_at is not null`, [communityId, now]);

    const repeated = await run('recognition_event (repeated)', `insert into recognition_event (community_id, id, resident_id, item_code, recognised_order_id, organization_id, user_id, outcome, new_order_id, price_fen, at)
      select $1, ${UUID(`$1::uuid::text || ':recognition:' || t.n`)}, t.resident_id, t.item_code, t.recognised_order_id, t.org, u.user_id, 'repeated', t.id, t.price_fen, t.ordered_at
        from bench_tl t join bench_unit u on u.id = t.org where t.recognised_order_id is not null`, [communityId]);
    const used = await run('recognition_event (used)', `insert into recognition_event (community_id, id, resident_id, item_code, recognised_order_id, organization_id, user_id, outcome, new_order_id, price_fen, at)
      select $1, ${UUID(`$1::uuid::text || ':used:' || t.n`)}, t.resident_id, t.item_code, t.id, x.org, u.user_id, 'used', null, t.price_fen, x.at
        from bench_tl t join bench_res r on r.id = t.resident_id
        cross join lateral (select case when t.org = $3::uuid then r.organization_id else $3::uuid end as org,
               t.reported_at + (1 + floor(${U('t.n', 61)} * (t.validity_days * 24 - 1))) * interval '1 hour' as at) x
        join bench_unit u on u.id = x.org
       where t.reported_at is not null and t.validity_days > 0 and t.recognised_order_id is null and ${U('t.n', 60)} < 0.03 and x.at <= $2`, [communityId, now, leadId]);
    return { orders, events, observations, reports, criticals, repeated, used };
  });
}

/** The app's database handle that can record the statements it sends (for EXPLAIN of exactly those). */
