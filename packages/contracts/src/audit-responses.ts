import { z } from 'zod';
import { pageOf, itemsOf, timestamp } from './common.ts';

/** One row of the audit trail (GET /audit, GET /residents/:id/access-log). */
export const auditEntry = z.object({
  id: z.string(),
  at: timestamp,
  communityId: z.string().nullable(),
  actorId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  organizationId: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullish(),
  organizationName: z.string().nullish(),
  purpose: z.string().nullable(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = pageOf(auditEntry);
export const auditLog = itemsOf(auditEntry);
