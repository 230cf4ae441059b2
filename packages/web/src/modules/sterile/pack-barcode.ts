import { makePackBarcode, parsePackBarcode } from '@yigong/domain';
import { fieldProblemOf } from './domain-problem.ts';

export type BarcodeCheck = { ok: true; barcode: string } | { ok: false; reason: 'empty' } | { ok: false; reason: 'invalid'; message: string };

/**
 * A scanned or typed pack barcode checked before it is looked up (docs/domain/sterile-supply.md
 * "Pack barcode": shape, GS1 check digit, real date, non-zero sequences), written the one way the
 * server stores it (upper case, no blanks). A scanner's misread is caught here, not as a 404.
 */
export function checkPackBarcode(text: string | null | undefined): BarcodeCheck {
  const typed = (text ?? '').trim();
  if (typed === '') return { ok: false, reason: 'empty' };
  try {
    return { ok: true, barcode: makePackBarcode(parsePackBarcode(typed)) };
  } catch (e) {
    const problem = fieldProblemOf(e);
    if (!problem) throw e;
    return { ok: false, reason: 'invalid', message: problem.message };
  }
}
