import { z } from 'zod';

export const INGEST_ERROR_CODES = ['INVALID_JSON', 'INVALID_RECORD', 'INVALID_ID_NUMBER', 'UNKNOWN_ORGANIZATION', 'UNKNOWN_DIAGNOSIS', 'NOT_ALLOWED', 'INVALID_COSTS', 'INVALID_DATES'] as const;

export const ingestError = z.object({
  line: z.number().int(),
  id: z.string().nullable(),
  code: z.enum(INGEST_ERROR_CODES),
  message: z.string(),
});
export type IngestError = z.infer<typeof ingestError>;

/** POST /encounters:ingest (docs/domain/encounters.md): counts, and the first errors with their line. */
export const ingestResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ingestError),
});
export type IngestResult = z.infer<typeof ingestResult>;
