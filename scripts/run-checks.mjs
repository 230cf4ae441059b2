// Runs the contract checks of a folder (../shared/checks) one by one against a Citus cluster:
// each check gets a fresh, empty database on every node (npm run citus:cluster -- createdb), as
// the checks' README asks. Writes {"passed": n, "failed": n} to the report file for CI's summary.
// Usage: DATABASE_URL=<coordinator url> node scripts/run-checks.mjs <checks dir> <report.json>
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, report] = process.argv.slice(2);
const checks = readdirSync(dir).filter((f) => /^(foundation|referral)-/.test(f) && statSync(join(dir, f)).mode & 0o111).sort();
let passed = 0;
let failed = 0;
for (const check of checks) {
  const name = `ck_${check.replace(/\W/g, '_')}_${process.pid}`;
  const url = execFileSync('bash', ['scripts/citus-cluster.sh', 'createdb', name], { encoding: 'utf8' }).trim().split('\n').pop();
  const t0 = Date.now();
  const r = spawnSync(join(dir, check), [], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8', timeout: 600_000 });
  const last = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').pop();
  const ok = r.status === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${check} (${((Date.now() - t0) / 1000).toFixed(0)} s): ${last}`);
  if (ok) passed++;
  else failed++;
  spawnSync('bash', ['scripts/citus-cluster.sh', 'dropdb', name], { stdio: 'ignore' });
}
if (report) writeFileSync(report, JSON.stringify({ passed, failed }));
process.exit(failed ? 1 : 0);
