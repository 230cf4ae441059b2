import { DomainError, idNumberCheckChar, type Actor } from '@yigong/domain';
import type { AppContext } from '../platform/context.ts';
import { createRng } from '@yigong/synth';
import { createResident } from '../modules/residents/index.ts';

/**
 * Two demo duplicate candidates (same name, birth date and sex under a mistyped ID number),
 * created through the real service so the admin's 疑似重复档案 queue has work in it.
 */
export async function seedDuplicateCandidates(ctx: AppContext, communityId: string, organizationId: string): Promise<void> {
  const { rows } = await ctx.db.query<{ name: string; birth_date: string; sex: string; id_region: string }>(
    `select name, birth_date::text, sex, id_region from resident where community_id = $1 and organization_id = $2 and birth_date < '1960-01-01' order by name, id limit 2`,
    [communityId, organizationId],
  );
  const clerk: Actor = { userId: '00000000-0000-4000-8000-000000000000', username: 'demo-seed', role: 'manager', organizationId: null, scope: { kind: 'community', communityId }, organizationIds: [] };
  // Ids from a seeded stream: a random id would land anywhere in `order by id` and shift every later seeded row (issue #11).
  const ids = createRng(1, 'duplicates', communityId);
  for (const r of rows) {
    const id = ids.uuid();
    // Sequence 98x: the last digit's parity carries the sex (GB 11643: odd male, even female).
    const first17 = `${r.id_region}${r.birth_date.replace(/-/g, '')}98${r.sex === 'male' ? '9' : '8'}`;
    try {
      await createResident(ctx, clerk, { id, idNumber: first17 + idNumberCheckChar(first17), name: r.name, communityId, organizationId, address: '（补录档案）' });
    } catch (e) {
      // A synthetic resident already holds that number: skip this demo pair, keep the rest.
      if (!(e instanceof DomainError && e.code === 'RESIDENT_EXISTS')) throw e;
    }
  }
}
