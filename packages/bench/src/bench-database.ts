import pg from 'pg';

/**
 * A throwaway database on the server named by DATABASE_URL for one benchmark run: created here,
 * dropped by `drop()` at the end. Exits with a message when DATABASE_URL is missing.
 */
export async function benchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    console.error('DATABASE_URL must name a PostgreSQL server (the benchmark creates and drops its own database).');
    process.exit(2);
  }
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
