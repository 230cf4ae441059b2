import { z } from 'zod';
import { CONSULTATION_ACTIONS, CONSULTATION_STATUSES, CONSULTATION_URGENCIES } from '@yigong/domain';
import { isoDateTime, itemsOf, statusEventView, timestamp } from './common.ts';

/**
 * Remote consultation (远程会诊, issue #13; docs/domain/consultation.md). Lengths, media types and
 * sizes are the domain's rules (validateConsultationRequest), answered with a 400 naming the field.
 */
export const createConsultationRequest = z.object({
  /** Client-generated: a retried request returns the consultation it made. */
  id: z.uuid().optional(),
  residentId: z.uuid(),
  consultantOrganizationId: z.uuid(),
  consultantDepartment: z.string().trim().max(40).optional(),
  question: z.string(),
  urgency: z.string(),
  /** An order whose study the consultation is about. */
  orderId: z.uuid().optional(),
  /** Files as base64 (PDF, PNG, JPEG, DICOM), each ≤ 20 MB. */
  attachments: z.array(z.object({ name: z.string().max(300), mediaType: z.string().max(100), data: z.base64() })).max(20).optional(),
  clientRecordedAt: isoDateTime.optional(),
});
export type CreateConsultationRequest = z.infer<typeof createConsultationRequest>;

export const consultationActionRequest = z.object({
  scheduledAt: z.string().max(40).optional(),
  reason: z.string().max(2000).optional(),
  opinion: z.string().max(20_000).optional(),
});
export type ConsultationActionRequest = z.infer<typeof consultationActionRequest>;

export const consultationQuery = z.object({
  /** `requested`: asked by the caller's unit; `incoming`: addressed to it. */
  view: z.enum(['requested', 'incoming', 'all']).default('all'),
  status: z.enum(CONSULTATION_STATUSES).optional(),
  residentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ConsultationQuery = z.infer<typeof consultationQuery>;

export const consultationView = z.object({
  id: z.string(),
  communityId: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  requestingOrganizationId: z.string(),
  requestingOrganizationName: z.string(),
  requesterName: z.string(),
  consultantOrganizationId: z.string(),
  consultantOrganizationName: z.string(),
  consultantDepartment: z.string().nullable(),
  consultantName: z.string().nullable(),
  urgency: z.enum(CONSULTATION_URGENCIES),
  question: z.string(),
  status: z.enum(CONSULTATION_STATUSES),
  scheduledAt: timestamp.nullable(),
  opinion: z.string().nullable(),
  opinionAt: timestamp.nullable(),
  reason: z.string().nullable(),
  orderId: z.string().nullable(),
  attachmentCount: z.number(),
  createdAt: timestamp,
  side: z.enum(['requester', 'consultant']).nullable(),
  actions: z.array(z.enum(CONSULTATION_ACTIONS)),
});
export type ConsultationView = z.infer<typeof consultationView>;
export const consultationList = itemsOf(consultationView);

export const consultationDetailView = consultationView.extend({
  history: z.array(statusEventView),
  attachments: z.array(z.object({ id: z.string(), name: z.string(), mediaType: z.string(), size: z.number() })),
});
export type ConsultationDetailView = z.infer<typeof consultationDetailView>;
