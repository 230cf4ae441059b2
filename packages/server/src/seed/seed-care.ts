import { ageOn, addMonths, classifyFollowUp, deriveKeyPopulationTags, packageFits, type Classification, type FollowUpWay, type PackagePopulation } from '@yigong/domain';
import { createRng } from '@yigong/synth';
import type { Database } from '../platform/db/database.ts';
import { bulkInsertPackage, bulkInsertTeam, bulkListPackages } from '../modules/family-doctor/index.ts';
import { SEED_PACKAGES } from './care-packages.ts';
import { rebuildRateSummaries } from '../modules/rate-summaries/index.ts';

interface ResidentFact {
  id: string;
  organization_id: string;
  birth_date: string;
  codes: string[] | null;
  flags: Record<string, unknown>;
}

function days(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Family-doctor and chronic demo data (issue #4): packages, one team per grassroots unit,
 * contracts for ≈ 45% of residents (most key populations), enrolment of hypertension and
 * type-2 diabetes patients aged ≥ 35, and a year of follow-ups with realistic BP and glucose
 * series — classified by the same domain rules the API uses, so rates are plausible.
 */
export async function seedCare(db: Database, communityId: string, asOf: string, seed: number): Promise<{ contracts: number; enrollments: number; followUps: number }> {
  const rng = createRng(seed, 'care', communityId);
  await db.transaction(async (tx) => {
    const ids = rng.fork('ids');
    for (const p of SEED_PACKAGES) await bulkInsertPackage(tx, communityId, ids.uuid(), p, p.items.map((i) => ({ ...i, id: ids.uuid() })));
    const units = (await tx.query<{ id: string; kind: string }>(`select id, kind from organization where community_id = $1 and kind in ('township_center','community_center','community_station','village_clinic') order by id`, [communityId])).rows;
    // A lead-hospital specialist joins each township team (policy texts 000, 001: GP + specialist teams).
    const specialists = (await tx.query<{ id: string }>(
      `select p.id from practitioner p join organization o on o.community_id = p.community_id and o.id = p.organization_id
        where p.community_id = $1 and o.kind = 'lead_hospital' and p.title in ('attending_physician', 'associate_chief_physician', 'chief_physician') order by p.name, p.id`, [communityId])).rows;
    let nextSpecialist = 0;
    for (const u of units) {
      const staff = (await tx.query<{ id: string; title: string }>(`select id, title from practitioner where community_id = $1 and organization_id = $2 order by title, name, id`, [communityId, u.id])).rows;
      if (!staff.length) continue;
      const lead = staff.find((s) => s.title !== 'nurse' && s.title !== 'public_health') ?? staff[0]!;
      const members = [{ practitionerId: lead.id, role: u.kind === 'village_clinic' ? 'village_doctor' : 'gp_lead' }, ...staff.filter((s) => s.id !== lead.id).slice(0, 3).map((s) => ({ practitionerId: s.id, role: s.title === 'nurse' || s.title === 'senior_nurse' ? 'nurse' : s.title === 'public_health' ? 'public_health' : 'village_doctor' }))];
      const specialist = u.kind !== 'village_clinic' && u.kind !== 'community_station' ? specialists[nextSpecialist++ % Math.max(1, specialists.length)] : undefined;
      if (specialist) members.push({ practitionerId: specialist.id, role: 'specialist' });
      await bulkInsertTeam(tx, communityId, ids.uuid(), u.id, '家庭医生团队', members);
    }
  });
  const packages = await bulkListPackages(db, communityId);
  const teams = new Map((await db.query<{ id: string; organization_id: string }>('select id, organization_id from fd_team where community_id = $1', [communityId])).rows.map((t) => [t.organization_id, t.id]));
  const residents = (await db.query<ResidentFact>(
    `select r.id, r.organization_id, r.birth_date::text, r.flags,
            (select array_agg(p.icd10_code) from resident_problem p where p.community_id = r.community_id and p.resident_id = r.id and p.resolved_date is null) as codes
       from resident r where r.community_id = $1 and r.status = 'active' order by r.id`, [communityId])).rows;
  const contracts: unknown[][] = [];
  const contractPackages: unknown[][] = [];
  const enrollments: unknown[][] = [];
  const followUps: unknown[][] = [];
  const services: unknown[][] = [];
  for (const r of residents) {
    const tags = deriveKeyPopulationTags({ birthDate: r.birth_date, problemCodes: r.codes ?? [], flags: r.flags }, asOf);
    const team = teams.get(r.organization_id);
    if (team && rng.chance(tags.length ? 0.82 : 0.25)) {
      const id = rng.uuid();
      const startsOn = days(asOf, -rng.int(10, 350));
      contracts.push([communityId, id, r.id, team, r.organization_id, startsOn, addMonths(startsOn, 12), 'active']);
      const elapsed = Math.min(1, (Date.parse(asOf) - Date.parse(startsOn)) / (365 * 86_400_000));
      for (const p of packages.filter((p) => packageFits(p.population as PackagePopulation, tags))) {
        contractPackages.push([communityId, id, p.id]);
        // 履约: services delivered so far, roughly in step with the contract year.
        for (const item of p.items) {
          const delivered = Math.min(item.timesPerYear, Math.round(item.timesPerYear * elapsed * (0.55 + rng.next() * 0.6)));
          for (let k = 0; k < delivered; k++) services.push([communityId, rng.uuid(), id, item.id, days(startsOn, Math.floor(((k + 0.5) * (Date.parse(asOf) - Date.parse(startsOn))) / 86_400_000 / Math.max(1, delivered)))]);
        }
      }
    }
    if (ageOn(r.birth_date, asOf) < 35) continue;
    for (const disease of ['hypertension', 'diabetes'] as const) {
      const has = (r.codes ?? []).some((c) => (disease === 'hypertension' ? c >= 'I10' && c < 'I16' : c.startsWith('E11')));
      if (!has || !rng.chance(0.93)) continue;
      const id = rng.uuid();
      const enrolledOn = rng.chance(0.12) ? days(asOf, -rng.int(20, 300)) : days(asOf, -rng.int(366, 2200));
      // A patient's own level and variability: most controlled, a minority persistently high.
      const poor = rng.chance(0.3);
      let previous: Classification | null = null;
      let last: { date: string; classification: Classification; next: string } | null = null;
      // Quarterly visits (docs/domain/chronic.md: ≥ 4 face-to-face a year) in February, May, August and
      // November of last year and of the as-of year, each missed now and then, up to the as-of date.
      const year = Number(asOf.slice(0, 4));
      const planned = [year - 1, year].flatMap((y) => ['02', '05', '08', '11'].map((m) => `${y}-${m}`)).map((m) => `${m}-${String(rng.int(1, 25)).padStart(2, '0')}`);
      for (const date of planned) {
        if (date < enrolledOn || date > asOf || rng.chance(0.07)) continue;
        const way: FollowUpWay = rng.chance(0.06) ? 'phone' : rng.chance(0.25) ? 'home' : 'clinic';
        const sbp = Math.round((poor ? 152 : 128) + rng.int(-14, 16) + (rng.chance(0.03) ? 35 : 0));
        const dbp = Math.round((poor ? 94 : 80) + rng.int(-9, 9));
        const glucose = disease === 'diabetes' ? Math.round(((poor ? 8.4 : 6.3) + rng.int(-15, 15) / 10) * 10) / 10 : null;
        const adverseReaction = rng.chance(0.02);
        const complication = rng.chance(0.01);
        const result = classifyFollowUp({ disease, date, age: ageOn(r.birth_date, date), way, sbp, dbp, fastingGlucose: glucose, symptoms: [], adverseReaction, complication, previous });
        followUps.push([communityId, rng.uuid(), id, r.id, date, way, sbp, dbp, glucose, result.classification, result.controlled, result.nextStep, result.nextDueDate, `{${result.urgentReasons.map((x) => `"${x}"`).join(',')}}`, result.ruleSet, r.organization_id, adverseReaction, complication]);
        previous = result.classification;
        last = { date, classification: result.classification, next: result.nextDueDate };
      }
      enrollments.push([communityId, id, r.id, disease, enrolledOn, r.organization_id, last?.next ?? days(enrolledOn, 14), last?.classification ?? null]);
    }
  }
  await db.copyRows('fd_contract', ['community_id', 'id', 'resident_id', 'team_id', 'organization_id', 'starts_on', 'ends_on', 'status'], contracts);
  await db.copyRows('fd_contract_package', ['community_id', 'contract_id', 'package_id'], contractPackages);
  await db.copyRows('fd_service', ['community_id', 'id', 'contract_id', 'item_id', 'delivered_on'], services);
  await db.copyRows('chronic_enrollment', ['community_id', 'id', 'resident_id', 'disease', 'enrolled_on', 'organization_id', 'next_due_date', 'last_classification'], enrollments);
  await db.copyRows('chronic_follow_up', ['community_id', 'id', 'enrollment_id', 'resident_id', 'date', 'way', 'sbp', 'dbp', 'fasting_glucose', 'classification', 'controlled', 'next_step', 'next_due_date', 'urgent_reasons', 'rule_set', 'organization_id', 'adverse_reaction', 'complication'], followUps);
  // A bulk load bypasses the services, so the rate summaries are derived once from what it wrote.
  await rebuildRateSummaries(db, communityId);
  await db.exec('analyze fd_contract; analyze chronic_enrollment; analyze chronic_follow_up; analyze chronic_rate_point, chronic_rate_delta, fd_signing_point, fd_signing_delta');
  return { contracts: contracts.length, enrollments: enrollments.length, followUps: followUps.length };
}
