import { describe, expect, it } from 'vitest';
import { openPglite } from '../platform/db/pglite-database.ts';
import { startPlatform } from './start.ts';
import { loadConfig } from '../platform/config.ts';
import { createAccount } from '../modules/auth/index.ts';

const KEYS = `${Buffer.alloc(32, 3).toString('base64')}:${Buffer.alloc(32, 4).toString('base64')}`;

describe('production mode', () => {
  it('seeds no demo data and no demo accounts; the first admin comes from admin:create', async () => {
    const config = loadConfig({ YIGONG_MODE: 'production', YIGONG_KEYS: KEYS, YIGONG_LOG_LEVEL: 'silent' });
    const platform = await startPlatform(config, { db: await openPglite() });
    try {
      const counts = await platform.ctx.db.query<{ users: number; communities: number }>('select (select count(*)::int from app_user) as users, (select count(*)::int from community) as communities');
      expect(counts.rows[0]).toEqual({ users: 0, communities: 0 });
      const demo = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'Demo@2026' } });
      expect(demo.statusCode).toBe(401);
      await createAccount(platform.ctx, null, { username: 'it.admin', password: 'Xk9!long-enough', displayName: '信息中心', role: 'admin', scopeKind: 'region', regionCode: '330521' });
      const login = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'it.admin', password: 'Xk9!long-enough' } });
      expect(login.statusCode).toBe(200);
      expect(JSON.parse(login.body).user).toMatchObject({ role: 'admin', scope: { kind: 'region', regionCode: '330521' } });
      // The API description only to a signed-in account; no public interactive docs.
      expect((await platform.app.inject({ url: '/api/docs' })).statusCode).toBe(404);
      expect((await platform.app.inject({ url: '/api/v1/openapi.json' })).statusCode).toBe(401);
      const doc = await platform.app.inject({ url: '/api/v1/openapi.json', headers: { authorization: `Bearer ${JSON.parse(login.body).token}` } });
      expect(doc.statusCode).toBe(200);
      expect(Object.keys(JSON.parse(doc.body).paths)).toContain('/api/v1/residents');
    } finally {
      await platform.close();
    }
  });

  it('refuses one key for both encryption and hashing', async () => {
    const same = Buffer.alloc(32, 3).toString('base64');
    const config = loadConfig({ YIGONG_MODE: 'production', YIGONG_KEYS: `${same}:${same}`, YIGONG_LOG_LEVEL: 'silent' });
    await expect(startPlatform(config, { db: await openPglite() })).rejects.toThrow(/must differ/);
  });

  it('refuses to start without configured keys', () => {
    expect(() => loadConfig({ YIGONG_MODE: 'production' })).toThrow(/YIGONG_KEYS or YIGONG_KEY_FILE/);
  });

  it('names the bad variable in a configuration error', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/port/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
  });
});
