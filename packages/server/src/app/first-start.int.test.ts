import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { lockDataDir } from '../platform/db/data-dir-lock.ts';
import { seedFreshDataDir } from './first-start.ts';
import { isFreshDataDir } from '../platform/db/data-dir.ts';

describe('first start of the demo on the embedded database', () => {
  it('a folder is fresh until it holds a database', () => {
    const root = mkdtempSync(join(tmpdir(), 'yg-first-'));
    expect(isFreshDataDir(join(root, 'absent'))).toBe(true);
    mkdirSync(join(root, 'keys-only'));
    writeFileSync(join(root, 'keys-only', 'yigong-keys.txt'), 'a\nb\n');
    expect(isFreshDataDir(join(root, 'keys-only'))).toBe(true);
    mkdirSync(join(root, 'used'));
    writeFileSync(join(root, 'used', 'PG_VERSION'), '17\n');
    expect(isFreshDataDir(join(root, 'used'))).toBe(false);
  });

  it('a seed that fails leaves the folder as it found it but for what a stopped start left, which it removes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yg-first-'));
    // What a first start stopped part-way leaves: its staging folder, entries moved before PG_VERSION.
    mkdirSync(join(dataDir, '.seeding-999999'));
    writeFileSync(join(dataDir, '.seeding-999999', 'PG_VERSION'), '17\n');
    mkdirSync(join(dataDir, 'base'));
    writeFileSync(join(dataDir, 'postgresql.conf'), '');
    writeFileSync(join(dataDir, 'notes.txt'), 'kept');
    // Key material with one key only: the seeding process refuses it.
    const keys = Buffer.alloc(32, 1).toString('base64');
    await expect(seedFreshDataDir(loadConfig({ YIGONG_DATA_DIR: dataDir, YIGONG_KEYS: keys }), () => undefined)).rejects.toThrow(/The demo seed failed: .*two base64 keys/s);
    expect(readdirSync(dataDir)).toEqual(['notes.txt']);
  }, 60_000);

  it('refuses a folder another process is seeding or serving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yg-first-'));
    const unlock = lockDataDir(dataDir);
    writeFileSync(join(dataDir, 'yigong.pid'), `${process.ppid}\n`);
    try {
      await expect(seedFreshDataDir(loadConfig({ YIGONG_DATA_DIR: dataDir }), () => undefined)).rejects.toThrow(/in use by process/);
    } finally {
      unlock();
    }
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
  });
});
