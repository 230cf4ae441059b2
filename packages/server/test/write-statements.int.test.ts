import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { countingDatabase } from '../src/platform/db/counting-database.ts';

/**
 * Few round trips per write (issue #11 item 2): a referral submit and its accept each send at most
 * 6 statements — sessions come from the process cache, sender and receiver in one lookup, ICD-10
 * names and the catalogue from this process's caches, the pickup code from the unique index, the
 * view built from the writing transaction's own statements (the history with the event's insert).
 */
describe('statements per referral write', () => {
  let p: TestPlatform;
  let counter: ReturnType<typeof countingDatabase>;
  beforeAll(async () => {
    p = await openTestPlatform({ wrapDb: (db) => (counter = countingDatabase(db)).db });
  });
  afterAll(() => p?.close());

  it('submits and accepts a referral in at most 6 statements each', async () => {
    const vdoc = await p.login('vdoc');
    const lead = await p.login('doctor.lead');
    await p.call('GET', '/api/v1/auth/me', lead);
    const communityId = (await p.call('GET', '/api/v1/auth/me', vdoc)).body.scope.communityId as string;
    const leadId = (await p.call('GET', `/api/v1/organizations?communityId=${communityId}&kind=lead_hospital`, vdoc)).body.items[0].id as string;
    const residents = (await p.call('GET', '/api/v1/residents?limit=3', vdoc)).body.items as { id: string }[];
    const counts: string[] = [];
    const read = async (id: string, token: string) => (await p.call('GET', `/api/v1/referrals/${id}`, token)).body;
    for (const r of residents) {
      counter.reset();
      const sent = await p.call('POST', '/api/v1/referrals', vdoc, { residentId: r.id, direction: 'up', toOrganizationId: leadId, priority: 'routine', reason: '血压控制不满意', diagnoses: [{ code: 'I10', primary: true }, { code: 'E11.9' }] });
      const submit = counter.statements();
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ status: 'submitted', pickupCode: expect.stringMatching(/^[A-Z2-9]{8}$/), diagnoses: [{ code: 'I10', name: expect.any(String) }, { code: 'E11.9', name: expect.any(String) }] });
      // The views come from the writing transactions: they equal what a read returns afterwards.
      expect(sent.body).toEqual(await read(sent.body.id, vdoc));
      counter.reset();
      const accepted = await p.call('POST', `/api/v1/referrals/${sent.body.id}/accept`, lead, {});
      const accept = counter.statements();
      expect(accepted.body).toMatchObject({ status: 'accepted', history: [{ action: 'submit' }, { action: 'accept' }] });
      expect(accepted.body).toEqual(await read(sent.body.id, lead));
      counts.push(`${submit}+${accept}`);
      // The first submit of the process reads the catalogue and the ICD-10 names once (into the caches).
      if (counts.length > 1) expect({ submit: submit <= 6, accept: accept <= 6 }).toEqual({ submit: true, accept: true });
    }
    console.log(`referral statements (submit+accept): ${counts.join(', ')}`);
  });
});
