import pg from 'pg';
import { citusWorkers, createCitusDatabase, dropCitusDatabase } from '../../server/test/citus-database.ts';

/** A throwaway database of one benchmark run: its URL, and `drop()` for the end. */
export interface BenchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** The server URL in an environment variable; exits with a message when it is missing. */
function serverUrl(variable: string, what: string): string {
  const server = process.env[variable];
  if (!server) {
    console.error(`${variable} must name ${what} (the benchmark creates and drops its own database).`);
    process.exit(2);
  }
  return server;
}

/**
 * A throwaway database on the server named by DATABASE_URL (or `variable`) for one benchmark
 * run: created here, dropped by `drop()` at the end. Exits with a message when the variable is missing.
 */
export async function benchDatabase(prefix: string, variable = 'DATABASE_URL'): Promise<BenchDatabase> {
  const server = serverUrl(variable, 'a PostgreSQL server');
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: server });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const name = `${prefix}_${Date.now()}`;
  await admin(`create database ${name}`);
  return { url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/**
 * The same on the Citus cluster whose coordinator `variable` names (default CITUS_URL): the
 * database on the coordinator and every worker, Citus in it, the workers added, the server's
 * shard count (scripts/citus-cluster.sh createdb); `drop()` drops it on every node.
 */
export async function citusBenchDatabase(prefix: string, variable = 'CITUS_URL'): Promise<BenchDatabase & { workers: number }> {
  const server = serverUrl(variable, 'a Citus coordinator with its workers added');
  const workers = await citusWorkers(server);
  if (!workers?.length) throw new Error(`${variable} has no Citus workers (pg_dist_node of its database is empty)`);
  const name = `${prefix}_${Date.now()}`;
  const drop = () => dropCitusDatabase(server, workers, name);
  try {
    await createCitusDatabase(server, workers, name, null);
  } catch (e) {
    await drop().catch(() => undefined);
    throw e;
  }
  return { url: Object.assign(new URL(server), { pathname: `/${name}` }).toString(), workers: workers.length, drop };
}
