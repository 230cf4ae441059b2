import { describe, expect, it } from 'vitest';
import { addMonths, classifyFollowUp, isControlled, type FollowUpInput } from './follow-up-rules.ts';

const htn = (o: Partial<FollowUpInput> = {}): FollowUpInput => ({ disease: 'hypertension', date: '2025-03-10', age: 60, way: 'clinic', sbp: 130, dbp: 80, symptoms: [], adverseReaction: false, complication: false, ...o });
const dm = (o: Partial<FollowUpInput> = {}): FollowUpInput => ({ disease: 'diabetes', date: '2025-03-10', age: 60, way: 'clinic', fastingGlucose: 6.0, symptoms: [], adverseReaction: false, complication: false, ...o });

describe('classifyFollowUp (docs/domain/chronic.md, nphss-3)', () => {
  it.each([
    ['139/89 at 64 is controlled', htn({ sbp: 139, dbp: 89, age: 64 }), 'satisfactory', 'routine', '2025-06-10'],
    ['140/89 at 64 is not', htn({ sbp: 140, dbp: 89, age: 64 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['139/90 at 64 is not', htn({ sbp: 139, dbp: 90, age: 64 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['149/89 at 65 is controlled', htn({ sbp: 149, dbp: 89, age: 65 }), 'satisfactory', 'routine', '2025-06-10'],
    ['150/89 at 65 is not', htn({ sbp: 150, dbp: 89, age: 65 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['145/85 at 64 is not', htn({ sbp: 145, dbp: 85, age: 64 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['a second consecutive unsatisfactory is referred', htn({ sbp: 150, dbp: 95, previous: 'unsatisfactory' }), 'unsatisfactory', 'referral_2w', '2025-03-24'],
    ['an unsatisfactory after a satisfactory is rechecked', htn({ sbp: 150, dbp: 95, previous: 'satisfactory' }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['an adverse reaction is rechecked, even when controlled', htn({ adverseReaction: true }), 'adverse_reaction', 'recheck_2w', '2025-03-24'],
    ['a persisting adverse reaction is referred', htn({ adverseReaction: true, previous: 'adverse_reaction' }), 'adverse_reaction', 'referral_2w', '2025-03-24'],
    ['a complication wins over an adverse reaction and is referred', htn({ complication: true, adverseReaction: true }), 'complication', 'referral_2w', '2025-03-24'],
    ['179/109 is not urgent', htn({ sbp: 179, dbp: 109 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['180/100 is urgent', htn({ sbp: 180, dbp: 100 }), 'unsatisfactory', 'urgent_referral', '2025-03-24'],
    ['160/110 is urgent', htn({ sbp: 160, dbp: 110 }), 'unsatisfactory', 'urgent_referral', '2025-03-24'],
    ['185/112 is urgent', htn({ sbp: 185, dbp: 112 }), 'unsatisfactory', 'urgent_referral', '2025-03-24'],
    ['chest tightness is urgent even when controlled', htn({ symptoms: ['chest_tightness'] }), 'satisfactory', 'urgent_referral', '2025-03-24'],
    ['a mild headache is not urgent', htn({ symptoms: ['headache'] }), 'satisfactory', 'routine', '2025-06-10'],
    ['pregnancy with BP 142/88 is urgent', htn({ sbp: 142, dbp: 88, pregnantOrLactating: true }), 'unsatisfactory', 'urgent_referral', '2025-03-24'],
    ['a missing BP is not controlled', htn({ sbp: null, dbp: null, way: 'phone' }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['glucose 6.9 is controlled', dm({ fastingGlucose: 6.9 }), 'satisfactory', 'routine', '2025-06-10'],
    ['glucose 7.0 is not', dm({ fastingGlucose: 7.0 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['glucose 16.6 is not urgent', dm({ fastingGlucose: 16.6 }), 'unsatisfactory', 'recheck_2w', '2025-03-24'],
    ['glucose 16.7 is urgent', dm({ fastingGlucose: 16.7 }), 'unsatisfactory', 'urgent_referral', '2025-03-24'],
    ['glucose 4.0 is controlled and not urgent', dm({ fastingGlucose: 4.0 }), 'satisfactory', 'routine', '2025-06-10'],
    ['glucose 3.9 is urgent (hypoglycaemia)', dm({ fastingGlucose: 3.9 }), 'satisfactory', 'urgent_referral', '2025-03-24'],
    ['heart rate 101 is urgent for diabetes', dm({ heartRate: 101 }), 'satisfactory', 'urgent_referral', '2025-03-24'],
    ['heart rate 100 is not', dm({ heartRate: 100 }), 'satisfactory', 'routine', '2025-06-10'],
    ['temperature 39.1 is urgent for diabetes', dm({ temperature: 39.1 }), 'satisfactory', 'urgent_referral', '2025-03-24'],
    ['ketotic breath is urgent', dm({ symptoms: ['ketotic_breath'] }), 'satisfactory', 'urgent_referral', '2025-03-24'],
    ['sweating is urgent for diabetes only', htn({ symptoms: ['sweating'] }), 'satisfactory', 'routine', '2025-06-10'],
    ['BP 180/110 is urgent for a diabetes patient', dm({ sbp: 180, dbp: 110 }), 'satisfactory', 'urgent_referral', '2025-03-24'],
    ['pregnancy with glucose 6.2 is urgent', dm({ fastingGlucose: 6.2, pregnantOrLactating: true }), 'satisfactory', 'urgent_referral', '2025-03-24'],
  ] as const)('%s', (_name, input, classification, nextStep, nextDueDate) => {
    expect(classifyFollowUp(input)).toMatchObject({ classification, nextStep, nextDueDate, ruleSet: 'nphss-3' });
  });

  it('names the urgent reasons', () => {
    expect(classifyFollowUp(htn({ sbp: 185, dbp: 112, symptoms: ['severe_headache'] })).urgentReasons).toEqual(['血压≥180/110mmHg', '剧烈头痛']);
  });

  it('refuses an unknown rule set', () => {
    expect(() => classifyFollowUp(htn(), 'guideline-2099')).toThrow(/unknown rule set/);
  });
});

describe('isControlled', () => {
  it('uses the elderly threshold from 65', () => {
    expect(isControlled({ disease: 'hypertension', age: 65, sbp: 145, dbp: 85 })).toBe(true);
    expect(isControlled({ disease: 'hypertension', age: 64, sbp: 145, dbp: 85 })).toBe(false);
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2025-03-10', 3)).toBe('2025-06-10');
  });
});
