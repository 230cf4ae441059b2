import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPlatform, type TestPlatform } from './test-platform.ts';
import { validIdNumber } from './factories/residents.ts';

/** Issue #10 "Edges": headers, rate limits, forged client addresses, enumeration, log contents. */
describe('hardened edges', () => {
  const log: string[] = [];
  let p: TestPlatform;
  beforeAll(async () => {
    p = await openTestPlatform({ configOverrides: { rateLimitPerMinute: 40, logLevel: 'info' }, logStream: { write: (line) => void log.push(line) } });
  });
  afterAll(async () => p.close());

  it('sends no-sniff, no-frame and CSP headers, and no-store on API answers', async () => {
    const token = await p.login('vdoc');
    const r = await p.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('limits requests per account with a clear 429, leaving other accounts alone', async () => {
    const token = await p.login('pharmacist');
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await p.call('GET', '/api/v1/auth/me', token)).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(40);
    const limited = await p.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(limited.statusCode).toBe(429);
    expect(JSON.parse(limited.body).error).toMatchObject({ code: 'RATE_LIMITED', details: { by: 'account' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await p.call('GET', '/api/v1/auth/me', await p.login('manager'))).status).toBe(200);
  });

  it('does not count the web app\'s files against the address (a township behind one NAT address)', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) statuses.add((await p.app.inject({ url: '/', remoteAddress: '10.7.7.7' })).statusCode);
    expect(statuses.has(429)).toBe(false);
    const api = await p.app.inject({ url: '/api/v1/health', remoteAddress: '10.7.7.7' });
    expect(api.statusCode).not.toBe(429);
  });

  it('believes no X-Forwarded-For without configured proxies: rotating it does not dodge the login throttle or enter the audit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const r = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.8.7', headers: { 'x-forwarded-for': `203.0.113.${i}` }, payload: { username: `spray${i}`, password: 'x' } });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const ips = (await p.ctx.db.query<{ ip: string }>(`select details->>'ip' as ip from platform_audit_log where action = 'auth.login_failed' and username like 'spray%'`)).rows.map((r) => r.ip);
    expect(new Set(ips)).toEqual(new Set(['10.9.8.7']));
  });

  it('locks an unknown username exactly like a real one', async () => {
    const attempt = async (username: string) => p.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.1.1.${username.length}`, payload: { username, password: 'wrong' } });
    const answers: Record<string, { status: number; code: string }[]> = {};
    for (const username of ['regulator', 'no.such.user']) {
      answers[username] = [];
      for (let i = 0; i < 6; i++) {
        const r = await attempt(username);
        answers[username]!.push({ status: r.statusCode, code: JSON.parse(r.body).error.code });
      }
    }
    expect(answers['no.such.user']).toEqual(answers.regulator);
    expect(answers.regulator!.at(-1)).toEqual({ status: 429, code: 'ACCOUNT_LOCKED' });
  });

  it('logs the route pattern and no query value: no ID number, name or phone in any line', async () => {
    const idNumber = validIdNumber('19800808');
    const token = await p.login('doctor.lead');
    await p.call('GET', `/api/v1/residents?q=${idNumber}`, token);
    await p.call('GET', `/api/v1/residents?q=${encodeURIComponent('王秀英')}`, token);
    await p.call('GET', '/api/v1/residents?q=13905720001', token);
    const text = log.join('');
    expect(text).toContain('"route":"/api/v1/residents"');
    expect(text).toContain('q=…');
    for (const secret of [idNumber, '王秀英', encodeURIComponent('王秀英'), '13905720001']) expect(text).not.toContain(secret);
  });
});
