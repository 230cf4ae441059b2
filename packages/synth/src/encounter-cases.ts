/**
 * Case mix of the synthetic encounter feed: what people are admitted for at each level, with the
 * CHS-DRG group, relative weight range, usual length of stay and the operation (ICD-9-CM-3 code
 * and 手术分级 grade) done in a share of the cases. Plausible for a county, not a national table.
 */
export interface InpatientCase {
  dx: string;
  drg: string;
  weight: readonly [number, number];
  los: readonly [number, number];
  /** Share of admissions, relative within the level. */
  share: number;
  procedure?: { code: string; grade: 1 | 2 | 3 | 4; p: number };
  /** Only women of 18–45 (deliveries). */
  maternity?: boolean;
}

export const COUNTY_CASES: readonly InpatientCase[] = [
  { dx: 'J18.9', drg: 'ES33', weight: [0.75, 1.05], los: [5, 10], share: 14 },
  { dx: 'I63.9', drg: 'BR23', weight: [1.0, 1.45], los: [8, 14], share: 10 },
  { dx: 'I25.1', drg: 'FM19', weight: [1.1, 1.6], los: [4, 8], share: 8, procedure: { code: '88.56', grade: 3, p: 0.45 } },
  { dx: 'I21.9', drg: 'FM19', weight: [2.2, 2.9], los: [7, 12], share: 2, procedure: { code: '36.07', grade: 4, p: 0.6 } },
  { dx: 'K80.2', drg: 'HC25', weight: [1.0, 1.3], los: [4, 7], share: 6, procedure: { code: '51.23', grade: 3, p: 0.85 } },
  { dx: 'S72.0', drg: 'IC29', weight: [2.5, 3.2], los: [10, 18], share: 3, procedure: { code: '81.51', grade: 4, p: 0.7 } },
  { dx: 'J44.1', drg: 'ET23', weight: [0.9, 1.2], los: [7, 12], share: 8 },
  { dx: 'I50.9', drg: 'FT23', weight: [0.9, 1.25], los: [7, 12], share: 6 },
  { dx: 'K35.8', drg: 'GD29', weight: [0.8, 1.0], los: [4, 7], share: 4, procedure: { code: '47.01', grade: 2, p: 0.9 } },
  { dx: 'E11.9', drg: 'KS13', weight: [0.6, 0.85], los: [7, 10], share: 6 },
  { dx: 'N20.0', drg: 'LL15', weight: [0.7, 1.1], los: [3, 6], share: 4, procedure: { code: '55.04', grade: 3, p: 0.35 } },
  { dx: 'K29.7', drg: 'GU13', weight: [0.5, 0.7], los: [4, 7], share: 6, procedure: { code: '45.13', grade: 1, p: 0.5 } },
  { dx: 'M51.2', drg: 'IU23', weight: [0.6, 0.9], los: [6, 10], share: 5, procedure: { code: '80.51', grade: 3, p: 0.2 } },
  { dx: 'C16.9', drg: 'GB19', weight: [2.6, 3.6], los: [12, 20], share: 1.5, procedure: { code: '43.7', grade: 4, p: 0.7 } },
  { dx: 'O80', drg: 'OF19', weight: [0.4, 0.55], los: [2, 4], share: 5, maternity: true },
  { dx: 'O82', drg: 'OB29', weight: [0.85, 1.05], los: [4, 6], share: 3, maternity: true, procedure: { code: '74.1', grade: 2, p: 1 } },
  { dx: 'N40', drg: 'MA19', weight: [1.1, 1.4], los: [6, 10], share: 2.5, procedure: { code: '60.29', grade: 3, p: 0.75 } },
];

export const TOWNSHIP_CASES: readonly InpatientCase[] = [
  { dx: 'J18.9', drg: 'ES33', weight: [0.55, 0.8], los: [5, 9], share: 22 },
  { dx: 'J44.1', drg: 'ET23', weight: [0.6, 0.9], los: [6, 10], share: 14 },
  { dx: 'I63.9', drg: 'BR23', weight: [0.7, 1.0], los: [10, 16], share: 10 },
  { dx: 'I10', drg: 'FV23', weight: [0.45, 0.6], los: [5, 8], share: 12 },
  { dx: 'E11.9', drg: 'KS13', weight: [0.45, 0.65], los: [6, 9], share: 10 },
  { dx: 'N39.0', drg: 'LU13', weight: [0.45, 0.6], los: [4, 7], share: 8 },
  { dx: 'K29.7', drg: 'GU13', weight: [0.4, 0.55], los: [4, 7], share: 10 },
  { dx: 'S52.5', drg: 'IJ13', weight: [0.5, 0.7], los: [4, 8], share: 4, procedure: { code: '79.02', grade: 1, p: 0.6 } },
];

/** What residents leave the county for (治疗外转): cancers, complex cardiac and neuro care. */
export const OUT_OF_COUNTY_DIAGNOSES = ['C34.9', 'C16.9', 'C22.0', 'C18.9', 'C50.9', 'I21.9', 'I61.9', 'Q21.1', 'N18.9', 'C34.1', 'C73', 'C61'];

/**
 * Counties whose people work in Zhejiang (floating population) — real GB/T 2260 codes, so the
 * visitors' ID numbers pass validation and resolve to no resident.
 */
export const VISITOR_REGIONS = ['340121', '341222', '411522', '510722', '360722', '520521'];
