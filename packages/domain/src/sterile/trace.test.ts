import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recallImpact, traceChain, type PackEvent, type PackEventKind } from './trace.ts';
import { PACK_ACTIONS, decidePackTransition, type PackAction, type PackFacts } from './packs.ts';
import { fieldOf } from '../shared/field-of-error.test-support.ts';

const EVENT_OF: Record<PackAction, PackEventKind> = { release: 'released', deliver: 'delivered', use: 'used', return: 'returned', expire: 'expired', recall: 'recalled' };
const t = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
const sterilised: PackEvent = { kind: 'sterilised', at: t(0), batchId: 'b1' };
const released: PackEvent = { kind: 'released', at: t(1) };
const delivered: PackEvent = { kind: 'delivered', at: t(2), organizationId: 'org-a' };
const used: PackEvent = { kind: 'used', at: t(3), organizationId: 'org-a', residentId: 'r1' };

describe('traceChain (docs/domain/sterile-supply.md "Traceability")', () => {
  it('orders the events by time and follows them to the final status', () => {
    const res = traceChain([used, released, sterilised, delivered]);
    expect(res.chain.map((e) => e.kind)).toEqual(['sterilised', 'released', 'delivered', 'used']);
    expect(res).toMatchObject({ valid: true, issues: [], status: 'used', holderOrganizationId: 'org-a' });
  });

  it('keeps the given order of events at the same instant', () => {
    const res = traceChain([sterilised, { ...released, at: t(0) }, { ...delivered, at: t(0) }]);
    expect(res.chain.map((e) => e.kind)).toEqual(['sterilised', 'released', 'delivered']);
    expect(res.valid).toBe(true);
  });

  it('reports a use before delivery, and skips it', () => {
    const res = traceChain([sterilised, released, { ...used, at: t(1.5) }, delivered]);
    expect(res.valid).toBe(false);
    expect(res.issues).toEqual([{ index: 2, kind: 'used', message: '「已放行」状态下不能「使用」' }]);
    expect(res.status).toBe('delivered');
  });

  it('reports a chain that does not start with sterilisation, a second sterilisation and missing names', () => {
    expect(traceChain([released]).issues[0]!.message).toBe('追溯链须从灭菌事件开始');
    expect(traceChain([released]).status).toBeNull();
    expect(traceChain([sterilised, { ...sterilised, at: t(1) }]).issues[0]!.index).toBe(1);
    expect(traceChain([{ ...sterilised, batchId: null }]).valid).toBe(false);
    expect(traceChain([sterilised, released, { ...delivered, organizationId: '' }]).issues[0]!.message).toBe('发放事件缺少接收机构');
    expect(traceChain([sterilised, released, delivered, { ...used, residentId: null }]).issues[0]!.message).toBe('使用事件缺少患者');
    expect(traceChain([sterilised, released, delivered, { ...used, organizationId: 'org-b' }]).issues[0]!.message).toBe('使用机构与发放机构不一致');
    expect(traceChain([]).valid).toBe(false);
  });

  it('puts a restocked return back on the shelf, and sends the others to reprocessing', () => {
    const back = traceChain([sterilised, released, delivered, { kind: 'returned', at: t(3), restocked: true }, { ...delivered, at: t(4), organizationId: 'org-b' }]);
    expect(back).toMatchObject({ valid: true, status: 'delivered', holderOrganizationId: 'org-b' });
    const gone = traceChain([sterilised, released, delivered, { kind: 'returned', at: t(3) }, { ...delivered, at: t(4) }]);
    expect(gone.valid).toBe(false);
    expect(gone.status).toBe('returned');
    expect(gone.holderOrganizationId).toBeNull();
  });

  it('refuses malformed events', () => {
    expect(fieldOf(() => traceChain([sterilised, { kind: 'opened' as never, at: t(1) }]))).toBe('events.1.kind');
    expect(fieldOf(() => traceChain([{ ...sterilised, at: new Date('x') }]))).toBe('events.0.at');
  });

  it('accepts exactly the histories decidePackTransition produces', () => {
    // Build histories by applying random actions through the decision; the chain must be valid and end in the same status.
    const stepArb = fc.record({ action: fc.constantFrom(...PACK_ACTIONS), org: fc.constantFrom('org-a', 'org-b'), intact: fc.boolean(), recalled: fc.boolean(), late: fc.boolean() });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), (steps) => {
        let pack: PackFacts = { status: 'sterilised', expiresOn: '2026-03-14', deliveredToOrganizationId: null, batch: { released: true, recalled: false } };
        const events: PackEvent[] = [sterilised];
        steps.forEach((s, i) => {
          pack = { ...pack, batch: { released: true, recalled: s.recalled } };
          const org = s.action === 'use' ? (pack.deliveredToOrganizationId ?? s.org) : s.org;
          const res = decidePackTransition(pack, s.action, { organizationId: org, residentId: 'r1', wrapIntact: s.intact }, s.late ? '2026-03-20' : '2026-03-10');
          if (!res.ok) return;
          const kind = EVENT_OF[s.action];
          events.push({ kind, at: t(i + 1), organizationId: org, residentId: 'r1', restocked: s.action === 'return' ? res.to === 'released' : null });
          pack = { ...pack, status: res.to, deliveredToOrganizationId: res.to === 'delivered' ? org : res.to === 'used' ? pack.deliveredToOrganizationId : null };
        });
        const shuffled = [...events].reverse();
        const res = traceChain(shuffled);
        expect(res.issues).toEqual([]);
        expect(res.status).toBe(pack.status);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('recallImpact (docs/domain/sterile-supply.md "Recall")', () => {
  it('lists the residents already treated with a pack of the batch, and the packs to fetch back', () => {
    const impact = recallImpact([
      { barcode: 'P1', events: [sterilised, released, delivered, used] },
      { barcode: 'P2', events: [sterilised, released, { ...delivered, organizationId: 'org-b' }, { ...used, at: t(2.5), organizationId: 'org-b', residentId: 'r2' }] },
      { barcode: 'P3', events: [sterilised, released, { ...delivered, organizationId: 'org-c' }] },
      { barcode: 'P4', events: [sterilised, released] },
      { barcode: 'P5', events: [sterilised, released, delivered, { kind: 'recalled', at: t(5) }] },
      { barcode: 'P6', events: [sterilised, { ...used, residentId: 'r3' }] },
    ]);
    expect(impact.used).toEqual([
      { barcode: 'P2', residentId: 'r2', organizationId: 'org-b', usedAt: t(2.5) },
      { barcode: 'P1', residentId: 'r1', organizationId: 'org-a', usedAt: t(3) },
      { barcode: 'P6', residentId: 'r3', organizationId: 'org-a', usedAt: t(3) },
    ]);
    expect(impact.residentIds).toEqual(['r1', 'r2', 'r3']);
    expect(impact.toRetrieve).toEqual([
      { barcode: 'P3', status: 'delivered', organizationId: 'org-c' },
      { barcode: 'P4', status: 'released', organizationId: null },
    ]);
    expect(impact.organizationIds).toEqual(['org-a', 'org-b', 'org-c']);
    // P6 was "used" without ever being released or delivered: notified anyway, and flagged.
    expect(impact.unclear).toEqual(['P6']);
  });

  it('is empty for an empty batch', () => {
    expect(recallImpact([])).toEqual({ used: [], residentIds: [], toRetrieve: [], organizationIds: [], unclear: [] });
  });
});
