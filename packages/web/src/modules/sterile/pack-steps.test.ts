import { describe, expect, it } from 'vitest';
import type { PackEventKind } from '@yigong/domain';
import { packSteps } from './pack-steps.ts';

const ev = (kind: PackEventKind, at: string, organizationName: string | null = null) => ({ kind, at, organizationName, residentId: kind === 'used' ? 'r1' : null });
const made = ev('sterilised', '2026-03-01T02:00:00Z');
const released = ev('released', '2026-03-01T03:00:00Z');
const delivered = ev('delivered', '2026-03-02T01:00:00Z', '新市镇卫生院');

const shape = (status: Parameters<typeof packSteps>[0], events: Parameters<typeof packSteps>[1]) => packSteps(status, events).map((s) => [s.kind, s.state, s.at]);

describe('packSteps', () => {
  it('shows a held pack waiting for release', () => {
    expect(shape('sterilised', [made])).toEqual([
      ['sterilised', 'finish', made.at],
      ['released', 'process', null],
      ['delivered', 'wait', null],
      ['used', 'wait', null],
    ]);
  });

  it('runs from sterilisation to use on a patient, with the unit it was used at', () => {
    const used = ev('used', '2026-03-03T06:00:00Z', '新市镇卫生院');
    const steps = packSteps('used', [made, released, delivered, used]);
    expect(steps.every((s) => s.state === 'finish')).toBe(true);
    expect(steps[3]).toEqual({ kind: 'used', state: 'finish', at: used.at, organizationName: '新市镇卫生院' });
  });

  it('takes the latest delivery of a pack returned intact and delivered again, and forgets it once back on the shelf', () => {
    const back = ev('returned', '2026-03-02T05:00:00Z', '新市镇卫生院');
    const again = ev('delivered', '2026-03-04T01:00:00Z', '洛舍镇卫生院');
    expect(packSteps('delivered', [made, released, delivered, back, again])[2]).toMatchObject({ state: 'finish', at: again.at, organizationName: '洛舍镇卫生院' });
    expect(shape('released', [made, released, delivered, back])[2]).toEqual(['delivered', 'process', null]);
  });

  it('ends a recalled pack of a held batch in red after sterilisation', () => {
    const recalled = ev('recalled', '2026-03-03T00:00:00Z');
    expect(shape('recalled', [made, recalled])).toEqual([
      ['sterilised', 'finish', made.at],
      ['recalled', 'error', recalled.at],
    ]);
  });

  it('ends a pack returned for reprocessing after its delivery', () => {
    const back = ev('returned', '2026-03-02T05:00:00Z', '新市镇卫生院');
    expect(shape('returned', [made, released, delivered, back])).toEqual([
      ['sterilised', 'finish', made.at],
      ['released', 'finish', released.at],
      ['delivered', 'finish', delivered.at],
      ['returned', 'error', back.at],
    ]);
  });

  it('ends an expired pack on the shelf after its release', () => {
    const expired = ev('expired', '2026-03-15T16:00:00Z');
    expect(shape('expired', [made, released, expired]).map((s) => s[0])).toEqual(['sterilised', 'released', 'expired']);
  });
});
