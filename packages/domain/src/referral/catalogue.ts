import { isGrassrootsKind } from '../org/org-kinds.ts';

/**
 * Referral disease catalogue (转诊病种目录, docs/domain/referral.md "Catalogue"): per community and
 * level, ICD-10 codes or ranges with a rule. Applied to the primary diagnosis on submission; the
 * result is stored.
 */
export const CATALOGUE_RULES = ['refer_up', 'may_treat', 'down_when_stable'] as const;
export type CatalogueRule = (typeof CATALOGUE_RULES)[number];

/** The level whose catalogue applies: grassroots units, or county-level hospitals. */
export const CATALOGUE_LEVELS = ['grassroots', 'county'] as const;
export type CatalogueLevel = (typeof CATALOGUE_LEVELS)[number];

export interface CatalogueEntry {
  level: CatalogueLevel;
  /** Inclusive ICD-10 range, e.g. I10–I15 or a single code (from = to); 3- or 4-character codes. */
  codeFrom: string;
  codeTo: string;
  rule: CatalogueRule;
}

export interface CatalogueCheck {
  rule: CatalogueRule | null;
  matched: boolean;
  code: string;
  range: string | null;
}

/** Compares ICD-10 codes at the precision of the bound: `I10.9` lies in `I10–I15`. */
function within(code: string, from: string, to: string): boolean {
  const c = code.toUpperCase();
  const lo = c.slice(0, from.length);
  const hi = c.slice(0, to.length);
  return lo >= from.toUpperCase() && hi <= to.toUpperCase();
}

/** The most specific matching entry (narrowest range, 4-character before 3-character) wins. */
export function checkCatalogue(entries: readonly CatalogueEntry[], level: CatalogueLevel, code: string): CatalogueCheck {
  const hits = entries
    .filter((e) => e.level === level && within(code, e.codeFrom, e.codeTo))
    .sort((a, b) => b.codeFrom.length - a.codeFrom.length || span(a) - span(b));
  const best = hits[0];
  return best
    ? { rule: best.rule, matched: true, code, range: best.codeFrom === best.codeTo ? best.codeFrom : `${best.codeFrom}–${best.codeTo}` }
    : { rule: null, matched: false, code, range: null };
}

function span(e: CatalogueEntry): number {
  const n = (s: string) => s.charCodeAt(0) * 1000 + Number(s.slice(1, 3));
  return n(e.codeTo) - n(e.codeFrom);
}

/** Which catalogue level a sending organisation kind belongs to. */
export function catalogueLevelOf(kind: string): CatalogueLevel {
  return isGrassrootsKind(kind) ? 'grassroots' : 'county';
}
