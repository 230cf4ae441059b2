import { describe, expect, it } from 'vitest';
import { DEFAULT_INSURANCE_POLICY, mergePolicy } from '@yigong/domain';
import { ApiError } from '../../shared/api/api-client.ts';
import { policyFieldErrors } from './policy-errors.ts';
import { changesOf, scenarioFieldOf, scenarioValuesOf } from './scenario-changes.ts';

const actual = mergePolicy(DEFAULT_INSURANCE_POLICY, { financing: 4848000000, financingPrevYear: 4617142900 });
const A = '04043c12-6c38-4548-9816-5ce73b3dbb0e';

describe('changesOf', () => {
  it('changes nothing while the editor shows the actual year', () => {
    expect(changesOf(actual, scenarioValuesOf(actual))).toEqual({});
  });

  it('sends only the parameters that differ, in fen and ratios', () => {
    const v = { ...scenarioValuesOf(actual), levelWeights: { hospital: 1, center: 3, village: 1 }, budgetShare: 97, outlay: 40_000_000.5, score: 95 };
    expect(changesOf(actual, v)).toEqual({ policy: { budgetShare: 0.97, levelWeights: { hospital: 1, center: 3, village: 1 } }, outlay: 4_000_000_050, score: 95 });
  });

  it('leaves an emptied field unchanged instead of sending a hole', () => {
    const v = { ...scenarioValuesOf(actual), financing: null, levelWeights: { hospital: null, center: 3, village: 1 } };
    expect(changesOf(actual, v)).toEqual({});
  });

  it('sends a member given a score or a population, and drops rows without either', () => {
    const v = { ...scenarioValuesOf(actual), memberScores: [{ organizationId: A, score: 90 }, { organizationId: 'b', score: null }, { score: 80 }] };
    expect(changesOf(actual, v).memberScores).toEqual([{ organizationId: A, score: 90 }]);
  });

  it('reopens saved changes as the editor values they came from', () => {
    const changes = { policy: { retention: [{ minScore: 85, ratio: 1 }, { minScore: 0, ratio: 0.5 }] }, score: 88, memberScores: [{ organizationId: A, population: 1200 }] };
    expect(changesOf(actual, scenarioValuesOf(actual, changes))).toEqual(changes);
  });
});

describe('the field of a refused request', () => {
  it('puts a what-if problem on the scenario editor’s field', () => {
    const v = scenarioValuesOf(actual, { memberScores: [{ organizationId: A, score: 120 }] });
    expect(scenarioFieldOf('scenario.policy.retention[1].ratio', v)).toEqual(['retention', 1, 'ratio']);
    expect(scenarioFieldOf(`memberScores.${A}`, v)).toEqual(['memberScores', 0, 'score']);
    expect(scenarioFieldOf('scenario.policy.dip.base', v)).toBeNull();
  });

  it('puts every policy problem the server lists on its field', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', '医共体预算比例不得低于 95%', {
      field: 'budgetShare',
      problems: [
        { field: 'budgetShare', message: '医共体预算比例不得低于 95%' },
        { field: 'retention[2].minScore', message: '结余留用比例表须按分数从高到低排列' },
        { field: 'dip.uniformGroups[0]', message: '病种组须为 3 位 ICD-10 类目（如 I10）' },
      ],
    });
    expect(policyFieldErrors(e)).toEqual([
      { name: ['budgetShare'], errors: ['医共体预算比例不得低于 95%'] },
      { name: ['retention', 2, 'minScore'], errors: ['结余留用比例表须按分数从高到低排列'] },
      { name: ['dip', 'uniformGroups'], errors: ['病种组须为 3 位 ICD-10 类目（如 I10）'] },
    ]);
  });

  it('reads zod issues and ignores fields the editor does not have', () => {
    const e = new ApiError(400, 'VALIDATION_FAILED', 'invalid', { issues: [{ path: ['body', 'reason'], message: 'too short' }, { path: ['body', 'year'], message: 'x' }] });
    expect(policyFieldErrors(e)).toEqual([{ name: ['reason'], errors: ['too short'] }]);
    expect(policyFieldErrors(new ApiError(409, 'CONFLICT', 'no'))).toEqual([]);
  });
});
