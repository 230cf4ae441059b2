import { describe, expect, it } from 'vitest';
import { groupToRetrieve } from './recall-groups.ts';

const p = (barcode: string, organizationId: string | null, organizationName: string | null) => ({ barcode, status: 'delivered' as const, organizationId, organizationName });

describe('groupToRetrieve', () => {
  it('groups the packs by the unit holding them, by name, the centre last', () => {
    const groups = groupToRetrieve([p('CS3', null, null), p('CS2', 'b', '新市镇卫生院'), p('CS1', 'a', '洛舍镇卫生院'), p('CS0', 'b', '新市镇卫生院')]);
    expect(groups.map((g) => [g.organizationName, g.packs.map((x) => x.barcode)])).toEqual([
      ['洛舍镇卫生院', ['CS1']],
      ['新市镇卫生院', ['CS0', 'CS2']],
      [null, ['CS3']],
    ]);
  });

  it('gives no group when nothing is to be fetched back', () => {
    expect(groupToRetrieve([])).toEqual([]);
  });
});
