// `npm run fuzz -- --cases N [--seed S] [--route TEXT] [--verbose]`: the fuzz suite
// (packages/server/test/fuzz.int.test.ts) with N cases a route instead of CI's 50, a fresh seed
// unless one is given (printed, to run the same cases again), on PGlite or on DATABASE_URL.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '500' }, seed: { type: 'string' }, route: { type: 'string' }, verbose: { type: 'boolean', default: false } },
});
const cases = Number(values.cases);
const seed = values.seed ?? String(randomInt(1, 2 ** 31 - 1));
if (!Number.isInteger(cases) || cases < 1) throw new Error(`--cases takes a positive integer, not ${values.cases}`);
if (!/^-?\d+$/.test(seed)) throw new Error(`--seed takes an integer, not ${seed}`);

console.log(`fuzz: ${cases} cases a route, seed ${seed} (again: npm run fuzz -- --cases ${cases} --seed ${seed})`);
// Node runs vitest itself (not npx), so stopping this process stops the run.
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const r = spawnSync(process.execPath, [vitest, 'run', '--project', 'int', 'packages/server/test/fuzz.int.test.ts'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    YIGONG_FUZZ_CASES: String(cases),
    YIGONG_FUZZ_SEED: seed,
    ...(values.route ? { YIGONG_FUZZ_ROUTES: values.route } : {}),
    ...(values.verbose ? { YIGONG_FUZZ_VERBOSE: '1' } : {}),
  },
});
process.exit(r.status ?? 1);
