import { DomainError, invalid } from '../shared/domain-error.ts';
import { MODALITIES, type Modality } from './order-machine.ts';
import type { TurnaroundTargets } from './turnaround.ts';

/**
 * The default service catalogue (服务目录) of a community's shared diagnostic centres (资源共享中心,
 * issue #13): the four centres of the lead hospital and the items they read for every member unit.
 * Every number here is a default the community edits — report targets, the days a result is
 * recognised (互认有效期), prices — not a national rule.
 *
 * Item codes are local (`ECG-12`, `CT-HEAD`): we do not assert codes of the 全国医疗服务价格项目规范,
 * which a community maps to its province's price list. Analyte codes are LOINC where the code is
 * certain (`system: 'LOINC'`), else local (`system: 'local'`, prefixed `YG-`).
 */

/** A centre of the default catalogue; `code` is what items name in `centre`. */
export interface DiagnosticCentreDefinition {
  code: string;
  modality: Modality;
  name: string;
}

export const DEFAULT_DIAGNOSTIC_CENTRES: readonly DiagnosticCentreDefinition[] = [
  { code: 'imaging', modality: 'imaging', name: '医学影像诊断中心' },
  { code: 'ecg', modality: 'ecg', name: '心电诊断中心' },
  { code: 'lab', modality: 'lab', name: '医学检验中心' },
  { code: 'pathology', modality: 'pathology', name: '病理诊断中心' },
];

/** DICOM Modality (0008,0060) an imaging item's studies carry: CT, digital radiography, ultrasound. */
export const IMAGING_DICOM_MODALITIES = ['CT', 'DX', 'US'] as const;
export type ImagingDicomModality = (typeof IMAGING_DICOM_MODALITIES)[number];

export interface LabAnalyte {
  code: string;
  system: 'LOINC' | 'local';
  name: string;
  /** The abbreviation printed on Chinese lab reports (WBC, ALT, K). */
  abbr: string;
  /** UCUM; '' for a dimensionless or qualitative result. */
  unit: string;
  /** Adult reference range (参考区间), inclusive; a missing end has no limit. */
  low?: number;
  high?: number;
  /** The women's range where it differs; `low`/`high` are then the men's. */
  female?: { low?: number; high?: number };
  /** Critical limits (危急值): a value strictly beyond one is critical. */
  criticalLow?: number;
  criticalHigh?: number;
  /** The normal result of a qualitative test ('阴性'). */
  normalText?: string;
}

/** Default report text; `{{name}}` marks a value the reader or the instrument fills in. */
export interface ReportTemplate {
  findingsTemplate: string;
  conclusionTemplate: string;
}

export interface DiagnosticCatalogueItem {
  code: string;
  name: string;
  /** The kind of centre that reads it (the order's modality). */
  modality: Modality;
  /** Code of the centre that reads it. */
  centre: string;
  /** Imaging only: the DICOM modality of its studies. */
  dicomModality?: ImagingDicomModality;
  /** Report targets in minutes from the data reaching the centre; urgent ≤ routine. */
  turnaroundMinutes: TurnaroundTargets;
  /** Days a signed result is recognised by the other units (0 = the day of the report only). */
  validityDays: number;
  /** Price in fen (分). */
  priceFen: number;
  /** 'all': every member unit; else the ids of the units that recognise the result. */
  recognisedBy: 'all' | readonly string[];
  /** Lab items: what is measured. */
  analytes?: readonly LabAnalyte[];
  template: ReportTemplate;
}

// ——— Analytes ———
// Adult reference ranges after China's industry standards WS/T 405-2012 (blood cell analysis)
// and WS/T 404 (common clinical chemistry), for ages 20–59 where the standard splits by age;
// lipids after the Chinese adult dyslipidaemia guideline (2016) "appropriate" levels; thyroid and
// HbA1c ranges depend on the assay, here those of common immunoassay/HPLC platforms. Critical
// limits are common hospital 危急值 lists. A centre replaces them with its own validated ranges.

const CBC: readonly LabAnalyte[] = [
  { code: '6690-2', system: 'LOINC', name: '白细胞计数', abbr: 'WBC', unit: '10*9/L', low: 3.5, high: 9.5, criticalLow: 2, criticalHigh: 30 },
  { code: '770-8', system: 'LOINC', name: '中性粒细胞百分比', abbr: 'NEUT%', unit: '%', low: 40, high: 75 },
  { code: '736-9', system: 'LOINC', name: '淋巴细胞百分比', abbr: 'LYMPH%', unit: '%', low: 20, high: 50 },
  { code: '5905-5', system: 'LOINC', name: '单核细胞百分比', abbr: 'MONO%', unit: '%', low: 3, high: 10 },
  { code: '713-8', system: 'LOINC', name: '嗜酸性粒细胞百分比', abbr: 'EO%', unit: '%', low: 0.4, high: 8 },
  { code: '706-2', system: 'LOINC', name: '嗜碱性粒细胞百分比', abbr: 'BASO%', unit: '%', low: 0, high: 1 },
  { code: '751-8', system: 'LOINC', name: '中性粒细胞绝对值', abbr: 'NEUT#', unit: '10*9/L', low: 1.8, high: 6.3, criticalLow: 0.5 },
  { code: '731-0', system: 'LOINC', name: '淋巴细胞绝对值', abbr: 'LYMPH#', unit: '10*9/L', low: 1.1, high: 3.2 },
  { code: '742-7', system: 'LOINC', name: '单核细胞绝对值', abbr: 'MONO#', unit: '10*9/L', low: 0.1, high: 0.6 },
  { code: '711-2', system: 'LOINC', name: '嗜酸性粒细胞绝对值', abbr: 'EO#', unit: '10*9/L', low: 0.02, high: 0.52 },
  { code: '704-7', system: 'LOINC', name: '嗜碱性粒细胞绝对值', abbr: 'BASO#', unit: '10*9/L', low: 0, high: 0.06 },
  { code: '789-8', system: 'LOINC', name: '红细胞计数', abbr: 'RBC', unit: '10*12/L', low: 4.3, high: 5.8, female: { low: 3.8, high: 5.1 } },
  { code: '718-7', system: 'LOINC', name: '血红蛋白', abbr: 'HGB', unit: 'g/L', low: 130, high: 175, female: { low: 115, high: 150 }, criticalLow: 60, criticalHigh: 200 },
  { code: '4544-3', system: 'LOINC', name: '红细胞压积', abbr: 'HCT', unit: '%', low: 40, high: 50, female: { low: 35, high: 45 } },
  { code: '787-2', system: 'LOINC', name: '平均红细胞体积', abbr: 'MCV', unit: 'fL', low: 82, high: 100 },
  { code: '785-6', system: 'LOINC', name: '平均红细胞血红蛋白含量', abbr: 'MCH', unit: 'pg', low: 27, high: 34 },
  { code: '786-4', system: 'LOINC', name: '平均红细胞血红蛋白浓度', abbr: 'MCHC', unit: 'g/L', low: 316, high: 354 },
  { code: '777-3', system: 'LOINC', name: '血小板计数', abbr: 'PLT', unit: '10*9/L', low: 125, high: 350, criticalLow: 30, criticalHigh: 1000 },
];

const LIVER: readonly LabAnalyte[] = [
  { code: '1742-6', system: 'LOINC', name: '丙氨酸氨基转移酶', abbr: 'ALT', unit: 'U/L', low: 9, high: 50, female: { low: 7, high: 40 } },
  { code: '1920-8', system: 'LOINC', name: '天门冬氨酸氨基转移酶', abbr: 'AST', unit: 'U/L', low: 15, high: 40, female: { low: 13, high: 35 } },
  { code: '2324-2', system: 'LOINC', name: 'γ-谷氨酰转移酶', abbr: 'GGT', unit: 'U/L', low: 10, high: 60, female: { low: 7, high: 45 } },
  { code: '6768-6', system: 'LOINC', name: '碱性磷酸酶', abbr: 'ALP', unit: 'U/L', low: 45, high: 125, female: { low: 35, high: 100 } },
  { code: '2885-2', system: 'LOINC', name: '总蛋白', abbr: 'TP', unit: 'g/L', low: 65, high: 85 },
  { code: '1751-7', system: 'LOINC', name: '白蛋白', abbr: 'ALB', unit: 'g/L', low: 40, high: 55 },
  { code: '14631-6', system: 'LOINC', name: '总胆红素', abbr: 'TBIL', unit: 'umol/L', high: 26, female: { high: 21 } },
  { code: '14629-0', system: 'LOINC', name: '直接胆红素', abbr: 'DBIL', unit: 'umol/L', high: 8 },
];

const KIDNEY: readonly LabAnalyte[] = [
  { code: '22664-7', system: 'LOINC', name: '尿素', abbr: 'UREA', unit: 'mmol/L', low: 3.1, high: 8, female: { low: 2.6, high: 7.5 } },
  { code: '14682-9', system: 'LOINC', name: '肌酐（酶法）', abbr: 'CREA', unit: 'umol/L', low: 57, high: 97, female: { low: 41, high: 73 }, criticalHigh: 707 },
  { code: '14933-6', system: 'LOINC', name: '尿酸', abbr: 'UA', unit: 'umol/L', low: 208, high: 428, female: { low: 155, high: 357 } },
];

const GLUCOSE: readonly LabAnalyte[] = [
  { code: '14749-6', system: 'LOINC', name: '葡萄糖（空腹）', abbr: 'GLU', unit: 'mmol/L', low: 3.9, high: 6.1, criticalLow: 2.8, criticalHigh: 22.2 },
];

const LIPIDS: readonly LabAnalyte[] = [
  { code: '14647-2', system: 'LOINC', name: '总胆固醇', abbr: 'TC', unit: 'mmol/L', high: 5.2 },
  { code: '14927-8', system: 'LOINC', name: '甘油三酯', abbr: 'TG', unit: 'mmol/L', high: 1.7 },
  { code: '14646-4', system: 'LOINC', name: '高密度脂蛋白胆固醇', abbr: 'HDL-C', unit: 'mmol/L', low: 1 },
  { code: '22748-8', system: 'LOINC', name: '低密度脂蛋白胆固醇', abbr: 'LDL-C', unit: 'mmol/L', high: 3.4 },
];

const HBA1C: readonly LabAnalyte[] = [{ code: '4548-4', system: 'LOINC', name: '糖化血红蛋白', abbr: 'HbA1c', unit: '%', low: 4, high: 6 }];

const ELECTROLYTES: readonly LabAnalyte[] = [
  { code: '2823-3', system: 'LOINC', name: '钾', abbr: 'K', unit: 'mmol/L', low: 3.5, high: 5.3, criticalLow: 2.8, criticalHigh: 6.2 },
  { code: '2951-2', system: 'LOINC', name: '钠', abbr: 'Na', unit: 'mmol/L', low: 137, high: 147, criticalLow: 120, criticalHigh: 160 },
  { code: '2075-0', system: 'LOINC', name: '氯', abbr: 'Cl', unit: 'mmol/L', low: 99, high: 110 },
];

const URINE: readonly LabAnalyte[] = [
  { code: '5811-5', system: 'LOINC', name: '尿比重', abbr: 'SG', unit: '', low: 1.003, high: 1.03 },
  { code: '5803-2', system: 'LOINC', name: '尿酸碱度', abbr: 'pH', unit: '', low: 4.5, high: 8 },
  { code: 'YG-UPRO', system: 'local', name: '尿蛋白', abbr: 'PRO', unit: '', normalText: '阴性' },
  { code: 'YG-UGLU', system: 'local', name: '尿葡萄糖', abbr: 'GLU', unit: '', normalText: '阴性' },
  { code: 'YG-UKET', system: 'local', name: '尿酮体', abbr: 'KET', unit: '', normalText: '阴性' },
  { code: '5794-3', system: 'LOINC', name: '尿隐血', abbr: 'BLD', unit: '', normalText: '阴性' },
  { code: '5799-2', system: 'LOINC', name: '尿白细胞酯酶', abbr: 'LEU', unit: '', normalText: '阴性' },
  { code: '5802-4', system: 'LOINC', name: '尿亚硝酸盐', abbr: 'NIT', unit: '', normalText: '阴性' },
];

const THYROID: readonly LabAnalyte[] = [
  { code: '3016-3', system: 'LOINC', name: '促甲状腺激素', abbr: 'TSH', unit: 'm[IU]/L', low: 0.27, high: 4.2 },
  { code: '14928-6', system: 'LOINC', name: '游离三碘甲状腺原氨酸', abbr: 'FT3', unit: 'pmol/L', low: 3.1, high: 6.8 },
  { code: '14920-3', system: 'LOINC', name: '游离甲状腺素', abbr: 'FT4', unit: 'pmol/L', low: 12, high: 22 },
];

// ——— Report templates ———

const LAB_FINDINGS = '共检测 {{count}} 项，异常 {{abnormalCount}} 项。{{abnormalList}}';
const lab = (subject: string): ReportTemplate => ({ findingsTemplate: LAB_FINDINGS, conclusionTemplate: `${subject}所检项目均在参考区间内。` });

const TEMPLATES = {
  ecg: {
    findingsTemplate: '窦性心律，心率 {{hr}} 次/分，PR 间期 {{pr}} ms，QRS 时限 {{qrs}} ms，QT/QTc 间期 {{qt}}/{{qtc}} ms，心电轴 {{axis}}°。各导联 ST 段未见明显偏移，T 波未见明显异常。',
    conclusionTemplate: '1. 窦性心律\n2. 正常心电图',
  },
  holter: {
    findingsTemplate:
      '有效监测 {{hours}} 小时，总心搏 {{totalBeats}} 次，平均心率 {{meanHr}} 次/分，最慢心率 {{minHr}} 次/分，最快心率 {{maxHr}} 次/分。' +
      '房性早搏 {{pac}} 次，室性早搏 {{pvc}} 次；未见大于 2.0 秒的长间歇，ST 段未见明显动态改变。',
    conclusionTemplate: '1. 窦性心律\n2. 动态心电图未见明显异常',
  },
  chestDr: {
    findingsTemplate: '胸廓对称，气管居中。双肺纹理清晰，走行自然，双肺野内未见明显实变影。双肺门不大。心影大小、形态未见异常。双侧膈面光整，肋膈角锐利。',
    conclusionTemplate: '心、肺、膈未见明显异常。',
  },
  headCt: {
    findingsTemplate: '颅骨骨质未见明显异常。脑实质内未见异常密度影，灰白质分界清晰。各脑室、脑池大小形态未见异常，脑沟未见增宽。中线结构居中。',
    conclusionTemplate: '颅脑 CT 平扫未见明显异常。',
  },
  chestCt: {
    findingsTemplate: '胸廓对称，气管及主支气管通畅。双肺纹理清晰，双肺内未见明显实变及结节影。纵隔内未见肿大淋巴结。心脏大小未见异常，未见心包积液。双侧胸腔未见积液。',
    conclusionTemplate: '胸部 CT 平扫未见明显异常。',
  },
  abdomenUs: {
    findingsTemplate:
      '肝脏大小、形态正常，包膜光滑，实质回声均匀，肝内管道结构清晰。胆囊大小正常，壁光滑，腔内未见异常回声。胰腺大小、形态正常，回声均匀。' +
      '脾脏大小正常，实质回声均匀。双肾大小、形态正常，集合系统未见分离。',
    conclusionTemplate: '肝、胆、胰、脾、双肾未见明显异常。',
  },
  biopsy: {
    findingsTemplate: '送检部位：{{site}}\n大体所见：{{gross}}\n镜下所见：{{microscopy}}',
    conclusionTemplate: '（{{site}}）{{diagnosis}}',
  },
} satisfies Record<string, ReportTemplate>;

// ——— The catalogue ———
// Turnaround: ECG 10 min urgent (chest-pain centres' first-ECG rule), head CT 20 min urgent
// (stroke pathway); urgent lab 30–120 min, the usual 急诊检验 targets; biopsy 3 working days
// routine (the 病理 quality indicator for small biopsies), counted here as calendar minutes.
// Validity (互认有效期): short for fast-changing results (electrolytes 3 days, blood count 7),
// longer for slow ones (HbA1c 90 days reflects 2–3 months of glucose; imaging 30–90 days;
// a pathology diagnosis 365). Prices: typical county public-hospital prices, in fen.

const item = (
  code: string,
  name: string,
  modality: Modality,
  turnaround: [routine: number, urgent: number],
  validityDays: number,
  priceFen: number,
  template: ReportTemplate,
  extra: Pick<DiagnosticCatalogueItem, 'analytes' | 'dicomModality'> = {},
): DiagnosticCatalogueItem => ({
  code,
  name,
  modality,
  centre: modality,
  ...extra,
  turnaroundMinutes: { routine: turnaround[0], urgent: turnaround[1] },
  validityDays,
  priceFen,
  recognisedBy: 'all',
  template,
});

export const DEFAULT_SERVICE_CATALOGUE: readonly DiagnosticCatalogueItem[] = [
  item('ECG-12', '常规十二导联心电图', 'ecg', [30, 10], 7, 2500, TEMPLATES.ecg),
  item('ECG-HOLTER', '动态心电图（Holter）', 'ecg', [1440, 480], 30, 18000, TEMPLATES.holter),
  item('DR-CHEST', 'DR胸部正位', 'imaging', [120, 30], 30, 7000, TEMPLATES.chestDr, { dicomModality: 'DX' }),
  item('CT-HEAD', '头颅CT平扫', 'imaging', [120, 20], 30, 15000, TEMPLATES.headCt, { dicomModality: 'CT' }),
  item('CT-CHEST', '胸部CT平扫', 'imaging', [120, 30], 90, 18000, TEMPLATES.chestCt, { dicomModality: 'CT' }),
  item('US-ABDOMEN', '腹部彩超', 'imaging', [120, 30], 30, 12000, TEMPLATES.abdomenUs, { dicomModality: 'US' }),
  item('LAB-CBC', '血常规（五分类）', 'lab', [120, 30], 7, 2000, lab('血常规'), { analytes: CBC }),
  item('LAB-LIVER', '肝功能', 'lab', [240, 120], 14, 6000, lab('肝功能'), { analytes: LIVER }),
  item('LAB-KIDNEY', '肾功能', 'lab', [240, 60], 14, 3500, lab('肾功能'), { analytes: KIDNEY }),
  item('LAB-GLU', '血糖', 'lab', [120, 30], 7, 600, lab('血糖'), { analytes: GLUCOSE }),
  item('LAB-LIPID', '血脂', 'lab', [1440, 240], 30, 3200, lab('血脂'), { analytes: LIPIDS }),
  item('LAB-HBA1C', '糖化血红蛋白', 'lab', [1440, 240], 90, 5500, lab('糖化血红蛋白'), { analytes: HBA1C }),
  item('LAB-ELEC', '电解质', 'lab', [120, 30], 3, 1800, lab('电解质'), { analytes: ELECTROLYTES }),
  item('LAB-URINE', '尿常规', 'lab', [120, 30], 7, 1500, lab('尿常规'), { analytes: URINE }),
  item('LAB-THYROID', '甲状腺功能', 'lab', [1440, 240], 30, 12000, lab('甲状腺功能'), { analytes: THYROID }),
  item('PATH-BIOPSY', '组织病理活检', 'pathology', [4320, 2880], 365, 20000, TEMPLATES.biopsy),
];

// ——— Templates ———

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct `{{name}}` placeholders of a template, in order of first use. */
export function templatePlaceholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/** Fills `{{name}}` from `values`; a placeholder without a value stays as written. */
export function fillReportTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

// ——— Checks ———

/** Lengths the order and report contracts accept. */
const MAX_CODE = 40;
const MAX_NAME = 80;
const MAX_UNIT = 30;
const MAX_FINDINGS = 10_000;
const MAX_CONCLUSION = 2_000;

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const finite = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks one catalogue item and throws `VALIDATION_FAILED` naming the first offending field:
 * `code` (empty, over 40 characters or with spaces); `name`; `modality` (not one of MODALITIES);
 * `centre` (not a centre of `centres`, or a centre of another modality); `dicomModality` (only
 * for imaging, one of CT/DX/US); `turnaroundMinutes.routine|urgent` (positive whole minutes,
 * urgent ≤ routine); `validityDays` (whole days 0–365); `priceFen` (a whole number ≥ 0);
 * `recognisedBy` ('all' or distinct unit ids); `analytes` (required for lab items, only there);
 * `analytes[i].…` (code, name, unit, limits: low ≤ high, criticalLow ≤ low, criticalHigh ≥ high);
 * `template.findingsTemplate|conclusionTemplate` (non-empty, within the report lengths).
 */
export function validateCatalogueItem(item: DiagnosticCatalogueItem, centres: readonly DiagnosticCentreDefinition[] = DEFAULT_DIAGNOSTIC_CENTRES): void {
  if (blank(item.code)) throw invalid('项目编码不能为空', 'code');
  if (item.code.length > MAX_CODE || /\s/.test(item.code)) throw invalid(`项目编码须为不含空格的 1–${MAX_CODE} 个字符`, 'code', { value: item.code });
  if (blank(item.name) || item.name.length > MAX_NAME) throw invalid(`项目名称须为 1–${MAX_NAME} 个字符`, 'name');
  if (!(MODALITIES as readonly unknown[]).includes(item.modality)) throw invalid(`未知的检查类别：${String(item.modality)}`, 'modality', { value: item.modality });
  const centre = centres.find((c) => c.code === item.centre);
  if (!centre) throw invalid(`未知的诊断中心：${String(item.centre)}`, 'centre', { value: item.centre });
  if (centre.modality !== item.modality) throw invalid(`${centre.name}不承担此类检查`, 'centre', { value: item.centre, modality: item.modality });
  if (item.dicomModality !== undefined) {
    if (item.modality !== 'imaging') throw invalid('只有影像项目可设 DICOM 检查类型', 'dicomModality');
    if (!(IMAGING_DICOM_MODALITIES as readonly unknown[]).includes(item.dicomModality)) throw invalid(`未知的 DICOM 检查类型：${String(item.dicomModality)}`, 'dicomModality');
  }

  const { routine, urgent } = item.turnaroundMinutes ?? {};
  if (!Number.isSafeInteger(routine) || routine <= 0) throw invalid('常规报告时限须为正整数（分钟）', 'turnaroundMinutes.routine', { value: routine });
  if (!Number.isSafeInteger(urgent) || urgent <= 0) throw invalid('急诊报告时限须为正整数（分钟）', 'turnaroundMinutes.urgent', { value: urgent });
  if (urgent > routine) throw invalid('急诊报告时限不能长于常规报告时限', 'turnaroundMinutes.urgent', { urgent, routine });

  if (!Number.isInteger(item.validityDays) || item.validityDays < 0 || item.validityDays > 365) {
    throw invalid('互认有效期须为 0–365 之间的整数（天）', 'validityDays', { value: item.validityDays });
  }
  if (!Number.isSafeInteger(item.priceFen) || item.priceFen < 0) throw invalid('价格须为不小于 0 的整数（分）', 'priceFen', { value: item.priceFen });
  if (item.recognisedBy !== 'all') {
    const ids = item.recognisedBy;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some(blank) || new Set(ids).size !== ids.length) {
      throw invalid("互认范围须为 'all' 或不重复的机构列表", 'recognisedBy');
    }
  }

  const analytes = item.analytes ?? [];
  if (item.modality === 'lab' && analytes.length === 0) throw invalid('检验项目至少需要一个检测指标', 'analytes');
  if (item.modality !== 'lab' && analytes.length > 0) throw invalid('只有检验项目可设检测指标', 'analytes');
  const codes = new Set<string>();
  analytes.forEach((a, i) => {
    const at = (f: string) => `analytes[${i}].${f}`;
    if (blank(a.code) || a.code.length > MAX_CODE) throw invalid(`指标编码须为 1–${MAX_CODE} 个字符`, at('code'));
    if (codes.has(a.code)) throw invalid(`指标编码重复：${a.code}`, at('code'));
    codes.add(a.code);
    if (blank(a.name) || a.name.length > MAX_NAME) throw invalid(`指标名称须为 1–${MAX_NAME} 个字符`, at('name'));
    if (typeof a.unit !== 'string' || a.unit.length > MAX_UNIT) throw invalid(`单位最多 ${MAX_UNIT} 个字符`, at('unit'));
    checkRange(a.low, a.high, (f) => at(f));
    if (a.female) checkRange(a.female.low, a.female.high, (f) => at(`female.${f}`));
    for (const f of ['criticalLow', 'criticalHigh'] as const) if (a[f] !== undefined && !finite(a[f])) throw invalid('危急值界限须为有限数值', at(f));
    const lows = [a.low, a.female?.low].filter((v): v is number => v !== undefined);
    const highs = [a.high, a.female?.high].filter((v): v is number => v !== undefined);
    if (a.criticalLow !== undefined && lows.some((l) => a.criticalLow! > l)) throw invalid('危急值下限不能高于参考区间下限', at('criticalLow'));
    if (a.criticalHigh !== undefined && highs.some((h) => a.criticalHigh! < h)) throw invalid('危急值上限不能低于参考区间上限', at('criticalHigh'));
    if (a.criticalLow !== undefined && a.criticalHigh !== undefined && a.criticalLow > a.criticalHigh) throw invalid('危急值下限大于上限', at('criticalHigh'));
  });

  const t = item.template;
  if (!t || blank(t.findingsTemplate) || t.findingsTemplate.length > MAX_FINDINGS) throw invalid(`报告所见模板须为 1–${MAX_FINDINGS} 个字符`, 'template.findingsTemplate');
  if (blank(t.conclusionTemplate) || t.conclusionTemplate.length > MAX_CONCLUSION) throw invalid(`报告结论模板须为 1–${MAX_CONCLUSION} 个字符`, 'template.conclusionTemplate');
}

function checkRange(low: number | undefined, high: number | undefined, at: (field: 'low' | 'high') => string): void {
  if (low !== undefined && !finite(low)) throw invalid('参考区间下限须为有限数值', at('low'));
  if (high !== undefined && !finite(high)) throw invalid('参考区间上限须为有限数值', at('high'));
  if (low !== undefined && high !== undefined && low > high) throw invalid('参考区间下限大于上限', at('high'));
}

/** Checks every item (fields prefixed `items[i].`) and that item codes are unique. */
export function validateCatalogue(items: readonly DiagnosticCatalogueItem[], centres: readonly DiagnosticCentreDefinition[] = DEFAULT_DIAGNOSTIC_CENTRES): void {
  const codes = new Set<string>();
  items.forEach((item, i) => {
    try {
      validateCatalogueItem(item, centres);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const { field, ...rest } = (e.details ?? {}) as { field?: string };
      throw invalid(e.message, field ? `items[${i}].${field}` : `items[${i}]`, rest);
    }
    if (codes.has(item.code)) throw invalid(`项目编码重复：${item.code}`, `items[${i}].code`);
    codes.add(item.code);
  });
}
