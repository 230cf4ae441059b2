import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Config } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createContext } from '../src/app/start.ts';
import { backupDatabase, restoreDatabase } from '../src/platform/db/backup.ts';
import { copyTemplate, dropTemplateCopy } from './test-database.ts';
import { testConfig } from './test-config.ts';
import { seedFingerprint } from './seed-fingerprint.ts';

/** Every table's rows, every column: equal on both sides of a round trip. */
const fingerprint = (ctx: AppContext) => seedFingerprint(ctx.db, { exact: true });

/** Every stored ID number decrypts with the configured keys and hashes to its lookup hash. */
async function decryptable(ctx: AppContext): Promise<{ residents: number; ok: number }> {
  const rows = (await ctx.db.query<{ id_number_enc: string; id_number_hash: string }>('select id_number_enc, id_number_hash from resident')).rows;
  const ok = rows.filter((r) => ctx.cipher.lookupHash(ctx.cipher.decrypt(r.id_number_enc)) === r.id_number_hash).length;
  return { residents: rows.length, ok };
}

/** After a restore: the data are what the backup held, and every ID number decrypts with the configured keys. */
async function expectRestored(config: Config, before: Awaited<ReturnType<typeof fingerprint>>): Promise<void> {
  const ctx = await createContext(config);
  try {
    expect(await fingerprint(ctx)).toEqual(before);
    const d = await decryptable(ctx);
    expect(d.residents).toBeGreaterThan(0);
    expect(d.ok).toBe(d.residents);
  } finally {
    await ctx.db.close();
  }
}

/** Changes after the backup that the restore must undo: a deletion, an update, an insertion (the audit log is append-only). */
async function damage(ctx: AppContext): Promise<void> {
  await ctx.db.query(`delete from encounter where id in (select id from encounter order by id limit 50)`);
  await ctx.db.query(`update resident set name = '改动后' where id in (select id from resident order by id limit 10)`);
  await ctx.db.query(`insert into audit_log (community_id, username, action, resource_type) select community_id, 'after.backup', 'test.after', 'test' from community`);
}

const template = inject('template');

describe.runIf(template.kind === 'pglite')('backup and restore of the PGlite data directory', () => {
  let dir: string;
  let config: Config;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yg-backup-'));
    const dataDir = join(dir, 'data');
    await mkdir(dataDir);
    // The seeded test county as a data directory on disk, with its key file inside (the default layout).
    const pg = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(template.kind === 'pglite' ? template.dumpFile : '')]) });
    await pg.close();
    const [enc, hash] = testConfig().keys!.split(':');
    await writeFile(join(dataDir, 'yigong-keys.txt'), `${enc}\n${hash}\n`, { mode: 0o600 });
    config = testConfig({ dataDir, keyFile: join(dataDir, 'yigong-keys.txt'), keys: undefined });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('refuses while the data directory is open, then round-trips it without the key file', async () => {
    const file = join(dir, 'yigong.pglite.tar.gz');
    let ctx = await createContext(config);
    const before = await fingerprint(ctx);
    await expect(backupDatabase(config, file)).rejects.toThrow(/in use by process/);
    await ctx.db.close();

    const report = await backupDatabase(config, file);
    console.log(`PGlite backup: ${(report.bytes / 1e6).toFixed(1)} MB in ${report.ms} ms; left out ${report.leftOut.join(', ')}`);
    expect(report.leftOut.map((p) => p.split('/').pop())).toContain('yigong-keys.txt');
    const tar = gunzipSync(await readFile(file));
    expect(tar.includes('yigong-keys.txt')).toBe(false);
    const encryptionKey = (await readFile(config.keyFile, 'utf8')).split('\n')[0]!;
    expect(tar.includes(encryptionKey)).toBe(false);

    ctx = await createContext(config);
    await damage(ctx);
    expect(await fingerprint(ctx)).not.toEqual(before);
    await ctx.db.close();

    await expect(restoreDatabase(config, file, { replace: false })).rejects.toThrow(/--replace/);
    const restored = await restoreDatabase(config, file, { replace: true });
    console.log(`PGlite restore: ${restored.ms} ms; previous directory kept at ${restored.previous}`);
    expect(restored).toMatchObject({ store: 'pglite', keysMatch: true });
    expect(existsSync(join(restored.previous!, 'PG_VERSION'))).toBe(true);

    await expectRestored(config, before);
  }, 180_000);

  it('puts the data directory back when a restore fails half-way', async () => {
    const file = join(dir, 'broken.pglite.tar.gz');
    // A tar archive that looks like a data directory (PG_VERSION) and holds nothing else.
    const header = Buffer.alloc(512);
    header.write('/PG_VERSION', 0);
    header.write('00000000003\0', 124);
    header.write('ustar\0', 257);
    const body = Buffer.alloc(512);
    body.write('18\n');
    await writeFile(file, gzipSync(Buffer.concat([header, body, Buffer.alloc(1024)])));
    await writeFile(join(dir, 'not-a-tar.pglite.tar.gz'), gzipSync(Buffer.alloc(4096, 0x41)));
    await expect(restoreDatabase(config, join(dir, 'not-a-tar.pglite.tar.gz'), { replace: true })).rejects.toThrow(/not a tar archive/);
    let ctx = await createContext(config);
    const before = await fingerprint(ctx);
    await ctx.db.close();
    await expect(restoreDatabase(config, file, { replace: true })).rejects.toThrow();
    ctx = await createContext(config);
    try {
      expect(await fingerprint(ctx)).toEqual(before);
    } finally {
      await ctx.db.close();
    }
  }, 120_000);

  it('refuses a pg_dump archive and says why', async () => {
    const file = join(dir, 'not-pglite.pgdump');
    await writeFile(file, 'PGDMP not really');
    await expect(restoreDatabase(config, file, { replace: true })).rejects.toThrow(/not a PGlite backup/);
  });
});

describe.runIf(template.kind === 'postgres')('backup and restore of a PostgreSQL database (pg_dump / pg_restore)', () => {
  const name = `yg_bk_${randomBytes(4).toString('hex')}`;
  let dir: string;
  let config: Config;

  beforeAll(async () => {
    if (template.kind !== 'postgres') return;
    dir = await mkdtemp(join(tmpdir(), 'yg-backup-'));
    config = testConfig({ databaseUrl: await copyTemplate(template, name) });
  });
  afterAll(async () => {
    if (template.kind !== 'postgres') return;
    await dropTemplateCopy(template, name);
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips the database: counts, checksums and decryption as before the backup', async () => {
    const file = join(dir, 'yigong.pgdump');
    const ctx = await createContext(config);
    const before = await fingerprint(ctx);
    // pg_dump reads one snapshot: a backup while the server runs is consistent.
    const report = await backupDatabase(config, file);
    console.log(`PostgreSQL backup: ${(report.bytes / 1e6).toFixed(1)} MB in ${report.ms} ms`);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('PGDMP');
    await damage(ctx);
    expect(await fingerprint(ctx)).not.toEqual(before);
    await ctx.db.close();

    await expect(restoreDatabase(config, file, { replace: false })).rejects.toThrow(/--replace/);
    const restored = await restoreDatabase(config, file, { replace: true });
    console.log(`PostgreSQL restore: ${restored.ms} ms`);
    expect(restored).toMatchObject({ store: 'postgres', keysMatch: true, previous: null });

    await expectRestored(config, before);
  }, 180_000);
});

describe.runIf(template.kind === 'citus')('backup on Citus', () => {
  it('refuses with a pointer to docs/citus.md', async () => {
    if (template.kind !== 'citus') return;
    const config = testConfig({ databaseUrl: template.url });
    await expect(backupDatabase(config, join(tmpdir(), 'never.pgdump'))).rejects.toThrow(/docs\/citus\.md/);
    expect(existsSync(join(tmpdir(), 'never.pgdump'))).toBe(false);
  });
});
