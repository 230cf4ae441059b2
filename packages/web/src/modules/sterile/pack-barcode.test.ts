import { describe, expect, it } from 'vitest';
import { makePackBarcode } from '@yigong/domain';
import { checkPackBarcode } from './pack-barcode.ts';

const good = makePackBarcode({ sterilisedOn: '2026-03-01', batchSeq: 2, packSeq: 17 });

describe('checkPackBarcode', () => {
  it('accepts a scanned code and writes it the way it is stored', () => {
    expect(checkPackBarcode(good)).toEqual({ ok: true, barcode: good });
    expect(checkPackBarcode(`  ${good.toLowerCase()}\n`)).toEqual({ ok: true, barcode: good });
  });

  it('says nothing was scanned for an empty or blank input', () => {
    expect(checkPackBarcode('')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPackBarcode('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkPackBarcode(undefined)).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses a misread digit by its check digit, with the domain sentence', () => {
    const misread = `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}${good.slice(11)}`;
    const r = checkPackBarcode(misread);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason === 'invalid' && r.message).toMatch(/校验位/);
  });

  it('refuses a code of the wrong shape', () => {
    const r = checkPackBarcode('CS12345');
    expect(r.ok === false && r.reason === 'invalid' && r.message).toMatch(/格式/);
  });
});
