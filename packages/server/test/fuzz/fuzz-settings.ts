/** The fuzz suite's size and seed: `YIGONG_FUZZ_CASES` cases a route (50 in CI), `YIGONG_FUZZ_SEED`. */
export interface FuzzSettings {
  casesPerRoute: number;
  seed: number;
  /** `YIGONG_FUZZ_VERBOSE=1`: a line a route with its responses and time; `2`: a line a case. */
  verbose: 0 | 1 | 2;
  /** `YIGONG_FUZZ_ROUTES`: only the routes whose `METHOD /path` contains this text. */
  only: string | null;
}

/** A fixed seed by default, so CI runs the same cases every time; `npm run fuzz` picks a fresh one. */
export const DEFAULT_SEED = 20261206;

/** `defaultCases`: 50 a route; fewer on Citus, where telling row changes apart means counting every table. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env, defaultCases = 50): FuzzSettings {
  const cases = env.YIGONG_FUZZ_CASES ? Number(env.YIGONG_FUZZ_CASES) : defaultCases;
  const seed = env.YIGONG_FUZZ_SEED ? Number(env.YIGONG_FUZZ_SEED) : DEFAULT_SEED;
  if (!Number.isInteger(cases) || cases < 1) throw new Error(`YIGONG_FUZZ_CASES must be a positive integer, not ${env.YIGONG_FUZZ_CASES}`);
  if (!Number.isInteger(seed)) throw new Error(`YIGONG_FUZZ_SEED must be an integer, not ${env.YIGONG_FUZZ_SEED}`);
  const verbose = env.YIGONG_FUZZ_VERBOSE === '2' ? 2 : env.YIGONG_FUZZ_VERBOSE === '1' ? 1 : 0;
  return { casesPerRoute: cases, seed, verbose, only: env.YIGONG_FUZZ_ROUTES || null };
}

/** One route's seed: the run's seed mixed with the route (FNV-1a), so a new route leaves the others' cases as they were. */
export function routeSeed(seed: number, route: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < route.length; i++) h = Math.imul(h ^ route.charCodeAt(i), 0x01000193);
  return h | 0;
}
