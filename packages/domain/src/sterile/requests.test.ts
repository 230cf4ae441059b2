import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STERILE_REQUEST_ACTIONS, STERILE_REQUEST_STATUSES, availableRequestActions, decideRequestAction, statusAfterDelivery, validateRequestLines } from './requests.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const KNOWN = new Set(['DRESSING', 'SUTURE']);

describe('sterile requests (docs/domain/sterile-supply.md "Requests")', () => {
  it('checks lines: known types once each, whole quantities 1–200, 1–30 lines', () => {
    expect(validateRequestLines([{ packType: ' DRESSING ', quantity: 3 }], KNOWN)).toEqual([{ packType: 'DRESSING', quantity: 3 }]);
    expect(fieldOf(() => validateRequestLines([], KNOWN))).toBe('lines');
    expect(fieldOf(() => validateRequestLines([{ packType: 'NOPE', quantity: 1 }], KNOWN))).toBe('lines.0.packType');
    expect(fieldOf(() => validateRequestLines([{ packType: 'SUTURE', quantity: 1 }, { packType: 'SUTURE', quantity: 2 }], KNOWN))).toBe('lines.1.packType');
    for (const q of [0, -1, 1.5, 201, Number.NaN]) expect(fieldOf(() => validateRequestLines([{ packType: 'SUTURE', quantity: q }], KNOWN))).toBe('lines.0.quantity');
  });

  it('only open requests move; the centre delivers, the asking unit cancels (property)', () => {
    fc.assert(fc.property(fc.constantFrom(...STERILE_REQUEST_STATUSES), fc.constantFrom(...STERILE_REQUEST_ACTIONS), fc.constantFrom('centre' as const, 'requester' as const, null), (status, action, side) => {
      const d = decideRequestAction(status, action, side);
      const open = status === 'requested' || status === 'partially_delivered';
      const rightSide = (action === 'deliver' ? 'centre' : 'requester') === side;
      expect(d.ok).toBe(open && rightSide);
      if (!d.ok) expect(d.code).toBe(open ? 'FORBIDDEN' : 'ILLEGAL_TRANSITION');
      // The buttons offered are exactly the allowed actions.
      expect(availableRequestActions(status, side).includes(action)).toBe(d.ok);
    }));
  });

  it('a delivery covering every line closes the request; a part leaves it partly delivered; none changes nothing', () => {
    expect(statusAfterDelivery([{ quantity: 2, delivered: 2 }, { quantity: 1, delivered: 1 }], 'requested')).toBe('delivered');
    expect(statusAfterDelivery([{ quantity: 2, delivered: 1 }, { quantity: 1, delivered: 0 }], 'requested')).toBe('partially_delivered');
    expect(statusAfterDelivery([{ quantity: 2, delivered: 0 }], 'requested')).toBe('requested');
    expect(statusAfterDelivery([{ quantity: 2, delivered: 0 }], 'partially_delivered')).toBe('partially_delivered');
  });
});
