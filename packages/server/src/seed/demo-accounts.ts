/** Demo logins (DEMO MODE ONLY), password `Demo@2026` for all (issue #2 contract). */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoAccountSpec {
  username: string;
  displayName: string;
  role: 'admin' | 'manager' | 'regulator' | 'clinician' | 'village_doctor' | 'pharmacist' | 'insurance_officer' | 'integration' | 'reader';
  /** Where the scope points, resolved against the seeded communities. */
  at: 'region' | 'community' | 'lead_hospital' | 'township' | 'village' | 'second_village';
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', at: 'region', description: '信息管理中心，全市' },
  { username: 'manager', displayName: '医共体办公室', role: 'manager', at: 'community', description: '医共体管理者' },
  { username: 'regulator', displayName: '市卫健委', role: 'regulator', at: 'region', description: '卫健委，只读，全部医共体' },
  { username: 'doctor.lead', displayName: '心内科医生', role: 'clinician', at: 'lead_hospital', description: '牵头医院心血管内科' },
  { username: 'doctor.town', displayName: '卫生院医生', role: 'clinician', at: 'township', description: '乡镇卫生院' },
  { username: 'vdoc', displayName: '村医', role: 'village_doctor', at: 'village', description: '该乡镇的村卫生室' },
  { username: 'pharmacist', displayName: '中心药房药师', role: 'pharmacist', at: 'lead_hospital', description: '中心药房' },
  { username: 'insurer', displayName: '医保结算中心', role: 'insurance_officer', at: 'community', description: '医保结算管理中心' },
  { username: 'his.town', displayName: '卫生院HIS接口', role: 'integration', at: 'township', description: '乡镇卫生院 HIS 报送就诊数据（本院及所辖村卫生室）' },
  { username: 'vdoc2', displayName: '第二医共体村医', role: 'village_doctor', at: 'second_village', description: '第二个医共体的村卫生室' },
  // Issue #13: the shared centres' reading doctors and the township's head (危急值 escalates to him).
  { username: 'reader', displayName: '心电诊断中心医师', role: 'reader', at: 'lead_hospital', description: '牵头医院心电、影像诊断中心阅片' },
  { username: 'reader.lab', displayName: '医学检验中心医师', role: 'reader', at: 'lead_hospital', description: '牵头医院医学检验、病理诊断中心' },
  { username: 'head.town', displayName: '卫生院院长', role: 'manager', at: 'township', description: '乡镇卫生院院长（本院及所辖村卫生室的危急值升级至此）' },
  // Issue #13 item 6: the sterile supply centre's head nurse at the lead hospital (batches, release, delivery).
  { username: 'cssd', displayName: '消毒供应中心护士长', role: 'clinician', at: 'lead_hospital', description: '牵头医院消毒供应中心：灭菌登记、放行、发放、召回' },
];

/** The demo county: 德清县 (policy text 004), and a small second community in 安吉县 to prove isolation. */
export const DEMO_COMMUNITIES = {
  first: { regionCode: '330521', size: 'demo' as const, seed: 2026 },
  second: { regionCode: '330523', size: 'tiny' as const, seed: 2027 },
  /** 湖州市: the admin's and regulator's region, covering both counties. */
  regionCode: '330500',
};
