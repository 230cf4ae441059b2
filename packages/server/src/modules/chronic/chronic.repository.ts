import type { Classification, FollowUpWay, NextStep, SymptomCode } from '@yigong/domain';
import type { CallOutcome } from '@yigong/contracts';
import type { Sql } from '../../platform/db/database.ts';

export interface EnrollmentRow {
  community_id: string;
  id: string;
  resident_id: string;
  resident_name: string;
  birth_date: string;
  disease: 'hypertension' | 'diabetes';
  enrolled_on: string;
  organization_id: string;
  organization_name: string;
  doctor_id: string | null;
  ended_on: string | null;
  end_reason: string | null;
  next_due_date: string | null;
  last_classification: Classification | null;
  phone: string | null;
}

const SELECT = `
  select e.community_id, e.id, e.resident_id, r.name as resident_name, r.birth_date::text as birth_date, e.disease, e.enrolled_on::text as enrolled_on,
         e.organization_id, o.name as organization_name, e.doctor_id, e.ended_on::text as ended_on, e.end_reason, e.next_due_date::text as next_due_date,
         e.last_classification, r.phone
    from chronic_enrollment e
    join resident r on r.community_id = e.community_id and r.id = e.resident_id
    join organization o on o.community_id = e.community_id and o.id = e.organization_id`;

export async function findEnrollment(sql: Sql, communityId: string, id: string): Promise<EnrollmentRow | null> {
  return (await sql.query<EnrollmentRow>(`${SELECT} where e.community_id = $1 and e.id = $2`, [communityId, id])).rows[0] ?? null;
}

/** Which community an enrolment belongs to, for callers whose scope spans several (region scope). No lock. */
export async function enrollmentCommunity(sql: Sql, id: string): Promise<string | null> {
  return (await sql.query<{ community_id: string }>('select community_id from chronic_enrollment where id = $1', [id])).rows[0]?.community_id ?? null;
}

export async function openEnrollment(sql: Sql, communityId: string, residentId: string, disease: string): Promise<EnrollmentRow | null> {
  return (await sql.query<EnrollmentRow>(`${SELECT} where e.community_id = $1 and e.resident_id = $2 and e.disease = $3 and e.ended_on is null`, [communityId, residentId, disease])).rows[0] ?? null;
}

export async function enrollmentsOfResident(sql: Sql, communityId: string, residentId: string): Promise<EnrollmentRow[]> {
  return (await sql.query<EnrollmentRow>(`${SELECT} where e.community_id = $1 and e.resident_id = $2 order by e.enrolled_on`, [communityId, residentId])).rows;
}

export async function insertEnrollment(sql: Sql, e: { communityId: string; id: string; residentId: string; disease: string; enrolledOn: string; organizationId: string; doctorId: string | null; riskLevel: string | null }): Promise<void> {
  await sql.query(
    `insert into chronic_enrollment (community_id, id, resident_id, disease, enrolled_on, organization_id, doctor_id, risk_level, next_due_date)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$5)`,
    [e.communityId, e.id, e.residentId, e.disease, e.enrolledOn, e.organizationId, e.doctorId, e.riskLevel],
  );
}

export async function endEnrollment(sql: Sql, communityId: string, id: string, endedOn: string, reason: string): Promise<void> {
  await sql.query('update chronic_enrollment set ended_on = $3, end_reason = $4 where community_id = $1 and id = $2 and ended_on is null', [communityId, id, endedOn, reason]);
}

export async function lastFollowUp(sql: Sql, communityId: string, enrollmentId: string): Promise<{ date: string; classification: string } | null> {
  return (await sql.query<{ date: string; classification: string }>(
    `select date::text, classification from chronic_follow_up where community_id = $1 and enrollment_id = $2 order by date desc, created_at desc limit 1`,
    [communityId, enrollmentId])).rows[0] ?? null;
}

export interface FollowUpRow {
  id: string;
  enrollmentId: string;
  date: string;
  way: FollowUpWay;
  sbp: number | null;
  dbp: number | null;
  fastingGlucose: number | null;
  heartRate: number | null;
  classification: Classification;
  controlled: boolean;
  nextStep: NextStep;
  nextDueDate: string;
  urgentReasons: string[];
  symptoms: SymptomCode[];
}

/** The follow-ups of these enrolments, newest first, in one statement. */
export async function followUpsOf(sql: Sql, communityId: string, enrollmentIds: readonly string[]): Promise<FollowUpRow[]> {
  if (!enrollmentIds.length) return [];
  return (await sql.query<FollowUpRow>(
    `select id, enrollment_id as "enrollmentId", date::text as date, way, sbp, dbp, fasting_glucose::float8 as "fastingGlucose", heart_rate as "heartRate",
            classification, controlled, next_step as "nextStep", next_due_date::text as "nextDueDate", urgent_reasons as "urgentReasons", symptoms
       from chronic_follow_up where community_id = $1 and enrollment_id = any($2::uuid[]) order by date desc, created_at desc`, [communityId, enrollmentIds])).rows;
}

export async function insertFollowUp(sql: Sql, f: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(f);
  await sql.query(`insert into chronic_follow_up (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(f));
}

export async function setNextDue(sql: Sql, communityId: string, id: string, nextDueDate: string, classification: string): Promise<void> {
  await sql.query('update chronic_enrollment set next_due_date = $3, last_classification = $4 where community_id = $1 and id = $2', [communityId, id, nextDueDate, classification]);
}

/** Open enrolments whose next follow-up date has passed, most overdue first, within units. */
export async function overdue(sql: Sql, communityId: string, organizationIds: readonly string[] | null, today: string, limit: number) {
  return (await sql.query<EnrollmentRow & { days_overdue: number; last_call_outcome: CallOutcome | null; last_called_on: string | null }>(
    `${SELECT.replace('select e.community_id', `select ($3::date - e.next_due_date) as days_overdue,
        (select c.outcome from chronic_call c where c.community_id = e.community_id and c.enrollment_id = e.id order by c.called_on desc, c.created_at desc limit 1) as last_call_outcome,
        (select c.called_on::text from chronic_call c where c.community_id = e.community_id and c.enrollment_id = e.id order by c.called_on desc, c.created_at desc limit 1) as last_called_on,
        e.community_id`)}
      where e.community_id = $1 and ($2::uuid[] is null or e.organization_id = any($2)) and e.ended_on is null and e.next_due_date < $3
      order by e.next_due_date, r.name limit $4`,
    [communityId, organizationIds, today, limit])).rows;
}

/** Open enrolments due between two dates (today's work list). */
export async function due(sql: Sql, communityId: string, organizationIds: readonly string[] | null, from: string, to: string, limit: number): Promise<EnrollmentRow[]> {
  return (await sql.query<EnrollmentRow>(
    `${SELECT} where e.community_id = $1 and ($2::uuid[] is null or e.organization_id = any($2)) and e.ended_on is null and e.next_due_date between $3 and $4
      order by e.next_due_date, r.name limit $5`, [communityId, organizationIds, from, to, limit])).rows;
}

export async function insertCall(sql: Sql, c: { communityId: string; id: string; enrollmentId: string; calledOn: string; outcome: string; note: string | null; recordedBy: string }): Promise<void> {
  await sql.query(`insert into chronic_call (community_id, id, enrollment_id, called_on, outcome, note, recorded_by) values ($1,$2,$3,$4,$5,$6,$7)`,
    [c.communityId, c.id, c.enrollmentId, c.calledOn, c.outcome, c.note, c.recordedBy]);
}

export async function insertLongPrescription(sql: Sql, p: { communityId: string; id: string; enrollmentId: string; residentId: string; organizationId: string; weeks: number; medicines: unknown; issuedOn: string; issuedBy: string }): Promise<void> {
  await sql.query(
    `insert into long_prescription (community_id, id, enrollment_id, resident_id, organization_id, weeks, medicines, issued_on, issued_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9) on conflict do nothing`,
    [p.communityId, p.id, p.enrollmentId, p.residentId, p.organizationId, p.weeks, JSON.stringify(p.medicines), p.issuedOn, p.issuedBy],
  );
}
