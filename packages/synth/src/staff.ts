import type { PractitionerTitle, Sex } from '@yigong/domain';
import { addDays } from './dates.ts';
import { drawGivenName, drawSurname } from './names.ts';
import { drawMobile, shuffled, type OrgStructure } from './organizations.ts';
import type { Rng } from './prng.ts';
import type { SynthAssignment, SynthDepartment, SynthOrganization, SynthPractitioner } from './types.ts';

type Dept = readonly [code: string, name: string, doctorWeight: number];

// Lead (county people's) hospital: the twelve departments every county hospital has first
// (国家卫健委《县医院医疗服务能力基本标准》 lists these among its core clinical services), then others.
const LEAD_DEPARTMENTS: readonly Dept[] = [
  ['cardiology', '心血管内科', 8], ['endocrinology', '内分泌科', 4], ['neurology', '神经内科', 6], ['respiratory', '呼吸与危重症医学科', 6],
  ['general_surgery', '普通外科', 8], ['orthopedics', '骨科', 7], ['obstetrics', '产科', 5], ['pediatrics', '儿科', 6],
  ['emergency', '急诊科', 6], ['general_practice', '全科医学科', 4], ['imaging', '医学影像科', 5], ['laboratory', '检验科', 1],
  ['gastroenterology', '消化内科', 5], ['nephrology', '肾内科', 3], ['gynecology', '妇科', 4], ['neurosurgery', '神经外科', 4],
  ['urology', '泌尿外科', 3], ['icu', '重症医学科', 4], ['oncology', '肿瘤科', 3], ['ophthalmology', '眼科', 2],
  ['ent', '耳鼻咽喉科', 2], ['stomatology', '口腔科', 2], ['rehabilitation', '康复医学科', 2], ['infectious_diseases', '感染性疾病科', 2],
  ['anesthesiology', '麻醉科', 4], ['ultrasound', '超声医学科', 3], ['ecg', '心电图室', 1], ['pathology', '病理科', 1],
  ['pharmacy', '药剂科', 0],
];
const TCM_DEPARTMENTS: readonly Dept[] = [
  ['tcm_internal', '中医内科', 4], ['acupuncture', '针灸推拿科', 2], ['tcm_orthopedics', '中医骨伤科', 2], ['rehabilitation', '康复科', 1],
  ['pharmacy', '中药房', 0],
];
const MCH_DEPARTMENTS: readonly Dept[] = [
  ['obstetrics', '产科', 3], ['gynecology', '妇科', 2], ['pediatrics', '儿科', 2], ['child_health', '儿童保健科', 2],
  ['women_health', '妇女保健科', 1], ['ultrasound', '超声科', 1],
];
const TERTIARY_DEPARTMENTS: readonly Dept[] = [
  ['cardiology', '心血管内科', 2], ['neurology', '神经内科', 2], ['oncology', '肿瘤科', 2], ['cardiac_surgery', '心脏大血管外科', 1],
  ['neurosurgery', '神经外科', 1], ['endocrinology', '内分泌科', 1], ['respiratory', '呼吸与危重症医学科', 1], ['imaging', '放射科', 1],
  ['pathology', '病理科', 1],
];
const CENTRE_DEPARTMENTS: readonly Dept[] = [
  ['general_practice', '全科', 3], ['internal_medicine', '内科', 2], ['public_health', '公共卫生科', 0], ['tcm', '中医科', 1],
  ['laboratory', '检验科', 0], ['pharmacy', '药房', 0],
];
const READING = new Set(['imaging', 'ultrasound', 'ecg', 'laboratory', 'pathology']);

/** Licence category digit: 1 physician, 2 nurse, 3 pharmacist, 4 technician, 5 public health, 6 village doctor. */
const LICENCE_KIND: Record<PractitionerTitle, number> = {
  village_doctor: 6, resident_physician: 1, attending_physician: 1, associate_chief_physician: 1, chief_physician: 1,
  nurse: 2, senior_nurse: 2, pharmacist: 3, technician: 4, public_health: 5,
};

export interface Staff {
  departments: SynthDepartment[];
  practitioners: SynthPractitioner[];
  assignments: SynthAssignment[];
}

/**
 * Departments, staff and assignments. Counts: the lead hospital about one physician per 100 of
 * the first 20,000 residents (capped at 200), nurses 0.6 per physician; township centres 10–40
 * staff by township size; each village clinic 1–2 village doctors (乡村医生).
 */
export function buildStaff(rng: Rng, s: OrgStructure, residents: number, areaCode: string, provinceCode: string, asOf: string): Staff {
  const year = Number(asOf.slice(0, 4));
  const departments: SynthDepartment[] = [];
  const practitioners: SynthPractitioner[] = [];
  let serial = 0;

  const person = (o: SynthOrganization, d: SynthDepartment | null, title: PractitionerTitle, maleShare: number, specialty: string | null) => {
    const sex: Sex = rng.chance(maleShare) ? 'male' : 'female';
    const age = title === 'chief_physician' ? rng.int(45, 60) : title === 'resident_physician' || title === 'nurse' ? rng.int(23, 35) : rng.int(28, 58);
    const region = o.kind === 'collaborating_hospital' ? `${provinceCode}0100` : areaCode;
    serial += 1;
    if (serial > 9999) throw new Error('More than 9,999 staff: the licence serial has four digits');
    const p: SynthPractitioner = {
      id: rng.uuid(), organizationId: o.id, departmentId: d?.id ?? null, name: drawSurname(rng) + drawGivenName(rng, sex, year - age),
      sex, title, specialty,
      licenceNumber: `${LICENCE_KIND[title]}${region}${year - rng.int(1, Math.max(1, age - 22))}${String(serial).padStart(4, '0')}`,
      phone: drawMobile(rng),
    };
    practitioners.push(p);
    return p;
  };
  const depts = (o: SynthOrganization, list: readonly Dept[]) =>
    list.map(([code, name, w]) => {
      const d: SynthDepartment = { id: rng.uuid(), organizationId: o.id, code, name };
      departments.push(d);
      return { d, w };
    });
  const doctorTitle = (shares: readonly number[]): PractitionerTitle =>
    (['resident_physician', 'attending_physician', 'associate_chief_physician', 'chief_physician'] as const)[rng.weighted(shares)]!;
  /** `doctors` physicians over the departments (one each first, then by weight), nurses and others after. */
  const staffHospital = (o: SynthOrganization, list: readonly Dept[], doctors: number, shares: readonly number[], nurseRatio: number) => {
    const ds = depts(o, list);
    const clinical = ds.filter((x) => x.w > 0);
    for (let i = 0; i < doctors; i++) {
      const x = i < clinical.length ? clinical[i]! : clinical[rng.weighted(clinical.map((c) => c.w))]!;
      const reader = READING.has(x.d.code);
      person(o, x.d, x.d.code === 'laboratory' ? 'technician' : doctorTitle(shares), reader ? 0.5 : 0.6, x.d.name);
      if (reader && rng.chance(0.5)) person(o, x.d, 'technician', 0.5, x.d.name);
    }
    const wards = clinical.filter((x) => !READING.has(x.d.code));
    for (let i = 0; i < Math.round(doctors * nurseRatio); i++) {
      const x = wards[rng.weighted(wards.map((c) => c.w))]!;
      person(o, x.d, rng.chance(0.3) ? 'senior_nurse' : 'nurse', 0.05, null);
    }
    const pharmacy = ds.find((x) => x.d.code.endsWith('pharmacy'));
    for (let i = 0; pharmacy && i < Math.max(1, Math.round(doctors / 20)); i++) person(o, pharmacy.d, 'pharmacist', 0.35, null);
  };

  const [lead, tcm, mch, tertiary] = s.organizations;
  const leadDoctors = Math.max(20, Math.min(200, Math.round(Math.min(residents, 20_000) / 100)));
  staffHospital(lead!, LEAD_DEPARTMENTS, leadDoctors, [30, 35, 22, 13], 0.6);
  staffHospital(tcm!, TCM_DEPARTMENTS, Math.max(5, Math.round(leadDoctors / 4)), [30, 40, 20, 10], 0.5);
  staffHospital(mch!, MCH_DEPARTMENTS, Math.max(4, Math.round(leadDoctors / 7)), [30, 40, 20, 10], 0.8);
  staffHospital(tertiary!, TERTIARY_DEPARTMENTS, rng.int(9, 14), [0, 0, 45, 55], 0);

  for (const { org: c, residents: pop } of s.centres) {
    const total = Math.min(40, Math.max(10, Math.round(10 + pop / 1500) + rng.int(-2, 3)));
    const ds = depts(c, CENTRE_DEPARTMENTS);
    const by = (code: string) => ds.find((x) => x.d.code === code)!.d;
    const doctors = Math.round(total * 0.45);
    for (let i = 0; i < doctors; i++) {
      const d = [by('general_practice'), by('internal_medicine'), by('tcm')][rng.weighted([3, 2, 1])]!;
      person(c, d, doctorTitle([45, 45, 9, 1]), 0.55, d.name);
    }
    const nurses = Math.round(total * 0.25);
    for (let i = 0; i < nurses; i++) person(c, by('general_practice'), rng.chance(0.2) ? 'senior_nurse' : 'nurse', 0.05, null);
    const ph = Math.max(1, Math.round(total * 0.15));
    for (let i = 0; i < ph; i++) person(c, by('public_health'), 'public_health', 0.45, '公共卫生');
    person(c, by('laboratory'), 'technician', 0.4, '检验');
    for (let i = doctors + nurses + ph + 1; i < total; i++) person(c, by('pharmacy'), 'pharmacist', 0.35, null);
  }
  const unitResidents = new Map<string, number>();
  for (const u of s.units) unitResidents.set(u.organizationId, (unitResidents.get(u.organizationId) ?? 0) + u.residents);
  for (const o of s.organizations) {
    if (o.kind !== 'village_clinic' && o.kind !== 'community_station') continue;
    const two = (unitResidents.get(o.id) ?? 0) > 1500 || rng.chance(0.3);
    for (let i = 0; i < (two ? 2 : 1); i++) {
      if (o.kind === 'village_clinic') person(o, null, 'village_doctor', 0.75, '乡村全科');
      else person(o, null, doctorTitle([40, 50, 10, 0]), 0.5, '全科');
    }
  }
  return { departments, practitioners, assignments: buildAssignments(rng, s, practitioners, departments, asOf) };
}

/**
 * 下沉/驻点: a lead-hospital specialist stationed at each township centre for half a year or a
 * year; 县管乡用: about a third of the centres get a physician employed by the lead hospital
 * (open-ended); and two experts of the collaborating hospital stationed at the lead hospital.
 */
function buildAssignments(rng: Rng, s: OrgStructure, staff: SynthPractitioner[], depts: SynthDepartment[], asOf: string): SynthAssignment[] {
  const deptCode = new Map(depts.map((d) => [d.id, d.code]));
  const senior = new Set<PractitionerTitle>(['attending_physician', 'associate_chief_physician', 'chief_physician']);
  const specialists = shuffled(rng, staff.filter((p) => p.organizationId === s.lead.id && senior.has(p.title)
    && ['cardiology', 'endocrinology', 'neurology', 'respiratory', 'pediatrics', 'general_practice'].includes(deptCode.get(p.departmentId ?? '') ?? '')));
  const juniors = shuffled(rng, staff.filter((p) => p.organizationId === s.lead.id && p.title === 'resident_physician'
    && ['general_practice', 'emergency', 'cardiology', 'respiratory'].includes(deptCode.get(p.departmentId ?? '') ?? '')));
  const out: SynthAssignment[] = [];
  s.centres.forEach(({ org }, i) => {
    const expert = specialists[i % Math.max(1, specialists.length)];
    if (expert && i < specialists.length) {
      const startsOn = addDays(asOf, -rng.int(0, 300));
      out.push({ id: rng.uuid(), practitionerId: expert.id, organizationId: org.id, kind: 'dispatch', startsOn,
        endsOn: addDays(startsOn, rng.chance(0.5) ? 182 : 365), note: `${org.shortName ?? org.name}驻点帮扶` });
    }
    const junior = juniors[Math.floor(i / 3)];
    if (i % 3 === 0 && junior) {
      out.push({ id: rng.uuid(), practitionerId: junior.id, organizationId: org.id, kind: 'county_managed_township_used',
        startsOn: addDays(asOf, -rng.int(365, 3 * 365)), endsOn: null, note: '县管乡用' });
    }
  });
  const tertiary = s.organizations.find((o) => o.kind === 'collaborating_hospital');
  for (const p of staff.filter((x) => x.organizationId === tertiary?.id).slice(0, 2)) {
    const startsOn = addDays(asOf, -rng.int(0, 200));
    out.push({ id: rng.uuid(), practitionerId: p.id, organizationId: s.lead.id, kind: 'dispatch', startsOn,
      endsOn: addDays(startsOn, 365), note: '三级医院对口帮扶' });
  }
  return out;
}
