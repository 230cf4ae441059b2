import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BatchDetailView,
  BatchQuery,
  BatchView,
  CreateBatchRequest,
  CreateSterileRequest,
  DeliveryView,
  PackDetailView,
  PackQuery,
  PackTypeView,
  PackView,
  SterileCentreView,
  SterileRequestQuery,
  SterileRequestView,
} from '@yigong/contracts';
import { api, isApiError } from '../../shared/api/api-client.ts';

export type BatchListQuery = Partial<Pick<BatchQuery, 'status' | 'from' | 'to' | 'limit'>>;
export type PackListQuery = Partial<Pick<PackQuery, 'status' | 'packType' | 'organizationId' | 'expiresBy' | 'limit'>>;
export type RequestListQuery = Partial<Pick<SterileRequestQuery, 'view' | 'status' | 'limit'>>;

/** The most rows one list asks for (the API's limit). */
export const LIST_LIMIT = 500;

export const sterileKeys = {
  all: ['sterile'] as const,
  centre: (communityId: string | null) => ['sterile', 'centre', communityId] as const,
  packTypes: (communityId: string | null) => ['sterile', 'pack-types', communityId] as const,
  batches: ['sterile', 'batches'] as const,
  batchList: (q: BatchListQuery) => ['sterile', 'batches', 'list', q] as const,
  batch: (id: string) => ['sterile', 'batches', 'one', id] as const,
  packs: ['sterile', 'packs'] as const,
  packList: (q: PackListQuery) => ['sterile', 'packs', 'list', q] as const,
  pack: (barcode: string) => ['sterile', 'packs', 'one', barcode] as const,
  requests: ['sterile', 'requests'] as const,
  requestList: (q: RequestListQuery) => ['sterile', 'requests', 'list', q] as const,
};

/**
 * The community's centre (one per community, at the lead hospital) with its board: packs by
 * status, batches held, requests open (GET /sterile/centre); null when the community has none (404).
 */
export function useSterileCentre(communityId: string | null) {
  return useQuery({
    queryKey: sterileKeys.centre(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) =>
      api.get<SterileCentreView>('/sterile/centre', { communityId }, signal).catch((e: unknown) => {
        if (isApiError(e) && e.status === 404) return null;
        throw e;
      }),
  });
}

/** The pack catalogue with shelf life and the centre's stock on the shelf (GET /sterile/pack-types). */
export function usePackTypes(communityId: string | null) {
  return useQuery({
    queryKey: sterileKeys.packTypes(communityId),
    enabled: !!communityId,
    queryFn: ({ signal }) => api.get<{ items: PackTypeView[] }>('/sterile/pack-types', { communityId }, signal).then((r) => r.items),
  });
}

export function useBatches(q: BatchListQuery, enabled = true) {
  return useQuery({
    queryKey: sterileKeys.batchList(q),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: BatchView[] }>('/sterile/batches', { ...q, limit: q.limit ?? LIST_LIMIT }, signal).then((r) => r.items),
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: sterileKeys.batch(id),
    queryFn: ({ signal }) => api.get<BatchDetailView>(`/sterile/batches/${id}`, undefined, signal),
  });
}

export function usePacks(q: PackListQuery, enabled = true) {
  return useQuery({
    queryKey: sterileKeys.packList(q),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: PackView[] }>('/sterile/packs', { ...q, limit: q.limit ?? LIST_LIMIT }, signal).then((r) => r.items),
  });
}

/** One pack by its (checked) barcode with its chain from batch to patient; not retried on a 404 (a scan of an unknown pack). */
export function usePack(barcode: string | null) {
  return useQuery({
    queryKey: sterileKeys.pack(barcode ?? ''),
    enabled: !!barcode,
    retry: false,
    queryFn: ({ signal }) => api.get<PackDetailView>(`/sterile/packs/${encodeURIComponent(barcode!)}`, undefined, signal),
  });
}

export function useSterileRequests(q: RequestListQuery, enabled = true) {
  return useQuery({
    queryKey: sterileKeys.requestList(q),
    enabled,
    queryFn: ({ signal }) => api.get<{ items: SterileRequestView[] }>('/sterile/requests', { ...q, limit: q.limit ?? LIST_LIMIT }, signal).then((r) => r.items),
  });
}

/**
 * After any write: lists and the centre's board change together (a batch makes packs, a delivery
 * moves them, a recall reaches other batches), so everything of the module is refetched; the
 * record written is put in place at once.
 */
function useSterileWritten() {
  const qc = useQueryClient();
  return (written?: { kind: 'batch'; b: BatchDetailView } | { kind: 'pack'; p: PackDetailView }) => {
    let key: readonly string[] | null = null;
    if (written?.kind === 'batch') qc.setQueryData((key = sterileKeys.batch(written.b.id)), written.b);
    if (written?.kind === 'pack') qc.setQueryData((key = sterileKeys.pack(written.p.barcode)), written.p);
    // Not the record just answered: reading it again would be a second (audited) read of the same thing.
    void qc.invalidateQueries({ queryKey: sterileKeys.all, predicate: (q) => !key || JSON.stringify(q.queryKey) !== JSON.stringify(key) });
  };
}

export function useCreateBatch() {
  const written = useSterileWritten();
  return useMutation({
    mutationFn: (input: CreateBatchRequest) => api.post<BatchDetailView>('/sterile/batches', input),
    onSuccess: (b) => written({ kind: 'batch', b }),
  });
}

/** The biological indicator's result: a pass releases a batch held only for it, a failure recalls (POST …/biological). */
export function useBiologicalResult(id: string) {
  const written = useSterileWritten();
  return useMutation({
    mutationFn: (pass: boolean) => api.post<BatchDetailView>(`/sterile/batches/${id}/biological`, { pass }),
    onSuccess: (b) => written({ kind: 'batch', b }),
  });
}

export type PackAct = { action: 'use'; body: { residentId: string; note?: string } } | { action: 'return'; body: { wrapIntact: boolean; note?: string } };

/** 使用登记 or 退回 by the unit holding the pack (POST /sterile/packs/:barcode/use|return). */
export function usePackAction(barcode: string) {
  const written = useSterileWritten();
  return useMutation({
    mutationFn: (a: PackAct) => api.post<PackDetailView>(`/sterile/packs/${encodeURIComponent(barcode)}/${a.action}`, a.body),
    onSuccess: (p) => written({ kind: 'pack', p }),
  });
}

export function useCreateSterileRequest() {
  const written = useSterileWritten();
  return useMutation({
    mutationFn: (input: CreateSterileRequest) => api.post<SterileRequestView>('/sterile/requests', input),
    onSuccess: () => written(),
  });
}

/** The centre delivers what it has, first expiry first (POST …/deliver): the packs picked and what was short. */
export function useDeliverRequest() {
  const written = useSterileWritten();
  return useMutation({
    mutationFn: (id: string) => api.post<DeliveryView>(`/sterile/requests/${id}/deliver`, {}),
    onSuccess: () => written(),
  });
}

export function useCancelRequest() {
  const written = useSterileWritten();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) => api.post<SterileRequestView>(`/sterile/requests/${id}/cancel`, reason ? { reason } : {}),
    onSuccess: () => written(),
  });
}
