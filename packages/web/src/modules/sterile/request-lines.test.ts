import { describe, expect, it } from 'vitest';
import { checkRequestLines } from './request-lines.ts';

const known = new Set(['DRESSING', 'SUTURE']);

describe('checkRequestLines', () => {
  it('passes complete lines and leaves out the rows left empty', () => {
    expect(checkRequestLines([{ packType: 'DRESSING', quantity: 5 }, {}, undefined, { packType: 'SUTURE', quantity: 2 }], known)).toEqual({
      ok: true,
      lines: [
        { packType: 'DRESSING', quantity: 5 },
        { packType: 'SUTURE', quantity: 2 },
      ],
    });
  });

  it('names the row shown when a type is asked twice, past an empty row', () => {
    const r = checkRequestLines([{ packType: 'DRESSING', quantity: 5 }, {}, { packType: 'DRESSING', quantity: 1 }], known);
    expect(r).toMatchObject({ ok: false, field: 'lines.2.packType' });
  });

  it('names the quantity of a line without one, or over 200', () => {
    expect(checkRequestLines([{ packType: 'SUTURE' }], known)).toMatchObject({ ok: false, field: 'lines.0.quantity' });
    expect(checkRequestLines([{ packType: 'SUTURE', quantity: 201 }], known)).toMatchObject({ ok: false, field: 'lines.0.quantity' });
  });

  it('asks for at least one line', () => {
    expect(checkRequestLines([{}], known)).toMatchObject({ ok: false, field: 'lines' });
  });
});
