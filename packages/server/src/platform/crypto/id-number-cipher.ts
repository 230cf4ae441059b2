import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * ID numbers at rest: AES-256-GCM (random 96-bit IV, 128-bit tag) for the value, and an
 * HMAC-SHA256 keyed hash for exact lookup, so the database never holds a number in clear.
 */
export interface IdNumberCipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  lookupHash(plain: string): string;
  /** A copy of the lookup-hash key, for a worker thread of this process that hashes in bulk (the demo seed). */
  lookupKey(): Buffer;
}

/** The keyed lookup hash of an ID number (HMAC-SHA256, hex). */
export function idNumberLookupHash(hashKey: Buffer, plain: string): string {
  return createHmac('sha256', hashKey).update(plain).digest('hex');
}

export function createIdNumberCipher(encKey: Buffer, hashKey: Buffer): IdNumberCipher {
  if (encKey.length !== 32 || hashKey.length !== 32) throw new Error('ID-number keys must be 32 bytes each');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${Buffer.concat([iv, c.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(stored) {
      const raw = Buffer.from(stored.replace(/^v1:/, ''), 'base64');
      const d = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return idNumberLookupHash(hashKey, plain);
    },
    lookupKey: () => Buffer.from(hashKey),
  };
}

/**
 * Keys from `YIGONG_KEYS` (`enc:hash`, base64) or from the key file; in demo mode a missing key
 * file is generated on first start (mode 0600).
 */
export function loadIdNumberKeys(opts: { keys?: string | undefined; keyFile: string; mode: 'demo' | 'production' }): { enc: Buffer; hash: Buffer } {
  let text = opts.keys?.replace(':', '\n');
  if (!text) {
    if (!existsSync(opts.keyFile)) {
      if (opts.mode === 'production') throw new Error(`Key file ${opts.keyFile} not found`);
      mkdirSync(dirname(opts.keyFile), { recursive: true });
      writeFileSync(opts.keyFile, `${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    }
    text = readFileSync(opts.keyFile, 'utf8');
  }
  const [enc, hash] = text.trim().split(/\s+/).map((s) => Buffer.from(s, 'base64'));
  if (!enc || !hash) throw new Error('ID-number key material must hold two base64 keys');
  // One key for encryption and hashing would let a hash leak help attack the ciphertext (and vice versa).
  if (enc.equals(hash)) throw new Error('ID-number keys: the encryption key and the lookup-hash key must differ');
  return { enc, hash };
}
