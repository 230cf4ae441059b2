// Sums Vitest JSON reports and the e2e summary under a results folder into `N passed, N failed`.
// A step that failed without a report (lint, typecheck, a crash) counts as one failure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const [dir, stepFailures = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.json')) {
      const r = JSON.parse(readFileSync(p, 'utf8'));
      passed += r.numPassedTests ?? r.passed ?? 0;
      failed += r.numFailedTests ?? r.failed ?? 0;
      console.log(`${p}: ${r.numPassedTests ?? r.passed ?? 0} passed, ${r.numFailedTests ?? r.failed ?? 0} failed`);
    }
  }
};
walk(dir);
const reported = failed;
if (Number(stepFailures) > 0 && reported === 0) failed += Number(stepFailures);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
