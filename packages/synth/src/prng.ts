/**
 * Seeded pseudo-random numbers. Every synthetic value comes from here (never `Math.random`), so the
 * same seed gives byte-identical output on every machine.
 *
 * Generator: sfc32 ("Small Fast Counter", Chris Doty-Humphrey, PractRand suite) — 128-bit state,
 * passes PractRand to terabytes, and needs only 32-bit integer arithmetic. Seeds are expanded
 * with the cyrb53 string hash (public domain, bryc) so labels like `'households'` give
 * independent streams.
 */

/** A seeded stream of random values. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform unsigned 32-bit integer. */
  u32(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given non-negative weights (falls back to uniform when all are 0). */
  weighted(weights: readonly number[]): number;
  /** A random UUID with the version-4 layout (version nibble 4, RFC 4122 variant). */
  uuid(): string;
  /** An independent stream derived from this one's seed and `label` (does not advance this one). */
  fork(label: string | number): Rng;
}

/** cyrb53 (bryc, public domain): a fast 53-bit string hash, returned as two 32-bit halves. */
function cyrb53(text: string, seed = 0): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** A 32-bit seed from any mix of numbers and strings (order matters). */
export function hashSeed(...parts: readonly (string | number)[]): number {
  return cyrb53(parts.map(String).join('\u001f'))[0];
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 255]! + HEX[(n >>> 16) & 255]! + HEX[(n >>> 8) & 255]! + HEX[n & 255]!;
}

/** A new stream for `seed`, optionally specialised by labels (`createRng(7, 'households')`). */
export function createRng(seed: number, ...labels: readonly (string | number)[]): Rng {
  const key = [seed, ...labels].map(String).join('\u001f');
  const [a0, b0] = cyrb53(key, 1);
  const [c0, d0] = cyrb53(key, 2);
  let a = a0 | 0;
  let b = b0 | 0;
  let c = c0 | 0;
  let d = d0 | 0;
  const u32 = (): number => {
    // sfc32 step.
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state during the first dozen steps.
  for (let i = 0; i < 15; i++) u32();
  const next = (): number => u32() / 4294967296;
  const rng: Rng = {
    next,
    u32,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w > 0 ? w : 0;
      if (total <= 0) return Math.floor(next() * weights.length);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        const w = weights[i]!;
        if (w <= 0) continue;
        r -= w;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    uuid() {
      const s = hex32(u32()) + hex32(u32()) + hex32(u32()) + hex32(u32());
      const variant = '89ab'[parseInt(s[16]!, 16) & 3]!;
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
    },
    fork: (label) => createRng(seed, ...labels, label),
  };
  return rng;
}

/**
 * A sampler for a fixed discrete distribution: cumulative weights and binary search, O(log n) per
 * draw — used for long tables (surnames, age bands) drawn hundreds of thousands of times.
 */
export function createSampler(weights: readonly number[]): (rng: Rng) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += Math.max(0, w);
    cumulative.push(total);
  }
  if (total <= 0) throw new Error('sampler needs a positive weight');
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
