import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.ts';
import type { SessionRow } from './session.repository.ts';

const row = (userId: string, expiresAt: number): SessionRow => ({
  user_id: userId, username: userId, display_name: userId, role: 'clinician', scope_kind: 'community', community_id: 'c', organization_id: null,
  region_code: null, resident_id: null, expires_at: new Date(expiresAt), last_seen_at: new Date(0), org_ids: null,
});

describe('SessionCache', () => {
  it('keeps a session for its time to live, and never past the session\'s own expiry', () => {
    const c = new SessionCache(10_000);
    c.set('a', row('u1', 1_000_000), new Date(0));
    expect(c.get('a', new Date(9_999))?.user_id).toBe('u1');
    expect(c.get('a', new Date(10_000))).toBeNull();
    c.set('b', row('u1', 5_000), new Date(0));
    expect(c.get('b', new Date(4_999))).not.toBeNull();
    expect(c.get('b', new Date(5_000))).toBeNull();
  });

  it('forgets one token, all of a user\'s, or everything', () => {
    const c = new SessionCache(10_000);
    const now = new Date(0);
    c.set('a', row('u1', 1e9), now);
    c.set('b', row('u1', 1e9), now);
    c.set('c', row('u2', 1e9), now);
    c.forgetToken('a');
    expect(c.get('a', now)).toBeNull();
    c.forgetUser('u1');
    expect([c.get('b', now), c.get('c', now)?.user_id]).toEqual([null, 'u2']);
    c.clear();
    expect(c.get('c', now)).toBeNull();
  });
});
