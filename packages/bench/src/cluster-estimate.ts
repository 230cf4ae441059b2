/** Per-unit figures measured on the cluster (storage with indexes, as the shards report it). */
export interface MeasuredScale {
  /** Bytes of every tenant table except the encounters, per resident (structure, residents, care data, aggregates). */
  bytesPerResident: number;
  /** Bytes of the encounter table with its indexes, per encounter. */
  bytesPerEncounter: number;
  /** Encounters the synthetic feed gives per resident and year (visits and admissions, in and out of county). */
  encountersPerResidentYear: number;
  /** Ingest rows per second one worker took while each worker ingested into its own community. */
  ingestRowsPerSecondPerWorker: number;
}

/** What is assumed of the larger cluster. */
export interface ClusterAssumptions {
  workers: number;
  diskBytesPerWorker: number;
  /** Share of each disk kept free (vacuum, index rebuilds, growth), 0–1. */
  headroom: number;
  /** Residents of the county a community serves. */
  countyResidents: number;
}

/** How much a cluster holds with a given depth of encounter history. */
export interface Holding {
  years: number;
  counties: number;
  residents: number;
  encounters: number;
}

export interface ClusterEstimate {
  usableBytes: number;
  /** A county's residents and everything but its encounters. */
  countyBaseBytes: number;
  /** One year of a county's encounters. */
  countyYearBytes: number;
  /** A county's encounters per day, on average. */
  countyEncountersPerDay: number;
  holdings: Holding[];
  ingestRowsPerDay: number;
}

/**
 * What a cluster of `workers` would hold and take in, scaled linearly from per-unit figures
 * measured on a small one: each community lives on one shard, so communities add up across
 * workers (an assumption: the coordinator is taken not to be the bottleneck).
 */
export function estimateCluster(m: MeasuredScale, a: ClusterAssumptions, years: readonly number[]): ClusterEstimate {
  if (!(a.headroom >= 0 && a.headroom < 1)) throw new Error(`headroom must be in [0, 1), got ${a.headroom}`);
  const usableBytes = a.workers * a.diskBytesPerWorker * (1 - a.headroom);
  const countyBaseBytes = a.countyResidents * m.bytesPerResident;
  const countyYearEncounters = a.countyResidents * m.encountersPerResidentYear;
  const countyYearBytes = countyYearEncounters * m.bytesPerEncounter;
  const holdings = years.map((y) => {
    const counties = Math.floor(usableBytes / (countyBaseBytes + y * countyYearBytes));
    return { years: y, counties, residents: counties * a.countyResidents, encounters: counties * countyYearEncounters * y };
  });
  return {
    usableBytes, countyBaseBytes, countyYearBytes, countyEncountersPerDay: countyYearEncounters / 365, holdings,
    ingestRowsPerDay: m.ingestRowsPerSecondPerWorker * a.workers * 86_400,
  };
}
