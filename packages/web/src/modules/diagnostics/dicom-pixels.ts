/** GET …/files/:fileId/frame gives `rows × columns` 8-bit grey pixels as base64. */
export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Grey bytes → the RGBA of an ImageData of `columns × rows` (opaque); short data is padded black. */
export function greyToRgba(grey: Uint8Array, rows: number, columns: number): Uint8ClampedArray<ArrayBuffer> {
  const n = rows * columns;
  const rgba = new Uint8ClampedArray(new ArrayBuffer(n * 4));
  for (let i = 0; i < n; i++) {
    const v = grey[i] ?? 0;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
