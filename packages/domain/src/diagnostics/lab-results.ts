import { invalid } from '../shared/domain-error.ts';

/** One lab observation as a centre sends it (docs/domain/diagnostics.md "Lab results"). */
export interface Observation {
  code: string;
  name?: string;
  /** A number, or a text result ('阴性', '+', 'A 型'). */
  value: number | string;
  unit?: string;
  /** Reference range (参考区间), inclusive at both ends; either end may be missing. */
  low?: number;
  high?: number;
  /** Critical limits (危急值界限): a value strictly beyond one is critical. */
  criticalLow?: number;
  criticalHigh?: number;
}

/** docs/domain/diagnostics.md "Lab results": at most 200 observations per order. */
export const MAX_OBSERVATIONS = 200;

const LIMITS = ['low', 'high', 'criticalLow', 'criticalHigh'] as const;

/**
 * Checks the observations of one lab result (docs/domain/diagnostics.md "Lab results") and throws
 * `VALIDATION_FAILED` naming the first offending field, e.g. `observations[2].high`: an empty list
 * or more than 200; an empty code or a code already used; a number that is not finite; an empty
 * text value; low > high; criticalLow > low or criticalHigh < high (each when both are given);
 * criticalLow > criticalHigh.
 */
export function validateObservations(observations: readonly Observation[]): void {
  if (observations.length === 0) throw invalid('检验结果至少需要一项', 'observations');
  if (observations.length > MAX_OBSERVATIONS) throw invalid(`检验结果最多 ${MAX_OBSERVATIONS} 项`, 'observations', { count: observations.length });
  const seen = new Set<string>();
  observations.forEach((o, i) => {
    const at = (f: string) => `observations[${i}].${f}`;
    const code = typeof o.code === 'string' ? o.code.trim() : '';
    if (code === '') throw invalid('检验项目代码不能为空', at('code'));
    if (seen.has(code)) throw invalid(`检验项目代码重复：${code}`, at('code'));
    seen.add(code);
    if (typeof o.value === 'number' && !Number.isFinite(o.value)) throw invalid('检验结果须为有限数值', at('value'));
    if (typeof o.value === 'string' && o.value.trim() === '') throw invalid('检验结果不能为空', at('value'));
    if (typeof o.value !== 'number' && typeof o.value !== 'string') throw invalid('检验结果须为数值或文本', at('value'));
    for (const f of LIMITS) {
      const v = o[f];
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw invalid('界限须为有限数值', at(f));
    }
    const { low, high, criticalLow, criticalHigh } = o;
    if (low !== undefined && high !== undefined && low > high) throw invalid('参考区间下限大于上限', at('high'));
    if (criticalLow !== undefined && low !== undefined && criticalLow > low) throw invalid('危急值下限不能高于参考区间下限', at('criticalLow'));
    if (criticalHigh !== undefined && high !== undefined && criticalHigh < high) throw invalid('危急值上限不能低于参考区间上限', at('criticalHigh'));
    if (criticalLow !== undefined && criticalHigh !== undefined && criticalLow > criticalHigh) throw invalid('危急值下限大于上限', at('criticalHigh'));
  });
}

/** HL7 v2 table 0078 (Interpretation Codes), the subset used here. */
export const INTERPRETATION_FLAGS = ['LL', 'L', 'N', 'H', 'HH'] as const;
export type InterpretationFlag = (typeof INTERPRETATION_FLAGS)[number];

export const INTERPRETATION_LABELS: Readonly<Record<InterpretationFlag, string>> = { LL: '危急偏低', L: '偏低', N: '正常', H: '偏高', HH: '危急偏高' };

/**
 * HL7 v2 interpretation flag of one observation (docs/domain/diagnostics.md "Interpretation
 * flags"): LL / HH when strictly beyond a critical limit; else L / H when strictly outside the
 * reference range; else N when a reference limit is given. Null for a text value, and for a
 * number with no reference limit that breaches no critical limit (nothing to compare with).
 */
export function interpret(o: Pick<Observation, 'value' | 'low' | 'high' | 'criticalLow' | 'criticalHigh'>): InterpretationFlag | null {
  if (typeof o.value !== 'number') return null;
  const v = o.value;
  if (o.criticalLow !== undefined && v < o.criticalLow) return 'LL';
  if (o.criticalHigh !== undefined && v > o.criticalHigh) return 'HH';
  if (o.low !== undefined && v < o.low) return 'L';
  if (o.high !== undefined && v > o.high) return 'H';
  return o.low !== undefined || o.high !== undefined ? 'N' : null;
}

/** A critical value (危急值) is present when any flag is LL or HH. */
export function isCritical(flags: InterpretationFlag | null | readonly (InterpretationFlag | null)[]): boolean {
  const list = Array.isArray(flags) ? flags : [flags];
  return list.some((f) => f === 'LL' || f === 'HH');
}
