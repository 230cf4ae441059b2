/**
 * Duplicate detection (EMPI / MDM style). The same ID number is the same person (a conflict).
 * Same name + birth date + sex with a different ID number is a *candidate* an admin resolves:
 * link (same person, one number mistyped) or keep apart; a "keep apart" is remembered so the
 * pair is never proposed again.
 */
export interface PersonKey {
  name: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** Normalises a Chinese name for matching: trims, drops inner spaces and middle dots. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/[\s·•.]/g, '').trim();
}

export function isDuplicateCandidate(a: PersonKey, b: PersonKey): boolean {
  return normalizeName(a.name) === normalizeName(b.name) && a.birthDate === b.birthDate && a.sex === b.sex;
}

/** A candidate pair is stored once, ordered, so (a,b) and (b,a) are the same pair. */
export function candidatePair(idA: string, idB: string): [string, string] {
  return idA < idB ? [idA, idB] : [idB, idA];
}

export const CANDIDATE_RESOLUTIONS = ['linked', 'kept_apart'] as const;
export type CandidateResolution = (typeof CANDIDATE_RESOLUTIONS)[number];
