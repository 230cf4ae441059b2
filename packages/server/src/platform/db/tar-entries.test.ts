import { describe, expect, it } from 'vitest';
import { dropTarEntries } from './tar-entries.ts';

/** A one-file ustar entry: header (name, octal size, magic) and data padded to 512 bytes. */
function entry(name: string, data: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write(`${Buffer.byteLength(data).toString(8).padStart(11, '0')}\0`, 124);
  header.write('ustar\0', 257);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(data) / 512) * 512);
  body.write(data);
  return Buffer.concat([header, body]);
}

describe('dropTarEntries', () => {
  it('drops the named entries and keeps every other byte for byte', () => {
    const a = entry('pgdata/PG_VERSION', '18\n');
    const keys = entry('pgdata/yigong-keys.txt', 'secret\nsecret\n');
    const big = entry('pgdata/base/1/1259', 'x'.repeat(1300));
    const tar = Buffer.concat([a, keys, big, Buffer.alloc(1024)]);
    const out = dropTarEntries(tar, (p) => p.endsWith('/yigong-keys.txt'));
    expect(out.dropped).toEqual(['pgdata/yigong-keys.txt']);
    expect(Buffer.from(out.tar)).toEqual(Buffer.concat([a, big, Buffer.alloc(1024)]));
  });

  it('refuses bytes that are not a tar archive', () => {
    const bad = Buffer.alloc(1024, 0x31);
    expect(() => dropTarEntries(bad, () => false)).toThrow(/not a tar archive/);
  });
});
