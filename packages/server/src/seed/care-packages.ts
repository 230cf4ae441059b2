/**
 * Seed service packages (菜单式签约服务包) of a demo community. Money in fen; the payers' shares
 * add up to the price (fee split by payer per policy text 003). Frequencies per year follow the
 * national basic public health specification where one exists (e.g. 4 chronic follow-ups).
 */
export const SEED_PACKAGES = [
  { code: 'basic', name: '基础服务包', population: 'general', priceFen: 12000, insuranceFen: 7000, publicHealthFen: 4000, financeFen: 1000, residentFen: 0,
    items: [{ code: 'health_record', name: '健康档案更新', timesPerYear: 1 }, { code: 'health_education', name: '健康教育与咨询', timesPerYear: 2 }, { code: 'referral_help', name: '预约转诊', timesPerYear: 1 }] },
  { code: 'elderly', name: '老年人健康管理包', population: 'elderly', priceFen: 10000, insuranceFen: 5000, publicHealthFen: 3000, financeFen: 1000, residentFen: 1000,
    items: [{ code: 'annual_check', name: '年度健康体检', timesPerYear: 1 }, { code: 'tcm_care', name: '中医药健康管理', timesPerYear: 1 }] },
  { code: 'hypertension', name: '高血压管理包', population: 'hypertension', priceFen: 12000, insuranceFen: 8000, publicHealthFen: 2000, financeFen: 1000, residentFen: 1000,
    items: [{ code: 'htn_follow_up', name: '高血压随访', timesPerYear: 4 }, { code: 'bp_check', name: '血压测量', timesPerYear: 12 }] },
  { code: 'diabetes', name: '2型糖尿病管理包', population: 'diabetes', priceFen: 15000, insuranceFen: 10000, publicHealthFen: 2000, financeFen: 1000, residentFen: 2000,
    items: [{ code: 'dm_follow_up', name: '糖尿病随访', timesPerYear: 4 }, { code: 'glucose_check', name: '空腹血糖检测', timesPerYear: 4 }] },
  { code: 'children', name: '0–6岁儿童健康管理包', population: 'children', priceFen: 6000, insuranceFen: 2000, publicHealthFen: 3000, financeFen: 1000, residentFen: 0,
    items: [{ code: 'child_check', name: '儿童健康检查', timesPerYear: 2 }] },
  { code: 'maternal', name: '孕产妇健康管理包', population: 'maternal', priceFen: 8000, insuranceFen: 3000, publicHealthFen: 4000, financeFen: 1000, residentFen: 0,
    items: [{ code: 'prenatal_visit', name: '孕期随访', timesPerYear: 5 }, { code: 'postpartum_visit', name: '产后访视', timesPerYear: 1 }] },
  { code: 'disabled', name: '残疾人康复服务包', population: 'disabled', priceFen: 8000, insuranceFen: 3000, publicHealthFen: 2000, financeFen: 3000, residentFen: 0,
    items: [{ code: 'rehab_guidance', name: '康复指导', timesPerYear: 4 }] },
  { code: 'poverty', name: '脱贫人口健康服务包', population: 'poverty', priceFen: 8000, insuranceFen: 4000, publicHealthFen: 2000, financeFen: 2000, residentFen: 0,
    items: [{ code: 'home_visit', name: '上门随访', timesPerYear: 4 }] },
  { code: 'special_fp', name: '计划生育特殊家庭服务包', population: 'special_family_planning', priceFen: 8000, insuranceFen: 2000, publicHealthFen: 2000, financeFen: 4000, residentFen: 0,
    items: [{ code: 'priority_service', name: '优先就诊与上门服务', timesPerYear: 4 }] },
] as const;
