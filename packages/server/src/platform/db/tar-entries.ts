/**
 * Drops entries from a tar archive (ustar, as PGlite's `dumpDataDir` writes it) without unpacking
 * it: each entry is a 512-byte header and its data padded to 512 bytes; two zero blocks end it.
 * Used to keep files that must not travel with a backup (the key file, the lock file) out of it.
 */
export function dropTarEntries(tar: Uint8Array, drop: (path: string) => boolean): { tar: Uint8Array; dropped: string[] } {
  const kept: Uint8Array[] = [];
  const dropped: string[] = [];
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(text(header, 124, 12).trim() || '0', 8);
    const prefix = text(header, 257, 6).startsWith('ustar') ? text(header, 345, 155) : '';
    const name = prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (!Number.isFinite(size) || end > tar.length) throw new Error(`not a tar archive (entry ${name || '?'} at ${at})`);
    if (drop(name)) dropped.push(name);
    else kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(new Uint8Array(1024));
  return { tar: Buffer.concat(kept), dropped };
}

function text(b: Uint8Array, offset: number, length: number): string {
  const field = b.subarray(offset, offset + length);
  const nul = field.indexOf(0);
  return Buffer.from(nul === -1 ? field : field.subarray(0, nul)).toString('utf8');
}
