import type { CreateSterileRequest } from '@yigong/contracts';
import { validateRequestLines } from '@yigong/domain';
import { fieldProblemOf, type FieldProblem } from './domain-problem.ts';

/** One line of the 申领 form as typed (a row may still be empty). */
export interface RequestLineValues {
  packType?: string;
  quantity?: number | null;
}

export type LinesCheck = { ok: true; lines: CreateSterileRequest['lines'] } | ({ ok: false } & FieldProblem);

/**
 * The request's lines checked by the domain's rule before sending (validateRequestLines,
 * docs/domain/sterile-supply.md "Requests": 1–30 lines, each type once, 1–200 each), naming the
 * line (`lines.<i>.packType` / `lines.<i>.quantity`) as the server would. Wholly empty rows are
 * left out first; the indexes are those of the rows shown.
 */
export function checkRequestLines(rows: readonly (RequestLineValues | undefined)[], knownTypes: ReadonlySet<string>): LinesCheck {
  const kept = rows.map((r, i) => ({ r, i })).filter(({ r }) => r && (r.packType || typeof r.quantity === 'number'));
  try {
    const lines = validateRequestLines(
      kept.map(({ r }) => ({ packType: r!.packType ?? '', quantity: r!.quantity ?? Number.NaN })),
      knownTypes,
    );
    return { ok: true, lines };
  } catch (e) {
    const problem = fieldProblemOf(e);
    if (!problem) throw e;
    // Back to the row shown: `lines.<index among kept>.x` → `lines.<row>.x`.
    const m = problem.field ? /^lines\.(\d+)\.(.+)$/.exec(problem.field) : null;
    const field = m ? `lines.${kept[Number(m[1])]!.i}.${m[2]}` : problem.field;
    return { ok: false, field, message: problem.message };
  }
}
