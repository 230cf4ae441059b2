import { invalid } from '../shared/domain-error.ts';

// ---------------------------------------------------------------------------------------------
// Business dates
// ---------------------------------------------------------------------------------------------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-29 is not one). */
export function isBusinessDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Throws invalid(…) naming `field` unless `value` is a business date YYYY-MM-DD. */
export function checkBusinessDate(value: unknown, field: string): string {
  if (!isBusinessDate(value)) throw invalid('日期格式须为 YYYY-MM-DD', field, { value });
  return value;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Wrap materials and shelf life
// ---------------------------------------------------------------------------------------------

/** docs/domain/sterile-supply.md "Wraps and shelf life": the packaging materials of WS 310.2-2016. */
export const WRAP_MATERIALS = ['cotton', 'medical_paper_bag', 'crepe_paper', 'non_woven', 'paper_plastic_pouch', 'rigid_container'] as const;
export type WrapMaterial = (typeof WRAP_MATERIALS)[number];

export const WRAP_MATERIAL_LABELS: Readonly<Record<WrapMaterial, string>> = {
  cotton: '普通棉布（纺织品）',
  medical_paper_bag: '医用一次性纸袋',
  crepe_paper: '医用一次性皱纹纸',
  non_woven: '医用无纺布',
  paper_plastic_pouch: '一次性纸塑袋',
  rigid_container: '硬质容器',
};

/**
 * docs/domain/sterile-supply.md "Wraps and shelf life": days a sterilised pack stays usable.
 * Only cotton depends on the store: 14 days when it meets WS 310.1 (below 24 °C and 70 %), else 7.
 */
export function shelfLifeDays(wrap: WrapMaterial, storageMeetsStandard: boolean): number {
  switch (wrap) {
    case 'cotton':
      return storageMeetsStandard ? 14 : 7;
    case 'medical_paper_bag':
      return 30;
    case 'crepe_paper':
    case 'non_woven':
    case 'paper_plastic_pouch':
    case 'rigid_container':
      return 180;
    default:
      throw invalid('未知的包装材料', 'wrap', { value: wrap });
  }
}

/**
 * docs/domain/sterile-supply.md "Wraps and shelf life": the store of sterile items meets the
 * standard when it is below 24 °C and below 70 % relative humidity (WS 310.1-2016; both strict).
 */
export function storageMeetsStandard(reading: { temperatureC: number; humidityPct: number }): boolean {
  return reading.temperatureC < 24 && reading.humidityPct < 70;
}

/**
 * The last day the pack may be used (有效期至), counting the day of sterilisation as day 1:
 * cotton sterilised on 2026-03-01 with 14 days is usable through 2026-03-14, expired on 03-15.
 * docs/domain/sterile-supply.md "Wraps and shelf life" (the counting is a platform rule).
 */
export function expiryDate(sterilisedOn: string, wrap: WrapMaterial, storageMeetsStandard: boolean): string {
  checkBusinessDate(sterilisedOn, 'sterilisedOn');
  return addDays(sterilisedOn, shelfLifeDays(wrap, storageMeetsStandard) - 1);
}

/** Past its last day of use on `today` (docs/domain/sterile-supply.md "Wraps and shelf life"). */
export function isExpired(expiresOn: string, today: string): boolean {
  return today > expiresOn;
}

// ---------------------------------------------------------------------------------------------
// Pack barcode
// ---------------------------------------------------------------------------------------------

/** docs/domain/sterile-supply.md "Pack barcode": `CS` yyMMdd batch(3) pack(4) check(1). */
export const PACK_BARCODE_PATTERN = /^CS(\d{2})(\d{2})(\d{2})(\d{3})(\d{4})(\d)$/;

export interface PackBarcodeParts {
  /** Date of sterilisation, YYYY-MM-DD (years 2000–2099). */
  sterilisedOn: string;
  /** The batch's sequence number that day at the supply centre, 1–999. */
  batchSeq: number;
  /** The pack's sequence number within the batch, 1–9999. */
  packSeq: number;
}

/**
 * GS1 mod-10 check digit of a digit string: weights 3, 1, 3, … from the rightmost digit;
 * the check digit brings the weighted sum to a multiple of 10.
 */
export function gs1CheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw invalid('校验位只能由数字计算', 'digits');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/** docs/domain/sterile-supply.md "Pack barcode": the pack's label code. */
export function makePackBarcode(parts: PackBarcodeParts): string {
  const date = checkBusinessDate(parts.sterilisedOn, 'sterilisedOn');
  if (date < '2000-01-01' || date > '2099-12-31') throw invalid('灭菌日期须在 2000–2099 年之间', 'sterilisedOn', { value: date });
  if (!isIntIn(parts.batchSeq, 1, 999)) throw invalid('批次序号须为 1–999 的整数', 'batchSeq', { value: parts.batchSeq });
  if (!isIntIn(parts.packSeq, 1, 9999)) throw invalid('包序号须为 1–9999 的整数', 'packSeq', { value: parts.packSeq });
  const digits = `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}${String(parts.batchSeq).padStart(3, '0')}${String(parts.packSeq).padStart(4, '0')}`;
  return `CS${digits}${gs1CheckDigit(digits)}`;
}

/** Reads a pack barcode (surrounding blanks and lower case allowed); throws invalid(…) naming 'barcode'. */
export function parsePackBarcode(barcode: string): PackBarcodeParts {
  const code = typeof barcode === 'string' ? barcode.trim().toUpperCase() : '';
  const m = PACK_BARCODE_PATTERN.exec(code);
  if (!m) throw invalid('灭菌包条码格式不正确（应为 CS 加 14 位数字）', 'barcode', { value: barcode });
  const digits = code.slice(2, 15);
  if (gs1CheckDigit(digits) !== Number(m[6])) throw invalid('灭菌包条码校验位不符，请重新扫描', 'barcode', { value: barcode });
  const sterilisedOn = `20${m[1]}-${m[2]}-${m[3]}`;
  if (!isBusinessDate(sterilisedOn)) throw invalid('灭菌包条码中的日期无效', 'barcode', { value: barcode });
  const batchSeq = Number(m[4]);
  const packSeq = Number(m[5]);
  if (batchSeq === 0 || packSeq === 0) throw invalid('灭菌包条码中的序号无效', 'barcode', { value: barcode });
  return { sterilisedOn, batchSeq, packSeq };
}

// ---------------------------------------------------------------------------------------------
// Pack states
// ---------------------------------------------------------------------------------------------

/** docs/domain/sterile-supply.md "Pack states". */
export const PACK_STATUSES = ['sterilised', 'released', 'delivered', 'used', 'returned', 'expired', 'recalled'] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

export const PACK_ACTIONS = ['release', 'deliver', 'use', 'return', 'expire', 'recall'] as const;
export type PackAction = (typeof PACK_ACTIONS)[number];

export const PACK_STATUS_LABELS: Readonly<Record<PackStatus, string>> = {
  sterilised: '已灭菌待放行',
  released: '已放行',
  delivered: '已发放',
  used: '已使用',
  returned: '已退回待重新处理',
  expired: '已过期',
  recalled: '已召回',
};

export const PACK_ACTION_LABELS: Readonly<Record<PackAction, string>> = {
  release: '放行',
  deliver: '发放',
  use: '使用',
  return: '退回',
  expire: '过期处理',
  recall: '召回',
};

/** Packs in circulation: they may still expire (docs/domain/sterile-supply.md "Pack states"). */
export const LIVE_PACK_STATUSES: ReadonlySet<PackStatus> = new Set(['sterilised', 'released', 'delivered']);
/** No action moves a pack out of these. */
export const TERMINAL_PACK_STATUSES: ReadonlySet<PackStatus> = new Set(['used', 'recalled']);

type PackField = 'organizationId' | 'residentId' | 'wrapIntact';

const PACK_FIELD_LABELS: Readonly<Record<PackField, string>> = { organizationId: '机构', residentId: '患者', wrapIntact: '包装是否完好' };

interface PackRule {
  from: readonly PackStatus[];
  /** The usual target; `return` goes to `released` or `returned` (see decidePackTransition). */
  to: PackStatus;
  requires: readonly PackField[];
}

/** The transition table of docs/domain/sterile-supply.md "Pack states". */
export const PACK_RULES: Readonly<Record<PackAction, PackRule>> = {
  release: { from: ['sterilised'], to: 'released', requires: [] },
  deliver: { from: ['released'], to: 'delivered', requires: ['organizationId'] },
  use: { from: ['delivered'], to: 'used', requires: ['organizationId', 'residentId'] },
  return: { from: ['delivered'], to: 'returned', requires: ['wrapIntact'] },
  expire: { from: ['sterilised', 'released', 'delivered'], to: 'expired', requires: [] },
  // A recall covers every pack of the batch not yet used, wherever it is (WS 310.3: "尚未使用的").
  recall: { from: ['sterilised', 'released', 'delivered', 'returned', 'expired'], to: 'recalled', requires: [] },
};

/** What the decision needs to know about the pack and its batch. */
export interface PackFacts {
  status: PackStatus;
  /** Last day of use (expiryDate). */
  expiresOn: string;
  /** The organisation the pack was delivered to, while it is `delivered`. */
  deliveredToOrganizationId: string | null;
  /** The batch passed release (releaseDecision) / the batch is recalled. */
  batch: { released: boolean; recalled: boolean };
}

export interface PackTransitionInput {
  /** deliver: the receiving organisation; use: the organisation where the pack is opened. */
  organizationId?: string | null;
  /** use: the resident the pack was used on. */
  residentId?: string | null;
  /** return: the wrap came back closed, dry and undamaged. */
  wrapIntact?: boolean | null;
}

export type PackTransitionResult =
  | { ok: true; to: PackStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION' | 'CONFLICT' | 'VALIDATION_FAILED'; message: string; field?: string };

const conflict = (message: string, field: string): PackTransitionResult => ({ ok: false, code: 'CONFLICT', message, field });

/**
 * Decides one transition of a sterile pack on business date `today`. Pure; the server applies it.
 * Checks, in order (docs/domain/sterile-supply.md "Pack states"): the action is legal from the
 * status (ILLEGAL_TRANSITION, 409); required input present (VALIDATION_FAILED, 400); then the
 * facts of pack and batch — expiry, batch released or recalled, holder (CONFLICT, 409).
 */
export function decidePackTransition(pack: PackFacts, action: PackAction, input: PackTransitionInput, today: string): PackTransitionResult {
  const rule = PACK_RULES[action];
  if (!rule.from.includes(pack.status)) {
    return { ok: false, code: 'ILLEGAL_TRANSITION', message: `灭菌包状态为「${PACK_STATUS_LABELS[pack.status]}」，不能执行「${PACK_ACTION_LABELS[action]}」` };
  }
  for (const field of rule.requires) {
    const v = input[field];
    const missing = field === 'wrapIntact' ? typeof v !== 'boolean' : typeof v !== 'string' || v.trim() === '';
    if (missing) return { ok: false, code: 'VALIDATION_FAILED', message: `缺少必填项：${PACK_FIELD_LABELS[field]}`, field };
  }
  const expired = isExpired(pack.expiresOn, today);
  switch (action) {
    case 'release':
      if (pack.batch.recalled) return conflict('该批次已召回，不能放行', 'batch');
      if (!pack.batch.released) return conflict('该批次尚未通过放行审核', 'batch');
      if (expired) return conflict('灭菌包已过有效期', 'expiresOn');
      return { ok: true, to: 'released' };
    case 'deliver':
    case 'use':
      if (pack.batch.recalled) return conflict('该批次已召回，不能发放或使用', 'batch');
      if (expired) return conflict('灭菌包已过有效期，不能发放或使用', 'expiresOn');
      if (action === 'use' && input.organizationId !== pack.deliveredToOrganizationId) return conflict('该灭菌包未发放给本机构', 'organizationId');
      return { ok: true, to: rule.to };
    case 'return':
      // Back on the shelf only when nothing about it is in doubt; otherwise it is reprocessed.
      return { ok: true, to: input.wrapIntact === true && !expired && !pack.batch.recalled ? 'released' : 'returned' };
    case 'expire':
      if (!expired) return conflict('灭菌包尚在有效期内', 'expiresOn');
      return { ok: true, to: 'expired' };
    case 'recall':
      if (!pack.batch.recalled) return conflict('该批次未被召回', 'batch');
      return { ok: true, to: 'recalled' };
  }
}

/** Actions the table allows from a status (facts aside) — the UI's buttons. */
export function availablePackActions(status: PackStatus): PackAction[] {
  return PACK_ACTIONS.filter((a) => PACK_RULES[a].from.includes(status));
}
