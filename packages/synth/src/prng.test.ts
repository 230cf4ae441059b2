import { describe, expect, it } from 'vitest';
import { createRng, createSampler, hashSeed } from './prng.ts';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and labels', () => {
    const a = createRng(42, 'x');
    const b = createRng(42, 'x');
    expect(Array.from({ length: 20 }, () => a.u32())).toEqual(Array.from({ length: 20 }, () => b.u32()));
  });

  it('gives independent streams for different labels and forks', () => {
    expect(createRng(42, 'x').u32()).not.toBe(createRng(42, 'y').u32());
    const r = createRng(1);
    const before = createRng(1).u32();
    r.fork('child').u32();
    expect(r.u32()).toBe(before); // forking does not advance the parent
  });

  it('formats UUIDs with the version-4 layout', () => {
    const r = createRng(7);
    for (let i = 0; i < 200; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps integers within their inclusive bounds and covers both ends', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('draws a fixed distribution in proportion to its weights', () => {
    const draw = createSampler([1, 0, 3]);
    const r = createRng(9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[draw(r)]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });

  it('hashes seeds by value and order', () => {
    expect(hashSeed(1, 'a')).toBe(hashSeed(1, 'a'));
    expect(hashSeed(1, 'a')).not.toBe(hashSeed('a', 1));
  });
});
