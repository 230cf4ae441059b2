import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { countingDatabase } from '../src/platform/db/counting-database.ts';

/**
 * Few round trips per write (issue #11 item 2): a referral submit and its accept each send at most
 * 10 statements — sessions come from the process cache, sender and receiver in one lookup, ICD-10
 * names validated and shown from one query, the pickup code from the unique index.
 */
describe('statements per referral write', () => {
  let p: TestPlatform;
  let counter: ReturnType<typeof countingDatabase>;
  beforeAll(async () => {
    p = await openTestPlatform({ wrapDb: (db) => (counter = countingDatabase(db)).db });
  });
  afterAll(() => p?.close());

  it('submits and accepts a referral in at most 10 statements each', async () => {
    const vdoc = await p.login('vdoc');
    const lead = await p.login('doctor.lead');
    await p.call('GET', '/api/v1/auth/me', lead);
    const communityId = (await p.call('GET', '/api/v1/auth/me', vdoc)).body.scope.communityId as string;
    const leadId = (await p.call('GET', `/api/v1/organizations?communityId=${communityId}&kind=lead_hospital`, vdoc)).body.items[0].id as string;
    const residents = (await p.call('GET', '/api/v1/residents?limit=3', vdoc)).body.items as { id: string }[];
    const counts: string[] = [];
    for (const r of residents) {
      counter.reset();
      const sent = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: r.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }, { code: 'E11.9' }] });
      const submit = counter.statements();
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ status: 'submitted', pickupCode: expect.stringMatching(/^[A-Z2-9]{8}$/), diagnoses: [{ code: 'I10', name: expect.any(String) }, { code: 'E11.9', name: expect.any(String) }] });
      counter.reset();
      const accepted = await p.call('POST', `/api/v1/referrals/${sent.body.id}/accept`, lead, {});
      const accept = counter.statements();
      expect(accepted.body).toMatchObject({ status: 'accepted', history: [{ action: 'submit' }, { action: 'accept' }] });
      counts.push(`${submit}+${accept}`);
      expect({ submit: submit <= 10, accept: accept <= 10 }).toEqual({ submit: true, accept: true });
    }
    console.log(`referral statements (submit+accept): ${counts.join(', ')}`);
  });
});
