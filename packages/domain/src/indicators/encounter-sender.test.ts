import { describe, expect, it } from 'vitest';
import { senderRefusal, type EncounterSender } from './encounter-sender.ts';

const township: EncounterSender = { kind: 'organization', code: 'WKZ', unitCodes: new Set(['WKZ', 'WKZ-01']) };
const line = (o: Partial<{ source: string; orgCode: string; outOfCounty: boolean }>) => ({ source: 'WKZ', orgCode: 'WKZ', outOfCounty: false, ...o });

describe('who may send which encounters (docs/domain/encounters.md)', () => {
  it('lets a community manager relay any unit and out-of-county care', () => {
    expect(senderRefusal({ kind: 'community' }, line({ source: 'HIS-X', orgCode: 'LH' }))).toBeNull();
    expect(senderRefusal({ kind: 'community' }, line({ source: 'insurance', outOfCounty: true }))).toBeNull();
  });

  it('lets the insurance agency send only out-of-county care under its own source', () => {
    expect(senderRefusal({ kind: 'insurance' }, line({ source: 'insurance', outOfCounty: true, orgCode: '浙大一院' }))).toBeNull();
    expect(senderRefusal({ kind: 'insurance' }, line({ source: 'insurance', outOfCounty: false }))).toMatch(/县外/);
    expect(senderRefusal({ kind: 'insurance' }, line({ source: 'HIS-X', outOfCounty: true }))).toMatch(/source/);
  });

  it('lets a unit send its own and its village clinics’ encounters, nothing else', () => {
    expect(senderRefusal(township, line({}))).toBeNull();
    expect(senderRefusal(township, line({ orgCode: 'WKZ-01' }))).toBeNull();
    expect(senderRefusal(township, line({ orgCode: 'LH' }))).toMatch(/不属于/);
    expect(senderRefusal(township, line({ source: 'LH' }))).toMatch(/source/);
    expect(senderRefusal(township, line({ outOfCounty: true }))).toMatch(/医保/);
  });
});
