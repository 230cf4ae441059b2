import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PACK_ACTIONS,
  PACK_RULES,
  PACK_STATUSES,
  WRAP_MATERIALS,
  availablePackActions,
  decidePackTransition,
  expiryDate,
  gs1CheckDigit,
  isBusinessDate,
  isExpired,
  makePackBarcode,
  parsePackBarcode,
  shelfLifeDays,
  storageMeetsStandard,
  type PackAction,
  type PackFacts,
  type PackStatus,
  type PackTransitionInput,
} from './packs.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('shelf life (docs/domain/sterile-supply.md "Wraps and shelf life")', () => {
  it('gives cotton 14 days in a standard store and 7 otherwise; paper bags 30; the rest 180', () => {
    expect(shelfLifeDays('cotton', true)).toBe(14);
    expect(shelfLifeDays('cotton', false)).toBe(7);
    expect(shelfLifeDays('medical_paper_bag', false)).toBe(30);
    for (const w of ['crepe_paper', 'non_woven', 'paper_plastic_pouch', 'rigid_container'] as const) {
      expect(shelfLifeDays(w, true)).toBe(180);
      expect(shelfLifeDays(w, false)).toBe(180);
    }
  });

  it('counts the day of sterilisation as day 1', () => {
    expect(expiryDate('2026-03-01', 'cotton', true)).toBe('2026-03-14');
    expect(expiryDate('2026-03-01', 'cotton', false)).toBe('2026-03-07');
    expect(expiryDate('2026-02-01', 'medical_paper_bag', true)).toBe('2026-03-02');
    expect(expiryDate('2024-12-31', 'rigid_container', true)).toBe('2025-06-28');
    expect(isExpired('2026-03-14', '2026-03-14')).toBe(false);
    expect(isExpired('2026-03-14', '2026-03-15')).toBe(true);
  });

  it('crosses month and leap-day boundaries', () => {
    expect(expiryDate('2024-02-20', 'cotton', true)).toBe('2024-03-04');
    expect(expiryDate('2025-02-20', 'cotton', true)).toBe('2025-03-05');
  });

  it('refuses a date that is not YYYY-MM-DD or not a real day', () => {
    expect(fieldOf(() => expiryDate('2026-3-1', 'cotton', true))).toBe('sterilisedOn');
    expect(fieldOf(() => expiryDate('2025-02-29', 'cotton', true))).toBe('sterilisedOn');
    expect(fieldOf(() => shelfLifeDays('linen' as never, true))).toBe('wrap');
  });

  it('judges the store strictly below 24 °C and 70 %', () => {
    expect(storageMeetsStandard({ temperatureC: 23.9, humidityPct: 69 })).toBe(true);
    expect(storageMeetsStandard({ temperatureC: 24, humidityPct: 50 })).toBe(false);
    expect(storageMeetsStandard({ temperatureC: 20, humidityPct: 70 })).toBe(false);
  });

  it('always lands shelf-life − 1 days after sterilisation, a real date', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...WRAP_MATERIALS), fc.boolean(), (d, w, ok) => {
        const e = expiryDate(d, w, ok);
        expect(isBusinessDate(e)).toBe(true);
        expect((Date.parse(e) - Date.parse(d)) / 86_400_000).toBe(shelfLifeDays(w, ok) - 1);
      }),
    );
  });
});

describe('pack barcode (docs/domain/sterile-supply.md "Pack barcode")', () => {
  it('computes the GS1 mod-10 check digit', () => {
    // GS1's own example: GTIN-13 629104150021 → 3.
    expect(gs1CheckDigit('629104150021')).toBe(3);
    expect(gs1CheckDigit('0000000000000')).toBe(0);
  });

  it('writes CS, yyMMdd, batch, pack and the check digit', () => {
    const code = makePackBarcode({ sterilisedOn: '2026-03-01', batchSeq: 2, packSeq: 15 });
    expect(code).toMatch(/^CS2603010020015\d$/);
    expect(code.slice(-1)).toBe(String(gs1CheckDigit('2603010020015')));
    expect(parsePackBarcode(code)).toEqual({ sterilisedOn: '2026-03-01', batchSeq: 2, packSeq: 15 });
    expect(parsePackBarcode(` ${code.toLowerCase()}\n`)).toEqual({ sterilisedOn: '2026-03-01', batchSeq: 2, packSeq: 15 });
  });

  it('refuses bad parts when making and bad codes when reading', () => {
    expect(fieldOf(() => makePackBarcode({ sterilisedOn: '1999-12-31', batchSeq: 1, packSeq: 1 }))).toBe('sterilisedOn');
    expect(fieldOf(() => makePackBarcode({ sterilisedOn: '2026-03-01', batchSeq: 0, packSeq: 1 }))).toBe('batchSeq');
    expect(fieldOf(() => makePackBarcode({ sterilisedOn: '2026-03-01', batchSeq: 1000, packSeq: 1 }))).toBe('batchSeq');
    expect(fieldOf(() => makePackBarcode({ sterilisedOn: '2026-03-01', batchSeq: 1, packSeq: 1.5 }))).toBe('packSeq');
    for (const bad of ['', 'CS', 'XX26030100200150', 'CS260301002001', 'CS2603010020015AB']) expect(fieldOf(() => parsePackBarcode(bad))).toBe('barcode');
    // A right check digit over an impossible date (13th month) or a zero sequence is still refused.
    const withCheck = (digits: string) => `CS${digits}${gs1CheckDigit(digits)}`;
    expect(fieldOf(() => parsePackBarcode(withCheck('2613010020015')))).toBe('barcode');
    expect(fieldOf(() => parsePackBarcode(withCheck('2603010000015')))).toBe('barcode');
    expect(fieldOf(() => parsePackBarcode(withCheck('2603010020000')))).toBe('barcode');
  });

  const partsArb = fc.record({ sterilisedOn: dateArb, batchSeq: fc.integer({ min: 1, max: 999 }), packSeq: fc.integer({ min: 1, max: 9999 }) });

  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        expect(parsePackBarcode(makePackBarcode(p))).toEqual(p);
      }),
      { numRuns: 1000 },
    );
  });

  it('detects any change of a single digit, the check digit included', () => {
    fc.assert(
      fc.property(partsArb, fc.integer({ min: 2, max: 15 }), fc.integer({ min: 1, max: 9 }), (p, pos, delta) => {
        const code = makePackBarcode(p);
        const d = (Number(code[pos]) + delta) % 10;
        const changed = `${code.slice(0, pos)}${d}${code.slice(pos + 1)}`;
        expect(changed).not.toBe(code);
        expect(fieldOf(() => parsePackBarcode(changed))).toBe('barcode');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decidePackTransition (docs/domain/sterile-supply.md "Pack states")', () => {
  const today = '2026-03-10';
  const base: PackFacts = { status: 'sterilised', expiresOn: '2026-03-14', deliveredToOrganizationId: null, batch: { released: true, recalled: false } };
  const at = (status: PackStatus, more: Partial<PackFacts> = {}): PackFacts => ({ ...base, status, deliveredToOrganizationId: status === 'delivered' ? 'org-a' : null, ...more });

  it('walks sterilised → released → delivered → used', () => {
    expect(decidePackTransition(at('sterilised'), 'release', {}, today)).toEqual({ ok: true, to: 'released' });
    expect(decidePackTransition(at('released'), 'deliver', { organizationId: 'org-a' }, today)).toEqual({ ok: true, to: 'delivered' });
    expect(decidePackTransition(at('delivered'), 'use', { organizationId: 'org-a', residentId: 'r1' }, today)).toEqual({ ok: true, to: 'used' });
  });

  it('releases only packs of a batch that passed and is not recalled', () => {
    expect(decidePackTransition(at('sterilised', { batch: { released: false, recalled: false } }), 'release', {}, today)).toMatchObject({ ok: false, code: 'CONFLICT', field: 'batch' });
    expect(decidePackTransition(at('sterilised', { batch: { released: true, recalled: true } }), 'release', {}, today)).toMatchObject({ ok: false, code: 'CONFLICT', field: 'batch' });
    expect(decidePackTransition(at('released'), 'release', {}, today)).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });

  it('needs the organisation to deliver, the resident to use and the wrap state to return (400)', () => {
    expect(decidePackTransition(at('released'), 'deliver', {}, today)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'organizationId' });
    expect(decidePackTransition(at('delivered'), 'use', { organizationId: 'org-a', residentId: ' ' }, today)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'residentId' });
    expect(decidePackTransition(at('delivered'), 'return', { wrapIntact: null }, today)).toMatchObject({ code: 'VALIDATION_FAILED', field: 'wrapIntact' });
  });

  it('is used only at the organisation it was delivered to', () => {
    expect(decidePackTransition(at('delivered'), 'use', { organizationId: 'org-b', residentId: 'r1' }, today)).toMatchObject({ code: 'CONFLICT', field: 'organizationId' });
  });

  it('refuses to deliver or use a pack past its last day, and expires it only then', () => {
    const late = addDays(base.expiresOn, 1);
    expect(decidePackTransition(at('released'), 'deliver', { organizationId: 'org-a' }, late)).toMatchObject({ code: 'CONFLICT', field: 'expiresOn' });
    expect(decidePackTransition(at('delivered'), 'use', { organizationId: 'org-a', residentId: 'r1' }, late)).toMatchObject({ code: 'CONFLICT', field: 'expiresOn' });
    expect(decidePackTransition(at('delivered'), 'use', { organizationId: 'org-a', residentId: 'r1' }, base.expiresOn)).toEqual({ ok: true, to: 'used' });
    expect(decidePackTransition(at('released'), 'expire', {}, base.expiresOn)).toMatchObject({ code: 'CONFLICT', field: 'expiresOn' });
    expect(decidePackTransition(at('released'), 'expire', {}, late)).toEqual({ ok: true, to: 'expired' });
  });

  it('puts a returned pack back on the shelf only when intact, in date and not recalled', () => {
    expect(decidePackTransition(at('delivered'), 'return', { wrapIntact: true }, today)).toEqual({ ok: true, to: 'released' });
    expect(decidePackTransition(at('delivered'), 'return', { wrapIntact: false }, today)).toEqual({ ok: true, to: 'returned' });
    expect(decidePackTransition(at('delivered'), 'return', { wrapIntact: true }, '2026-03-15')).toEqual({ ok: true, to: 'returned' });
    expect(decidePackTransition(at('delivered', { batch: { released: true, recalled: true } }), 'return', { wrapIntact: true }, today)).toEqual({ ok: true, to: 'returned' });
  });

  it('recalls any pack not used, only when its batch is recalled', () => {
    const recalled = { batch: { released: true, recalled: true } };
    for (const s of ['sterilised', 'released', 'delivered', 'returned', 'expired'] as const) expect(decidePackTransition(at(s, recalled), 'recall', {}, today)).toEqual({ ok: true, to: 'recalled' });
    expect(decidePackTransition(at('used', recalled), 'recall', {}, today)).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(decidePackTransition(at('released'), 'recall', {}, today)).toMatchObject({ code: 'CONFLICT', field: 'batch' });
    expect(decidePackTransition(at('delivered', recalled), 'use', { organizationId: 'org-a', residentId: 'r1' }, today)).toMatchObject({ code: 'CONFLICT', field: 'batch' });
  });

  it('offers the buttons of the table', () => {
    expect(availablePackActions('delivered')).toEqual(['use', 'return', 'expire', 'recall']);
    expect(availablePackActions('used')).toEqual([]);
    expect(availablePackActions('recalled')).toEqual([]);
  });

  // Random histories: any action, any input, any day, any batch facts.
  const stepArb = fc.record({
    action: fc.constantFrom(...PACK_ACTIONS),
    org: fc.constantFrom('org-a', 'org-b', undefined),
    resident: fc.constantFrom('r1', '', undefined),
    wrapIntact: fc.constantFrom(true, false, undefined),
    dayOffset: fc.integer({ min: -20, max: 40 }),
    batchReleased: fc.boolean(),
    batchRecalled: fc.boolean(),
  });

  type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

  function run(steps: Step[], check: (before: PackFacts, action: PackAction, day: string, res: ReturnType<typeof decidePackTransition>) => void): void {
    let pack: PackFacts = { ...base, status: 'sterilised' };
    for (const s of steps) {
      pack = { ...pack, batch: { released: s.batchReleased, recalled: s.batchRecalled } };
      const day = addDays('2026-03-01', s.dayOffset);
      const input: PackTransitionInput = { organizationId: s.org, residentId: s.resident, wrapIntact: s.wrapIntact };
      const res = decidePackTransition(pack, s.action, input, day);
      check(pack, s.action, day, res);
      if (res.ok) {
        expect(PACK_RULES[s.action].from).toContain(pack.status);
        expect(PACK_STATUSES).toContain(res.to);
        pack = { ...pack, status: res.to, deliveredToOrganizationId: res.to === 'delivered' ? (s.org ?? null) : res.to === 'used' ? pack.deliveredToOrganizationId : null };
      }
    }
  }

  it('never moves a used pack again', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        run(steps, (before, _a, _d, res) => {
          if (before.status === 'used' || before.status === 'recalled') expect(res).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('never delivers or uses a pack that is expired, by status or by date', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        run(steps, (before, action, day, res) => {
          if ((action === 'deliver' || action === 'use') && (before.status === 'expired' || isExpired(before.expiresOn, day))) expect(res.ok).toBe(false);
          if (res.ok && res.to === 'used') expect(isExpired(before.expiresOn, day)).toBe(false);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
