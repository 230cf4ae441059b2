import { createRng } from '@yigong/synth';
import { defaultReservationShare } from '@yigong/domain';
import type { AvailabilityRuleInput } from '@yigong/contracts';
import type { Sql } from '../platform/db/database.ts';
import { DEFAULT_RELEASE_HOURS, bulkInsertResource, bulkInsertRule, bulkUpsertPolicy, generateSlotsFor } from '../modules/scheduling/index.ts';
import { SEED_CATALOGUE, bulkUpsertCatalogueEntry } from '../modules/referral/index.ts';

const WORKDAYS = [1, 2, 3, 4, 5];

interface ResourceSpec {
  type: 'clinic' | 'bed' | 'exam';
  name: string;
  department: string | null;
  rules: Omit<AvailabilityRuleInput, 'validFrom' | 'validTo'>[];
}

/** The lead hospital's expert sessions, wards and devices (the demo contract: cardiology, capacity 10 a working day). */
const LEAD_RESOURCES: ResourceSpec[] = [
  { type: 'clinic', name: '心血管内科专家门诊（上午）', department: 'cardiology', rules: [{ weekdays: WORKDAYS, startTime: '08:00', endTime: '11:30', capacity: 10 }] },
  { type: 'clinic', name: '心血管内科专家门诊（下午）', department: 'cardiology', rules: [{ weekdays: [1, 3, 5], startTime: '14:00', endTime: '17:00', capacity: 10 }] },
  { type: 'clinic', name: '内分泌科专家门诊', department: 'endocrinology', rules: [{ weekdays: [2, 4], startTime: '08:00', endTime: '11:30', capacity: 12 }] },
  { type: 'clinic', name: '神经内科专家门诊', department: 'neurology', rules: [{ weekdays: WORKDAYS, startTime: '08:00', endTime: '11:30', capacity: 8 }] },
  { type: 'bed', name: '心血管内科病房入院床位', department: 'cardiology', rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '08:00', endTime: '18:00', capacity: 5 }] },
  { type: 'bed', name: '神经内科病房入院床位', department: 'neurology', rules: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '08:00', endTime: '18:00', capacity: 4 }] },
  { type: 'exam', name: 'CT（64排）', department: 'imaging', rules: [{ weekdays: WORKDAYS, startTime: '08:00', endTime: '12:00', capacity: 20 }, { weekdays: WORKDAYS, startTime: '13:30', endTime: '17:00', capacity: 20 }] },
  { type: 'exam', name: '心脏彩超', department: 'imaging', rules: [{ weekdays: WORKDAYS, startTime: '08:00', endTime: '11:30', capacity: 15 }] },
];
const COLLABORATING_RESOURCES: ResourceSpec[] = [
  { type: 'clinic', name: '心血管内科知名专家门诊', department: null, rules: [{ weekdays: [2, 4], startTime: '08:00', endTime: '11:30', capacity: 10 }] },
];

/**
 * Scheduling and referral reference data of a demo community: reservation policies with the
 * policy-text-000 defaults, resources with weekly rules, slots for the horizon, and the seed
 * referral disease catalogue.
 */
export async function seedScheduling(sql: Sql, communityId: string, today: string): Promise<void> {
  // Ids from a stream seeded by the community: the same seed gives the same rows on every store (issue #11).
  const ids = createRng(1, 'scheduling', communityId);
  const orgs = (await sql.query<{ id: string; kind: string }>(`select id, kind from organization where community_id = $1 and kind in ('lead_hospital', 'collaborating_hospital') order by id`, [communityId])).rows;
  for (const org of orgs) {
    for (const type of ['clinic', 'bed', 'exam'] as const) {
      await bulkUpsertPolicy(sql, { communityId, organizationId: org.id, resourceType: type, sharePct: defaultReservationShare(org.kind), releaseHoursBefore: DEFAULT_RELEASE_HOURS });
    }
    for (const spec of org.kind === 'lead_hospital' ? LEAD_RESOURCES : COLLABORATING_RESOURCES) {
      const dept = spec.department
        ? (await sql.query<{ id: string }>('select id from department where community_id = $1 and organization_id = $2 and code = $3', [communityId, org.id, spec.department])).rows[0]?.id ?? null
        : null;
      const id = ids.uuid();
      await bulkInsertResource(sql, id, { communityId, organizationId: org.id, departmentId: dept, type: spec.type, name: spec.name });
      for (const rule of spec.rules) await bulkInsertRule(sql, communityId, ids.uuid(), id, { ...rule, validFrom: today, validTo: null });
      await generateSlotsFor(sql, communityId, id, today);
    }
  }
  for (const e of SEED_CATALOGUE) await bulkUpsertCatalogueEntry(sql, communityId, ids.uuid(), e);
}
