import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AmendRequest,
  CreateOrderRequest,
  CriticalValueView,
  DiagnosticCentreView,
  DiagnosticItemView,
  DiagnosticsIndicatorsView,
  dicomFrameView,
  ecgWaveformView,
  OrderDetailView,
  OrderQuery,
  OrderView,
  RecognitionView,
  ReportRequest,
} from '@yigong/contracts';
import { api, API_BASE, apiUpload, parseError, readToken } from '../../shared/api/api-client.ts';

export type EcgWaveform = ReturnType<typeof ecgWaveformView.parse>;
export type DicomFrame = ReturnType<typeof dicomFrameView.parse>;
export type OrderListQuery = Partial<Pick<OrderQuery, 'view' | 'status' | 'modality' | 'residentId' | 'orderingOrganizationId' | 'from' | 'to' | 'limit'>>;
export type CriticalStatus = 'open' | 'acknowledged' | 'all';

export const diagnosticsKeys = {
  orders: ['diagnostics', 'orders'] as const,
  orderList: (q: OrderListQuery) => ['diagnostics', 'orders', 'list', q] as const,
  order: (id: string) => ['diagnostics', 'orders', 'one', id] as const,
  ecg: (id: string) => ['diagnostics', 'ecg', id] as const,
  frame: (orderId: string, fileId: string) => ['diagnostics', 'frame', orderId, fileId] as const,
  items: (communityId: string | null) => ['diagnostics', 'items', communityId] as const,
  centres: (communityId: string | null) => ['diagnostics', 'centres', communityId] as const,
  recognition: (residentId: string, itemCode: string) => ['diagnostics', 'recognition', residentId, itemCode] as const,
};

export const criticalKeys = {
  all: ['critical-values'] as const,
  list: (status: CriticalStatus) => ['critical-values', status] as const,
};

/** The community's catalogue (GET /diagnostics/items). */
export function useDiagnosticItems(communityId: string | null) {
  return useQuery({
    queryKey: diagnosticsKeys.items(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: DiagnosticItemView[] }>('/diagnostics/items', { communityId }, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** The centres with their open orders and the rota of today and tomorrow. */
export function useDiagnosticCentres(communityId: string | null) {
  return useQuery({
    queryKey: diagnosticsKeys.centres(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: DiagnosticCentreView[] }>('/diagnostics/centres', { communityId }, signal).then((r) => r.items),
  });
}

/**
 * Orders in the server's order (the worklist: urgent, overdue, longest waiting). `refreshMs`
 * polls, for the worklist a centre keeps open all day.
 */
export function useOrders(q: OrderListQuery, { enabled = true, refreshMs }: { enabled?: boolean; refreshMs?: number } = {}) {
  return useQuery({
    queryKey: diagnosticsKeys.orderList(q),
    enabled,
    refetchInterval: refreshMs,
    queryFn: ({ signal }) => api.get<{ items: OrderView[] }>('/diagnostics/orders', { ...q, limit: q.limit ?? 500 }, signal).then((r) => r.items),
  });
}

export function useOrder(id: string) {
  return useQuery({
    queryKey: diagnosticsKeys.order(id),
    queryFn: ({ signal }) => api.get<OrderDetailView>(`/diagnostics/orders/${id}`, undefined, signal),
  });
}

/** The ECG samples (µV), once the order has a tracing. */
export function useEcgWaveform(id: string, enabled: boolean) {
  return useQuery({
    queryKey: diagnosticsKeys.ecg(id),
    enabled,
    queryFn: ({ signal }) => api.get<EcgWaveform>(`/diagnostics/orders/${id}/ecg`, undefined, signal),
    staleTime: Infinity,
  });
}

/** The first frame of a DICOM file, 8-bit grey. */
export function useDicomFrame(orderId: string, fileId: string) {
  return useQuery({
    queryKey: diagnosticsKeys.frame(orderId, fileId),
    queryFn: ({ signal }) => api.get<DicomFrame>(`/diagnostics/orders/${orderId}/files/${fileId}/frame`, undefined, signal),
    staleTime: Infinity,
  });
}

/** The result the caller's unit must recognise (结果互认), asked after a 409 names one. */
export function useRecognition(residentId: string | undefined, itemCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: diagnosticsKeys.recognition(residentId ?? '', itemCode ?? ''),
    enabled: enabled && !!residentId && !!itemCode,
    queryFn: ({ signal }) => api.get<RecognitionView>('/diagnostics/recognition', { residentId, itemCode }, signal),
    staleTime: 0,
  });
}

/** After any order write: the order itself, every list, the centres' counts and the critical values. */
function useOrderWritten() {
  const qc = useQueryClient();
  return (o: OrderView | OrderDetailView) => {
    if ('history' in o) qc.setQueryData(diagnosticsKeys.order(o.id), o);
    else void qc.invalidateQueries({ queryKey: diagnosticsKeys.order(o.id) });
    void qc.invalidateQueries({ queryKey: diagnosticsKeys.orders });
    void qc.invalidateQueries({ queryKey: ['diagnostics', 'centres'] });
    void qc.invalidateQueries({ queryKey: criticalKeys.all });
  };
}

export function useCreateOrder() {
  const written = useOrderWritten();
  return useMutation({
    mutationFn: (input: CreateOrderRequest) => api.post<OrderView>('/diagnostics/orders', input),
    onSuccess: written,
  });
}

/** 采用已有结果: counted as an avoided test (idempotent on the client id). */
export function useRecognitionUse() {
  return useMutation({
    mutationFn: (input: { id: string; residentId: string; itemCode: string; recognisedOrderId: string }) => api.post<RecognitionView>('/diagnostics/recognition/use', input),
  });
}

export type OrderTransition =
  | { action: 'accept' | 'acknowledge' }
  | { action: 'reject' | 'cancel'; body: { reason: string } }
  | { action: 'report'; body: ReportRequest }
  | { action: 'amend'; body: AmendRequest };

export function useOrderTransition(id: string) {
  const written = useOrderWritten();
  return useMutation({
    mutationFn: (t: OrderTransition) => api.post<OrderDetailView>(`/diagnostics/orders/${id}/${t.action}`, 'body' in t ? t.body : {}),
    onSuccess: written,
  });
}

/** Results: a JSON body (ECG or lab) or DICOM/image files as multipart, with upload progress. */
export function useUploadResults(id: string) {
  const qc = useQueryClient();
  const written = useOrderWritten();
  return useMutation({
    mutationFn: ({ body, onProgress }: { body: FormData | object; onProgress?: (fraction: number) => void }) => apiUpload<OrderDetailView>(`/diagnostics/orders/${id}/results`, body, onProgress),
    onSuccess: (o) => {
      written(o);
      // A new tracing replaces the old one.
      void qc.invalidateQueries({ queryKey: diagnosticsKeys.ecg(id) });
    },
  });
}

export function useCriticalValues(status: CriticalStatus, enabled = true) {
  return useQuery({
    queryKey: criticalKeys.list(status),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: CriticalValueView[] }>('/critical-values', { status, limit: 500 }, signal).then((r) => r.items),
  });
}

export function useAckCriticalValue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) => api.post<CriticalValueView>(`/critical-values/${id}/ack`, note ? { note } : {}),
    onSuccess: (v) => {
      void qc.invalidateQueries({ queryKey: criticalKeys.all });
      void qc.invalidateQueries({ queryKey: diagnosticsKeys.order(v.orderId) });
    },
  });
}

/** A file the API serves (`path` under API_BASE) with the session's Bearer token, so not a plain link. */
export async function fetchFile(path: string): Promise<Blob> {
  const token = readToken();
  const res = await fetch(`${API_BASE}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await parseError(res);
  return res.blob();
}

/** A stored study file as sent. */
export function fetchStudyFile(orderId: string, fileId: string): Promise<Blob> {
  return fetchFile(`/diagnostics/orders/${orderId}/files/${fileId}`);
}

/** GET /diagnostics/indicators: the centres' figures of a community and period (business dates). */
export function useDiagnosticsIndicators(communityId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: ['diagnostics', 'indicators', communityId, from, to],
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<DiagnosticsIndicatorsView>('/diagnostics/indicators', { communityId, from, to }, signal),
    staleTime: 30_000,
  });
}
