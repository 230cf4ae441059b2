import { z } from 'zod';
import { isoDate, isoDateTime } from './common.ts';

export const auditQuery = z.object({
  communityId: z.uuid().optional(),
  residentId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().max(60).optional(),
  from: isoDateTime.or(isoDate).optional(),
  to: isoDateTime.or(isoDate).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
