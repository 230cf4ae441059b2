import type { Metric } from './encounter-record.ts';

/**
 * Indicator definitions as versioned data (docs/domain/indicators.md): each a ratio of summed
 * counters over a scope and period. A zero denominator gives null, never 0; combined figures add
 * numerators and denominators, never average ratios.
 */
export interface IndicatorDefinition {
  code: string;
  version: string;
  nameZh: string;
  nameEn: string;
  numerator: readonly Metric[];
  denominator: readonly Metric[];
  /** ratio (fraction), days, yuan (sums in fen ÷ 100) or index (weights ×10⁴ ÷ 10⁴). */
  unit: 'ratio' | 'days' | 'yuan' | 'index';
  direction: 'up' | 'down' | null;
  target: number | null;
  source: string;
  /** Needs out-of-county insurance data to be meaningful. */
  needsOutOfCounty: boolean;
  /** Resident-based indicators are community-wide; they have no per-unit value. */
  communityOnly: boolean;
}

/** Version of this definition set (the 2020 trial set as revised in 2024). */
export const INDICATOR_VERSION = 'indicators-2024';
const V = INDICATOR_VERSION;
const def = (d: Omit<IndicatorDefinition, 'version' | 'needsOutOfCounty' | 'communityOnly'> & Partial<Pick<IndicatorDefinition, 'needsOutOfCounty' | 'communityOnly'>>): IndicatorDefinition => ({
  version: V, needsOutOfCounty: false, communityOnly: false, ...d,
});

export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = [
  def({ code: 'county_inpatient_rate', nameZh: '县域内住院人次占比', nameEn: 'In-county share of inpatient discharges', numerator: ['res_ip_in'], denominator: ['res_ip'], unit: 'ratio', direction: 'up', target: 0.9, source: 'policy texts 002, 004', needsOutOfCounty: true, communityOnly: true }),
  def({ code: 'county_visit_rate', nameZh: '县域内就诊率', nameEn: 'In-county visit rate', numerator: ['res_enc_in'], denominator: ['res_enc'], unit: 'ratio', direction: 'up', target: 0.9, source: 'policy texts 002, 004', needsOutOfCounty: true, communityOnly: true }),
  def({ code: 'out_transfer_rate', nameZh: '患者外转率', nameEn: 'Out-of-county inpatient share', numerator: ['res_ip_out'], denominator: ['res_ip'], unit: 'ratio', direction: 'down', target: null, source: 'policy text 000', needsOutOfCounty: true, communityOnly: true }),
  def({ code: 'grassroots_visit_rate', nameZh: '基层就诊率', nameEn: 'Grassroots share of outpatient and emergency visits', numerator: ['op_em_grassroots'], denominator: ['op_em'], unit: 'ratio', direction: 'up', target: 0.65, source: 'policy texts 002 (0.65), 004 (0.70)', communityOnly: true }),
  def({ code: 'avg_length_of_stay', nameZh: '平均住院日', nameEn: 'Average length of stay', numerator: ['ip_los'], denominator: ['ip'], unit: 'days', direction: 'down', target: null, source: 'policy text 000' }),
  def({ code: 'out_of_pocket_share', nameZh: '居民个人自付比例', nameEn: 'Out-of-pocket share', numerator: ['res_oop'], denominator: ['res_total_cost'], unit: 'ratio', direction: 'down', target: null, source: 'policy text 000', needsOutOfCounty: true, communityOnly: true }),
  def({ code: 'outpatient_cost_per_visit', nameZh: '门急诊次均费用', nameEn: 'Cost per outpatient or emergency visit', numerator: ['op_em_cost'], denominator: ['op_em'], unit: 'yuan', direction: 'down', target: null, source: 'policy text 004' }),
  def({ code: 'inpatient_cost_per_case', nameZh: '住院次均费用', nameEn: 'Cost per inpatient case', numerator: ['ip_cost'], denominator: ['ip'], unit: 'yuan', direction: 'down', target: null, source: 'policy text 004' }),
  def({ code: 'fund_in_county_share', nameZh: '医保基金县域内支出率', nameEn: 'In-county share of insurance fund spending', numerator: ['res_fund_in'], denominator: ['res_fund'], unit: 'ratio', direction: 'up', target: null, source: 'policy text 000', needsOutOfCounty: true, communityOnly: true }),
  def({ code: 'fund_grassroots_share', nameZh: '基层医保基金支出占比', nameEn: 'Grassroots share of in-county fund spending', numerator: ['fund_grassroots'], denominator: ['fund_in_county'], unit: 'ratio', direction: 'up', target: null, source: 'policy text 000', communityOnly: true }),
  def({ code: 'grade34_surgery_share', nameZh: '出院患者三、四级手术占比', nameEn: 'Share of grade 3–4 surgery among discharges', numerator: ['ip_grade34'], denominator: ['ip_graded'], unit: 'ratio', direction: 'up', target: 0.25, source: 'policy text 004' }),
  def({ code: 'cmi', nameZh: '病例组合指数', nameEn: 'Case mix index', numerator: ['ip_drg_weight'], denominator: ['ip_drg'], unit: 'index', direction: 'up', target: 0.95, source: 'policy text 004' }),
];

export type IndicatorStatus = 'green' | 'amber' | 'red' | 'none' | 'no_data';

export interface IndicatorValue {
  code: string;
  value: number | null;
  numerator: number;
  denominator: number;
  target: number | null;
  direction: 'up' | 'down' | null;
  status: IndicatorStatus;
}

const SCALE: Record<IndicatorDefinition['unit'], number> = { ratio: 1, days: 1, yuan: 100, index: 10_000 };

/**
 * Direction-aware status: green when the target is met, amber when within 5% of it, red beyond;
 * `none` without a target, `no_data` when the denominator is 0.
 */
export function evaluateIndicator(d: IndicatorDefinition, sums: Partial<Record<Metric, number>>, counts?: { numerator: number; denominator: number }): IndicatorValue {
  const numerator = counts?.numerator ?? d.numerator.reduce((a, k) => a + (sums[k] ?? 0), 0);
  const denominator = counts?.denominator ?? d.denominator.reduce((a, k) => a + (sums[k] ?? 0), 0);
  const value = denominator === 0 ? null : numerator / denominator / SCALE[d.unit];
  let status: IndicatorStatus = 'none';
  if (value === null) status = 'no_data';
  else if (d.target !== null && d.direction) {
    const gap = d.direction === 'up' ? (d.target - value) / d.target : (value - d.target) / d.target;
    status = gap <= 0 ? 'green' : gap <= 0.05 ? 'amber' : 'red';
  }
  return { code: d.code, value, numerator, denominator, target: d.target, direction: d.direction, status };
}

/**
 * Indicators whose counts come from other modules (referral, family doctors, chronic care, staff),
 * as data like the rest (docs/domain/indicators.md "Module indicators").
 */
export interface ModuleIndicatorDefinition {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: 'ratio' | 'count';
  direction: 'up' | 'down' | null;
  target: number | null;
  source: string;
  /** What is counted (docs/domain/indicators.md "Module indicators"), in words: the counts live in their modules. */
  numerator: string;
  denominator: string | null;
}

export const MODULE_INDICATOR_DEFINITIONS: readonly ModuleIndicatorDefinition[] = [
  { code: 'up_referrals', nameZh: '上转人次', nameEn: 'Up-referrals', unit: 'count', direction: null, target: null, source: 'referral module', numerator: '期内创建的上转转诊单数', denominator: null },
  { code: 'down_referrals', nameZh: '下转人次', nameEn: 'Down-referrals', unit: 'count', direction: 'up', target: null, source: 'referral module', numerator: '期内创建的下转转诊单数', denominator: null },
  { code: 'dispatched_senior_doctors', nameZh: '中级及以上医师派驻6个月以上人数', nameEn: 'Senior doctors dispatched ≥ 6 months', unit: 'count', direction: 'up', target: null, source: 'org assignments', numerator: '年内派驻基层累计 ≥ 183 天的中级及以上职称医师数', denominator: null },
  { code: 'signing_rate', nameZh: '家庭医生签约率', nameEn: 'Family-doctor signing rate', unit: 'ratio', direction: 'up', target: 0.45, source: 'policy text 004', numerator: '期末有有效签约的居民数', denominator: '居民数' },
  { code: 'key_population_signing_rate', nameZh: '重点人群签约覆盖率', nameEn: 'Key-population signing rate', unit: 'ratio', direction: 'up', target: 0.9, source: 'policy text 004', numerator: '期末有有效签约的重点人群居民数', denominator: '重点人群居民数（每人计一次）' },
  { code: 'htn_standard_mgmt_rate', nameZh: '高血压规范管理率', nameEn: 'Hypertension standard management rate', unit: 'ratio', direction: 'up', target: null, source: 'nphss-3 (国家基本公共卫生服务规范第三版)', numerator: '规范管理的高血压患者数', denominator: '在管高血压患者数' },
  { code: 't2d_standard_mgmt_rate', nameZh: '糖尿病规范管理率', nameEn: 'Type-2 diabetes standard management rate', unit: 'ratio', direction: 'up', target: null, source: 'nphss-3 (国家基本公共卫生服务规范第三版)', numerator: '规范管理的2型糖尿病患者数', denominator: '在管2型糖尿病患者数' },
  { code: 'chronic_standard_mgmt_rate', nameZh: '两慢病规范管理率', nameEn: 'Two-disease standard management rate', unit: 'ratio', direction: 'up', target: 0.8, source: 'policy text 004', numerator: '两病规范管理人数之和', denominator: '两病在管人数之和' },
  { code: 'htn_control_rate', nameZh: '血压控制率', nameEn: 'Blood-pressure control rate', unit: 'ratio', direction: 'up', target: null, source: 'nphss-3 (国家基本公共卫生服务规范第三版)', numerator: '最近一次随访血压控制的患者数', denominator: '在管高血压患者数' },
  // docs/domain/diagnostics.md "Indicators": counted by the diagnostics module for the orders of the period.
  { code: 'remote_diagnoses', nameZh: '远程诊断服务量', nameEn: 'Remote readings by the shared centres', unit: 'count', direction: 'up', target: null, source: 'policy texts 000, 002 (资源共享中心)', numerator: '期内开单、由共享中心为其他成员单位签发报告的检查检验数', denominator: null },
  { code: 'diagnostic_rejection_rate', nameZh: '检查申请退回率', nameEn: 'Share of orders returned at the quality check', unit: 'ratio', direction: 'down', target: null, source: 'diagnostics module', numerator: '期内开单、质控退回的申请数', denominator: '期内开单、已质控（接收或退回）的申请数' },
  { code: 'critical_ack_in_time_rate', nameZh: '危急值及时确认率', nameEn: 'Critical values acknowledged in time', unit: 'ratio', direction: 'up', target: null, source: '国卫医发〔2018〕8号（危急值报告制度）', numerator: '期内产生、在时限内确认的危急值数', denominator: '期内产生、已确认或已超时的危急值数' },
  { code: 'recognition_rate', nameZh: '检查检验结果互认率', nameEn: 'Mutual recognition rate', unit: 'ratio', direction: 'up', target: null, source: 'policy texts 001, 003 (结果互认)', numerator: '期内采用互认结果（未重复检查）的次数', denominator: '期内遇到可互认结果的次数（采用 + 说明理由后重复）' },
  { code: 't2d_control_rate', nameZh: '血糖控制率', nameEn: 'Glucose control rate', unit: 'ratio', direction: 'up', target: null, source: 'nphss-3 (国家基本公共卫生服务规范第三版)', numerator: '最近一次随访血糖控制的患者数', denominator: '在管2型糖尿病患者数' },
];

/** A module indicator from its numerator and denominator (a count has denominator 1). */
export function evaluateModuleIndicator(code: string, numerator: number, denominator: number): IndicatorValue {
  const d = MODULE_INDICATOR_DEFINITIONS.find((x) => x.code === code);
  if (!d) throw new Error(`unknown indicator ${code}`);
  const asRatio: IndicatorDefinition = { code, version: V, nameZh: d.nameZh, nameEn: d.nameEn, numerator: [], denominator: [], unit: 'ratio', direction: d.direction, target: d.target, source: d.source, needsOutOfCounty: false, communityOnly: true };
  return evaluateIndicator(asRatio, {}, { numerator, denominator });
}
