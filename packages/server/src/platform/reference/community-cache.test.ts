import { describe, expect, it } from 'vitest';
import { CommunityCache } from './community-cache.ts';

describe('CommunityCache', () => {
  it('loads once within the TTL, again after it, and per community', async () => {
    const c = new CommunityCache(1_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await c.get('k', 'a', 0, load)).toBe(1);
    expect(await c.get('k', 'a', 999, load)).toBe(1);
    expect(await c.get('k', 'b', 999, load)).toBe(2);
    expect(await c.get('k', 'a', 1_000, load)).toBe(3);
  });

  it('forgets at once, and does not store a load that was running when it forgot', async () => {
    const c = new CommunityCache(60_000);
    let value = 'old';
    expect(await c.get('k', 'a', 0, async () => value)).toBe('old');
    value = 'new';
    c.forget('k', 'a');
    expect(await c.get('k', 'a', 1, async () => value)).toBe('new');
    // A slow load of the old value races a change: its result is returned but not kept.
    let release!: () => void;
    c.forget('k', 'a');
    const slow = c.get('k', 'a', 2, () => new Promise<string>((r) => (release = () => r('stale'))));
    c.forget('k', 'a');
    release();
    expect(await slow).toBe('stale');
    expect(await c.get('k', 'a', 3, async () => 'fresh')).toBe('fresh');
  });
});
