import { estimateCluster, type ClusterAssumptions, type MeasuredScale } from './cluster-estimate.ts';
import type { StorageSummary, StoreFigures } from './storage-figures.ts';

const fmt = (x: number) => Math.round(x).toLocaleString('en');
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const gb = (bytes: number) => (bytes / 1e9).toFixed(1);

/**
 * Prints the storage tables: the larger tables side by side (rows, MB with indexes), then the
 * Citus shard groups — where each community's rows sit and what every shard group weighs.
 */
export function printStorage(single: StoreFigures, citus: StoreFigures, citusSummary: StorageSummary): void {
  const total = citusSummary.tenantBytes;
  const big = single.tables.filter((t) => t.tenant && (t.bytes >= total / 100 || (citus.tables.find((c) => c.table === t.table)?.bytes ?? 0) >= total / 100))
    .sort((x, y) => y.bytes - x.bytes);
  const lines = ['| table | rows | MB, single PostgreSQL | MB, Citus (sum of shards) |', '|---|---:|---:|---:|'];
  const sum = (f: StoreFigures, pick: (t: StoreFigures['tables'][number]) => boolean) => f.tables.filter(pick).reduce((n, t) => n + t.bytes, 0);
  for (const t of big) lines.push(`| ${t.table} | ${fmt(t.rows)} | ${mb(t.bytes)} | ${mb(citus.tables.find((c) => c.table === t.table)?.bytes ?? 0)} |`);
  const small = (t: StoreFigures['tables'][number]) => t.tenant && !big.some((b) => b.table === t.table);
  lines.push(`| the ${single.tables.filter(small).length} other tenant tables | | ${mb(sum(single, small))} | ${mb(sum(citus, small))} |`);
  lines.push(`| reference tables (${single.tables.filter((t) => !t.tenant).map((t) => t.table).join(', ')}) | | ${mb(sum(single, (t) => !t.tenant))} | ${mb(sum(citus, (t) => !t.tenant))} per node |`);
  console.log(`${lines.join('\n')}\n`);

  const shards = citus.shards ?? [];
  const groups = [...new Set(shards.map((s) => s.group))].sort((x, y) => Number(x) - Number(y));
  const rows = ['| shard group (hash from) | worker | communities | residents | encounters | MB, all tables |', '|---|---|---|---:|---:|---:|'];
  for (const g of groups) {
    const in_ = shards.filter((s) => s.group === g);
    const rowsOf = (table: string) => in_.filter((s) => s.table === table).reduce((n, s) => n + s.rows, 0);
    const names = (citus.communities ?? []).filter((c) => c.group === g).map((c) => c.name).join(', ') || '—';
    rows.push(`| ${g} | :${in_[0]!.port} | ${names} | ${fmt(rowsOf('resident'))} | ${fmt(rowsOf('encounter'))} | ${mb(in_.reduce((n, s) => n + s.bytes, 0))} |`);
  }
  for (const port of [...new Set(shards.map((s) => s.port))].sort()) {
    rows.push(`| **worker :${port}** | | | | | **${mb(shards.filter((s) => s.port === port).reduce((n, s) => n + s.bytes, 0))}** |`);
  }
  console.log(`${rows.join('\n')}\n`);
}

/** Prints what a larger cluster would hold and take in, from the measured per-unit figures. */
export function printEstimate(m: MeasuredScale, a: ClusterAssumptions): void {
  const e = estimateCluster(m, a, [1, 5, 10]);
  const lines = [
    `| ${a.workers}-worker estimate (linear in the measured figures) | value |`, '|---|---|',
    `| measured: bytes per resident / per encounter / encounters per resident-year | ${fmt(m.bytesPerResident)} B / ${fmt(m.bytesPerEncounter)} B / ${m.encountersPerResidentYear.toFixed(2)} |`,
    `| measured: ingest rows/s per worker (two communities at once on their workers) | ${fmt(m.ingestRowsPerSecondPerWorker)} |`,
    `| assumed disk per worker, headroom kept free → usable in all | ${(a.diskBytesPerWorker / 1e12).toFixed(1)} TB, ${(100 * a.headroom).toFixed(0)} % → ${(e.usableBytes / 1e12).toFixed(1)} TB |`,
    `| a ${fmt(a.countyResidents)}-resident county: residents, care data, structure / one year of encounters | ${gb(e.countyBaseBytes)} GB / ${gb(e.countyYearBytes)} GB (${fmt(e.countyYearBytes / m.bytesPerEncounter)} encounters) |`,
    ...e.holdings.map((h) => `| holds, with ${h.years} year(s) of encounters | ${fmt(h.counties)} counties, ${fmt(h.residents)} residents, ${fmt(h.encounters)} encounters |`),
    `| ingest per day (rows/s per worker × ${a.workers} × 86,400) | ${fmt(e.ingestRowsPerDay)} rows; a county sends ≈ ${fmt(e.countyEncountersPerDay)} a day |`,
  ];
  console.log(lines.join('\n'));
}
