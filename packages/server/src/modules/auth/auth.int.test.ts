import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenHash } from '../../platform/auth/authenticate.ts';
import { openTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { validIdNumber } from '../../../test/factories/residents.ts';

describe('authentication and sessions', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform();
  });
  afterAll(async () => p.close());

  it('logs in with the contract shape and stores only a hash of the token', async () => {
    const r = await p.call('POST', '/api/v1/auth/login', null, { username: 'doctor.town', password: 'Demo@2026' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token: expect.any(String), user: { id: expect.any(String), username: 'doctor.town', role: 'clinician', scope: { kind: 'organization' } } });
    expect(r.body.user.scope.label).toMatch(/卫生院|服务中心/);
    const stored = await p.ctx.db.query('select 1 from session where token_hash = $1', [r.body.token]);
    expect(stored.rowCount).toBe(0);
    const pw = (await p.ctx.db.query<{ password_hash: string }>(`select password_hash from app_user where username = 'doctor.town'`)).rows[0]!;
    expect(pw.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives an unknown user and a wrong password the same 401', async () => {
    const a = await p.call('POST', '/api/v1/auth/login', null, { username: 'nobody', password: 'Demo@2026' });
    const b = await p.call('POST', '/api/v1/auth/login', null, { username: 'pharmacist', password: 'wrong' });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body.error.message).toBe(b.body.error.message);
  });

  it('locks an account after repeated failures and lets an admin unlock it', async () => {
    for (let i = 0; i < 5; i++) expect((await p.call('POST', '/api/v1/auth/login', null, { username: 'insurer', password: 'bad' })).status).toBe(401);
    const locked = await p.call('POST', '/api/v1/auth/login', null, { username: 'insurer', password: 'Demo@2026' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('ACCOUNT_LOCKED');
    const admin = await p.login('admin');
    const accounts = (await p.call('GET', '/api/v1/accounts', admin)).body.items as { id: string; username: string }[];
    const insurer = accounts.find((a) => a.username === 'insurer')!;
    expect((await p.call('POST', `/api/v1/accounts/${insurer.id}/unlock`, admin)).status).toBe(200);
    expect((await p.call('POST', '/api/v1/auth/login', null, { username: 'insurer', password: 'Demo@2026' })).status).toBe(200);
  });

  it('ends the lock-out when its time has passed', async () => {
    for (let i = 0; i < 5; i++) await p.call('POST', '/api/v1/auth/login', null, { username: 'pharmacist', password: 'bad' });
    expect((await p.call('POST', '/api/v1/auth/login', null, { username: 'pharmacist', password: 'Demo@2026' })).status).toBe(429);
    p.clock.advance(16 * 60_000);
    expect((await p.call('POST', '/api/v1/auth/login', null, { username: 'pharmacist', password: 'Demo@2026' })).status).toBe(200);
  });

  it('revokes a session on logout and on admin revoke', async () => {
    const t = (await p.call('POST', '/api/v1/auth/login', null, { username: 'vdoc', password: 'Demo@2026' })).body.token;
    expect((await p.call('GET', '/api/v1/auth/me', t)).status).toBe(200);
    expect((await p.call('POST', '/api/v1/auth/logout', t)).status).toBe(200);
    expect((await p.call('GET', '/api/v1/auth/me', t)).status).toBe(401);
    const t2 = (await p.call('POST', '/api/v1/auth/login', null, { username: 'vdoc', password: 'Demo@2026' })).body.token;
    const admin = await p.login('admin');
    const me = (await p.call('GET', '/api/v1/auth/me', t2)).body;
    expect((await p.call('POST', `/api/v1/accounts/${me.id}/revoke-sessions`, admin)).body.revoked).toBeGreaterThan(0);
    expect((await p.call('GET', '/api/v1/auth/me', t2)).status).toBe(401);
  });

  it('resolves sessions from the process cache, yet sees a new clinic in a township account\'s scope at once', async () => {
    const town = (await p.call('POST', '/api/v1/auth/login', null, { username: 'doctor.town', password: 'Demo@2026' })).body.token;
    const me = (await p.call('GET', '/api/v1/auth/me', town)).body;
    const before = (await p.ctx.db.query<{ n: number }>(`select count(*)::int as n from session where token_hash = $1`, [tokenHash(town)])).rows[0]!.n;
    expect(before).toBe(1);
    // Cached: a second request does not need the session row (issue #11); it is still the same account.
    expect((await p.call('GET', '/api/v1/auth/me', town)).body.id).toBe(me.id);
    const manager = await p.login('manager');
    const townshipId = me.scope.organizationId as string;
    const communityId = me.scope.communityId as string;
    const clinic = await p.call('POST', '/api/v1/organizations', manager, { communityId, parentId: townshipId, kind: 'village_clinic', name: '新设村卫生室' });
    expect(clinic.status).toBe(201);
    const r = await p.call('POST', '/api/v1/residents', manager, { idNumber: validIdNumber('19700101'), name: '新村民', communityId, organizationId: clinic.body.id, address: '新村' });
    expect(r.status).toBe(201);
    expect((await p.call('GET', `/api/v1/residents/${r.body.id}`, town)).status).toBe(200);
  });

  it('expires sessions after the configured hours', async () => {
    const t = (await p.call('POST', '/api/v1/auth/login', null, { username: 'manager', password: 'Demo@2026' })).body.token;
    p.clock.advance(13 * 3_600_000);
    expect((await p.call('GET', '/api/v1/auth/me', t)).status).toBe(401);
  });

  it('lets only admins create accounts, with a password policy', async () => {
    const manager = (await p.call('POST', '/api/v1/auth/login', null, { username: 'manager', password: 'Demo@2026' })).body.token;
    const body = { username: 'new.doctor', password: 'Str0ng!Passw0rd', displayName: '新医生', role: 'clinician', scopeKind: 'community', communityId: (await p.call('GET', '/api/v1/auth/me', manager)).body.scope.communityId };
    expect((await p.call('POST', '/api/v1/accounts', manager, body)).status).toBe(403);
    const admin = await p.login('admin');
    expect((await p.call('POST', '/api/v1/accounts', admin, { ...body, password: 'weakpassword' })).status).toBe(400);
    expect((await p.call('POST', '/api/v1/accounts', admin, body)).status).toBe(201);
    expect((await p.call('POST', '/api/v1/accounts', admin, body)).status).toBe(409);
    expect((await p.call('POST', '/api/v1/auth/login', null, { username: 'new.doctor', password: 'Str0ng!Passw0rd' })).status).toBe(200);
  });

  it('stamps session activity at most once a minute, in one batched write off the request path', async () => {
    const token = await p.login('pharmacist');
    const seen = async () => (await p.ctx.db.query<{ t: Date }>('select last_seen_at as t from session where token_hash = $1', [tokenHash(token)])).rows[0]!.t.getTime();
    const first = await seen();
    expect((await p.call('GET', '/api/v1/auth/me', token)).status).toBe(200);
    await p.app.sessionActivity.flush();
    expect(await seen()).toBe(first);
    p.clock.advance(5 * 60_000);
    expect((await p.call('GET', '/api/v1/auth/me', token)).status).toBe(200);
    expect((await p.call('GET', '/api/v1/auth/me', token)).status).toBe(200);
    expect(await seen()).toBe(first);
    await p.app.sessionActivity.flush();
    expect(await seen()).toBe(p.clock.now().getTime());
  });

  it('records logins and failures in the platform audit log', async () => {
    const log = await p.call('GET', '/api/v1/audit?action=auth.login', await p.login('admin'));
    expect(log.body.items.some((e: { action: string; username: string }) => e.action === 'auth.login_failed' && e.username === 'nobody')).toBe(true);
  });
});
