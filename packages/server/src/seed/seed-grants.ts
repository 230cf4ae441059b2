import { createRng } from '@yigong/synth';
import type { AppContext } from '../platform/context.ts';
import type { Sql } from '../platform/db/database.ts';

const HOUR = 3_600_000;

interface DemoGrant {
  grantee: string;
  /** Whose residents: outside the grantee's unit, inside the same community (break-the-glass) or from another community (approval). */
  pick: 'lead' | 'town';
  reason: string;
  hoursAgo: number;
  hours: number;
  status: 'pending' | 'active' | 'rejected' | 'revoked';
  breakGlass: boolean;
  /** Audited reads under the grant: resident.read, chronic.read, contract.read in turn. */
  reads: number;
  review?: { outcome: 'reviewed' | 'questioned'; note: string; hoursAgo: number };
}

/**
 * Demo access grants so 授权调阅 and 紧急调阅复核 open on real work: break-the-glass reads in every
 * review state (pending, reviewed, questioned) with the reads audited under each the way
 * read-audit.ts writes them, and cross-community requests waiting, approved and refused.
 */
const GRANTS: DemoGrant[] = [
  { grantee: 'doctor.lead', pick: 'lead', reason: '急诊抢救，患者意识不清，需查阅既往病史及过敏史', hoursAgo: 3, hours: 24, status: 'active', breakGlass: true, reads: 4 },
  { grantee: 'doctor.lead', pick: 'lead', reason: '夜间急诊胸痛，调阅既往心电图结果与用药记录', hoursAgo: 30, hours: 12, status: 'active', breakGlass: true, reads: 3 },
  { grantee: 'doctor.town', pick: 'town', reason: '外出务工返乡患者在本院就诊，核对慢病用药', hoursAgo: 52, hours: 24, status: 'active', breakGlass: true, reads: 2,
    review: { outcome: 'reviewed', note: '就诊记录与调阅时间相符', hoursAgo: 40 } },
  { grantee: 'doctor.lead', pick: 'lead', reason: '上转患者未随带资料，术前核对既往史', hoursAgo: 120, hours: 24, status: 'active', breakGlass: true, reads: 5,
    review: { outcome: 'reviewed', note: '', hoursAgo: 100 } },
  { grantee: 'doctor.town', pick: 'town', reason: '家属来电询问病情', hoursAgo: 170, hours: 24, status: 'revoked', breakGlass: true, reads: 6,
    review: { outcome: 'questioned', note: '无就诊记录，电话问询不属紧急调阅情形，已约谈并提醒', hoursAgo: 150 } },
  { grantee: 'vdoc2', pick: 'lead', reason: '居民在安吉县务工期间就诊，需了解高血压用药史', hoursAgo: 5, hours: 48, status: 'pending', breakGlass: false, reads: 0 },
  { grantee: 'vdoc2', pick: 'town', reason: '随访对象户籍迁入前的健康档案核对', hoursAgo: 26, hours: 72, status: 'pending', breakGlass: false, reads: 0 },
  { grantee: 'vdoc2', pick: 'lead', reason: '居民转诊至安吉县，接诊前查阅既往检查', hoursAgo: 80, hours: 72, status: 'active', breakGlass: false, reads: 2 },
  { grantee: 'vdoc2', pick: 'town', reason: '了解情况', hoursAgo: 96, hours: 24, status: 'rejected', breakGlass: false, reads: 0 },
];

const READS = [
  { action: 'resident.read', resourceType: 'resident' },
  { action: 'chronic.read', resourceType: 'chronic_enrollment' },
  { action: 'contract.read', resourceType: 'resident' },
];

async function account(sql: Sql, username: string) {
  const { rows } = await sql.query<{ id: string; role: string; organization_id: string | null }>(`select id, role, organization_id from app_user where username = $1`, [username]);
  if (!rows[0]) throw new Error(`demo account ${username} missing`);
  return rows[0];
}

/** Residents outside the given unit and its clinics, deterministic on both stores. */
async function residentsOutside(sql: Sql, communityId: string, organizationId: string, n: number): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `select r.id from resident r join organization o on o.community_id = r.community_id and o.id = r.organization_id
      where r.community_id = $1 and r.status = 'active' and o.id <> $2 and o.parent_id is distinct from $2
      order by md5(r.id::text) limit $3`,
    [communityId, organizationId, n],
  );
  return rows.map((r) => r.id);
}

export async function seedGrants(ctx: AppContext, communityId: string, anchors: { leadHospital: string; township: string }): Promise<number> {
  const now = ctx.clock.now().getTime();
  const ids = createRng(1, 'grants', communityId);
  const manager = await account(ctx.db, 'manager');
  const pools = {
    lead: await residentsOutside(ctx.db, communityId, anchors.leadHospital, 20),
    town: await residentsOutside(ctx.db, communityId, anchors.township, 40),
  };
  await ctx.db.transaction(async (tx) => {
    for (const [i, g] of GRANTS.entries()) {
      const grantee = await account(tx, g.grantee);
      const residentId = pools[g.pick][(i * 3) % pools[g.pick].length]!;
      const requestedAt = new Date(now - g.hoursAgo * HOUR);
      const decided = g.status === 'pending' ? null : g.breakGlass ? null : new Date(requestedAt.getTime() + 2 * HOUR);
      const grantId = ids.uuid();
      await tx.query(
        `insert into access_grant (community_id, id, resident_id, grantee_id, grantee_username, reason, status, requested_at, expires_at, break_glass,
                                   decided_by, decided_at, review_outcome, review_note, reviewed_by, reviewed_by_username, reviewed_at)
         values ($1, $17, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [communityId, residentId, grantee.id, g.grantee, g.reason, g.status, requestedAt, new Date(requestedAt.getTime() + g.hours * HOUR), g.breakGlass,
          decided ? manager.id : null, decided, g.review?.outcome ?? null, g.review?.note || null, g.review ? manager.id : null, g.review ? 'manager' : null,
          g.review ? new Date(now - g.review.hoursAgo * HOUR) : null, grantId],
      );
      const audit = (at: Date, actor: { id: string; role: string; organization_id: string | null }, username: string, action: string, resourceType: string, purpose: string | null, details: object) =>
        tx.query(
          `insert into audit_log (community_id, at, actor_id, username, role, organization_id, action, resource_type, resource_id, resident_id, purpose, details)
           values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
          [communityId, at, actor.id, username, actor.role, actor.organization_id, action, resourceType, action.startsWith('grant.') ? grantId : residentId, residentId, purpose, JSON.stringify(details)],
        );
      await audit(requestedAt, grantee, g.grantee, g.breakGlass ? 'grant.break_glass' : 'grant.request', 'access_grant', g.reason, { hours: g.hours });
      if (decided) await audit(decided, manager, 'manager', g.status === 'rejected' ? 'grant.reject' : 'grant.approve', 'access_grant', null, {});
      for (let k = 0; k < g.reads; k++) {
        const read = READS[k % READS.length]!;
        const at = new Date((decided ?? requestedAt).getTime() + (k + 1) * 7 * 60_000);
        await audit(at, grantee, g.grantee, `${read.action}_granted`, read.resourceType, 'access_grant', { access: 'grant', grantId, breakGlass: g.breakGlass });
      }
      if (g.review) await audit(new Date(now - g.review.hoursAgo * HOUR), manager, 'manager', `grant.review_${g.review.outcome}`, 'access_grant', null, { note: g.review.note });
    }
  });
  return GRANTS.length;
}
