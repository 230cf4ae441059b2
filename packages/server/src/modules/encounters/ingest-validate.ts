import { controlCharacterPath, parseIdNumber, senderRefusal, type EncounterRecord, type EncounterSender } from '@yigong/domain';
import { encounterRecord, type IngestError } from '@yigong/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { LineResult } from './encounter-lines.ts';

/** A line that passed validation. */
export interface Valid {
  line: number;
  record: EncounterRecord;
  idHash: string;
  organization: { id: string; kind: string } | null;
}

/** What validating a batch's lines needs, resolved once a batch. */
export interface IngestRules {
  orgs: Map<string, { id: string; kind: string }>;
  categories: Set<string>;
  today: string;
  sender: EncounterSender;
}

/** Hashes remembered per batch before the memory starts over. */
const HASHES_KEPT = 100_000;

/**
 * Validates the lines of one batch (docs/domain/encounters.md "Record", "Who may send what"): per-line
 * errors with the line's number, the ID number normalised and hashed for the MPI lookup. Pure but
 * for its memory of hashes (a resident's visits would repeat the HMAC otherwise).
 */
export class LineValidator {
  private readonly hashes = new Map<string, string>();

  constructor(private readonly rules: IngestRules, private readonly ctx: Pick<AppContext, 'cipher' | 'isKnownRegion'>) {}

  /** One line as read from the body: a parsed value, or the error of a line that did not parse. */
  check(l: LineResult): Valid | IngestError {
    return 'error' in l ? { line: l.line, id: null, code: 'INVALID_JSON', message: l.error } : this.validate(l.line, l.value);
  }

  private validate(line: number, value: unknown): Valid | IngestError {
    const env = this.rules;
    const rawId = (value as { id?: unknown })?.id;
    const bad = controlCharacterPath(value, 'record');
    const id = typeof rawId === 'string' && !controlCharacterPath(rawId, 'id') ? rawId : null;
    // A NUL in one line rejects that line only (PostgreSQL refuses it in text).
    if (bad) return { line, id, code: 'INVALID_RECORD', message: `${bad}：不得包含控制字符（如 NUL）` };
    const parsed = encounterRecord.safeParse(value);
    if (!parsed.success) return { line, id, code: 'INVALID_RECORD', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    const r = parsed.data;
    const idn = parseIdNumber(r.residentIdNumber, this.ctx.isKnownRegion, env.today);
    if (!idn.ok) return { line, id, code: 'INVALID_ID_NUMBER', message: idn.message };
    if (r.diagnoses.filter((d) => d.primary).length !== 1) return { line, id, code: 'INVALID_RECORD', message: 'diagnoses: 须有且只有一个主要诊断' };
    const unknown = r.diagnoses.find((d) => !env.categories.has(d.code.slice(0, 3)));
    if (unknown) return { line, id, code: 'UNKNOWN_DIAGNOSIS', message: `未知的 ICD-10 类目：${unknown.code}` };
    if (r.fundPaid + r.outOfPocket > r.totalCost) return { line, id, code: 'INVALID_COSTS', message: 'fundPaid + outOfPocket 不能大于 totalCost' };
    if (r.type === 'inpatient' && !r.end) return { line, id, code: 'INVALID_DATES', message: '住院记录须有出院日期 end' };
    if (r.end && r.end < r.start) return { line, id, code: 'INVALID_DATES', message: 'end 早于 start' };
    if ((r.end ?? r.start) > env.today) return { line, id, code: 'INVALID_DATES', message: '就诊日期晚于今天' };
    const refusal = senderRefusal(env.sender, r);
    if (refusal) return { line, id, code: 'NOT_ALLOWED', message: refusal };
    const organization = r.outOfCounty ? null : (env.orgs.get(r.orgCode) ?? null);
    if (!r.outOfCounty && !organization) return { line, id, code: 'UNKNOWN_ORGANIZATION', message: `未知的机构编码：${r.orgCode}` };
    return { line, record: { ...r, residentIdNumber: idn.value.normalized }, idHash: this.lookupHash(idn.value.normalized), organization };
  }

  private lookupHash(idNumber: string): string {
    let h = this.hashes.get(idNumber);
    if (h === undefined) {
      if (this.hashes.size >= HASHES_KEPT) this.hashes.clear();
      h = this.ctx.cipher.lookupHash(idNumber);
      this.hashes.set(idNumber, h);
    }
    return h;
  }
}
