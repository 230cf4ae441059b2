import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { isFreshDataDir, seedFreshDataDir } from './first-start.ts';

describe('first start of the demo on the embedded database', () => {
  it('treats a missing or empty folder as fresh, and one with files as not', () => {
    const root = mkdtempSync(join(tmpdir(), 'yg-first-'));
    expect(isFreshDataDir(join(root, 'absent'))).toBe(true);
    mkdirSync(join(root, 'empty'));
    expect(isFreshDataDir(join(root, 'empty'))).toBe(true);
    mkdirSync(join(root, 'used'));
    writeFileSync(join(root, 'used', 'PG_VERSION'), '17\n');
    expect(isFreshDataDir(join(root, 'used'))).toBe(false);
  });

  it('a seed that fails leaves neither its folder nor a data folder, and removes what a stopped start left', async () => {
    const root = mkdtempSync(join(tmpdir(), 'yg-first-'));
    const dataDir = join(root, 'data');
    mkdirSync(`${dataDir}.seeding-999999`);
    writeFileSync(join(`${dataDir}.seeding-999999`, 'PG_VERSION'), '17\n');
    // Key material with one key only: the seeding process refuses it before opening the database.
    const previous = process.env.YIGONG_KEYS;
    process.env.YIGONG_KEYS = Buffer.alloc(32, 1).toString('base64');
    const logs: string[] = [];
    try {
      await expect(seedFreshDataDir(loadConfig({ YIGONG_DATA_DIR: dataDir, YIGONG_KEYS: process.env.YIGONG_KEYS }), (m) => logs.push(m))).rejects.toThrow(/The demo seed failed: .*two base64 keys/s);
    } finally {
      if (previous === undefined) delete process.env.YIGONG_KEYS;
      else process.env.YIGONG_KEYS = previous;
    }
    expect(readdirSync(root)).toEqual([]);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
