import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';

describe('audit log', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('is append-only in the database itself', async () => {
    await p.call('GET', '/api/v1/residents?limit=1', await p.login('vdoc'));
    const r = (await p.call('GET', '/api/v1/residents?limit=1', await p.login('vdoc'))).body.items[0];
    await p.call('GET', `/api/v1/residents/${r.id}`, await p.login('vdoc'));
    await expect(p.ctx.db.query('update audit_log set action = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(p.ctx.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('filters by actor, action and time, and pages with a cursor', async () => {
    const admin = await p.login('admin');
    const vdoc = await p.login('vdoc');
    const me = (await p.call('GET', '/api/v1/auth/me', vdoc)).body;
    const list = (await p.call('GET', '/api/v1/residents?limit=3', vdoc)).body.items as { id: string }[];
    for (const r of list) await p.call('GET', `/api/v1/residents/${r.id}`, vdoc);
    const page1 = await p.call('GET', `/api/v1/audit?actorId=${me.id}&action=resident.read&limit=2`, admin);
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.nextCursor).toBeTruthy();
    const page2 = await p.call('GET', `/api/v1/audit?actorId=${me.id}&action=resident.read&limit=2&cursor=${page1.body.nextCursor}`, admin);
    expect(page2.body.items.length).toBeGreaterThan(0);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[1].id);
    const future = await p.call('GET', `/api/v1/audit?actorId=${me.id}&from=2099-01-01`, admin);
    expect(future.body.items).toEqual([]);
  });

  it('is readable by admin and managers only', async () => {
    expect((await p.call('GET', '/api/v1/audit', await p.login('doctor.town'))).status).toBe(403);
    expect((await p.call('GET', '/api/v1/audit', await p.login('regulator'))).status).toBe(403);
    expect((await p.call('GET', '/api/v1/audit', await p.login('manager'))).status).toBe(200);
  });
});
