import { describe, expect, it } from 'vitest';
import { childrenFirst } from './tenancy-check.ts';

describe('childrenFirst', () => {
  it('puts every table before the tables it references, ignoring a reference to itself', () => {
    const order = childrenFirst(['community', 'organization', 'resident', 'encounter'], [
      { from: 'organization', to: 'community' },
      { from: 'organization', to: 'organization' },
      { from: 'resident', to: 'organization' },
      { from: 'encounter', to: 'resident' },
      { from: 'encounter', to: 'organization' },
    ]);
    expect(order).toEqual(['encounter', 'resident', 'organization', 'community']);
  });

  it('ignores references to tables outside the list and keeps unrelated tables', () => {
    expect(childrenFirst(['grid', 'resident_problem'], [{ from: 'resident_problem', to: 'icd10' }])).toEqual(['grid', 'resident_problem']);
  });

  it('refuses a cycle between two tables', () => {
    expect(() => childrenFirst(['a', 'b'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }])).toThrow(/cycle among a, b/);
  });
});
