import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsultationActionRequest, ConsultationDetailView, ConsultationQuery, ConsultationView, CreateConsultationRequest } from '@yigong/contracts';
import type { ConsultationAction } from '@yigong/domain';
import { api, apiUpload } from '../../shared/api/api-client.ts';
import { fetchFile } from './diagnostics.resource.ts';

export type ConsultationListQuery = Partial<Pick<ConsultationQuery, 'view' | 'status' | 'residentId' | 'limit'>>;

export const consultationKeys = {
  all: ['consultations'] as const,
  list: (q: ConsultationListQuery) => ['consultations', 'list', q] as const,
  one: (id: string) => ['consultations', 'one', id] as const,
};

/** Consultations in scope, newest first (GET /consultations). */
export function useConsultations(q: ConsultationListQuery, enabled = true) {
  return useQuery({
    queryKey: consultationKeys.list(q),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: ConsultationView[] }>('/consultations', { ...q, limit: q.limit ?? 500 }, signal).then((r) => r.items),
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: consultationKeys.one(id),
    queryFn: ({ signal }) => api.get<ConsultationDetailView>(`/consultations/${id}`, undefined, signal),
  });
}

function useConsultationWritten() {
  const qc = useQueryClient();
  return (c: ConsultationDetailView) => {
    qc.setQueryData(consultationKeys.one(c.id), c);
    void qc.invalidateQueries({ queryKey: [...consultationKeys.all, 'list'] });
  };
}

/** 申请会诊: JSON with the files as base64, sent with the upload's progress (0–1). */
export function useRequestConsultation() {
  const written = useConsultationWritten();
  return useMutation({
    mutationFn: ({ body, onProgress }: { body: CreateConsultationRequest; onProgress?: (fraction: number) => void }) => apiUpload<ConsultationDetailView>('/consultations', body, onProgress),
    onSuccess: written,
  });
}

/** One action of the consultation: POST /consultations/:id/{schedule|decline|reschedule|opinion|close|cancel}. */
export function useConsultationAction(id: string) {
  const written = useConsultationWritten();
  return useMutation({
    mutationFn: ({ action, body }: { action: ConsultationAction; body: ConsultationActionRequest }) =>
      api.post<ConsultationDetailView>(`/consultations/${id}/${action === 'give_opinion' ? 'opinion' : action}`, body),
    onSuccess: written,
  });
}

/** An attachment as sent (served with the Bearer token, so not a plain link). */
export function fetchConsultationAttachment(id: string, attachmentId: string): Promise<Blob> {
  return fetchFile(`/consultations/${id}/attachments/${attachmentId}`);
}
