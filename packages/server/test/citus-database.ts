import pg from 'pg';

/** A Citus node as the coordinator lists it. */
export interface CitusNode {
  host: string;
  port: number;
}

async function onNode(url: string, node: CitusNode | null, db: string, sql: string, params: unknown[] = []): Promise<void> {
  const u = new URL(url);
  if (node) {
    u.hostname = node.host;
    u.port = String(node.port);
  }
  u.pathname = `/${db}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

/** The workers of the Citus cluster whose coordinator `url` names, or null when the server has no Citus. */
export async function citusWorkers(url: string): Promise<CitusNode[] | null> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const ext = await c.query(`select 1 from pg_extension where extname = 'citus'`);
    if (!ext.rowCount) return null;
    const { rows } = await c.query<{ host: string; port: number }>(`select nodename as host, nodeport as port from pg_dist_node where groupid <> 0 and noderole = 'primary' order by nodeid`);
    return rows;
  } finally {
    await c.end();
  }
}

/**
 * An empty application database on the coordinator and every worker, Citus in it, the workers
 * added (scripts/citus-cluster.sh createdb). `shardCount` null keeps the server's setting.
 */
export async function createCitusDatabase(url: string, workers: readonly CitusNode[], name: string, shardCount: number | null = 4): Promise<void> {
  const coordinator = new URL(url);
  for (const n of [null, ...workers]) await onNode(url, n, 'postgres', `create database ${name}`);
  for (const n of [null, ...workers]) await onNode(url, n, name, 'create extension citus');
  // Tests take four shards per table (32 by default): a test database holds two tiny communities,
  // and each shard is a table on a worker to create per test file.
  if (shardCount !== null) await onNode(url, null, 'postgres', `alter database ${name} set citus.shard_count = ${shardCount}`);
  const c = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: `/${name}` }).toString() });
  await c.connect();
  try {
    await c.query(`select citus_set_coordinator_host($1, $2)`, [coordinator.hostname, Number(coordinator.port || 5432)]);
    for (const w of workers) await c.query(`select citus_add_node($1, $2)`, [w.host, w.port]);
  } finally {
    await c.end();
  }
}

/**
 * Drops a test database on every node. `with (force)` ends its sessions, but another node's
 * connection or Citus' maintenance daemon can come back in between: the drop is tried again.
 */
export async function dropCitusDatabase(url: string, workers: readonly CitusNode[], name: string): Promise<void> {
  for (const n of [null, ...workers]) {
    for (let attempt = 0; ; attempt++) {
      try {
        await onNode(url, n, 'postgres', `drop database if exists ${name} with (force)`);
        break;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}

/**
 * Copies a seeded Citus database: CREATE DATABASE … TEMPLATE on the coordinator and on every
 * worker. The copies are one consistent cluster database — shard placements name nodes, not
 * databases, and nodes reach each other under the current database's name. The template must
 * have no connections: Citus' maintenance daemon keeps one per database, so it is ended first
 * (and the copy retried if it came back).
 */
export async function copyCitusDatabase(url: string, workers: readonly CitusNode[], template: string, name: string): Promise<void> {
  for (const n of [null, ...workers]) {
    for (let attempt = 0; ; attempt++) {
      try {
        await onNode(url, n, 'postgres', `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [template]);
        await onNode(url, n, 'postgres', `create database ${name} template ${template}`);
        break;
      } catch (e) {
        if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
}
