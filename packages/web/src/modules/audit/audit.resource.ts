import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, Page } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

export interface AuditFilter {
  communityId?: string | null;
  residentId?: string;
  actorId?: string;
  action?: string;
  /** ISO dates (Asia/Shanghai business days). */
  from?: string;
  to?: string;
}

/** The audit trail, newest first, with cursor pagination. */
export function useAuditLog(filter: AuditFilter, pageSize = 100) {
  return useInfiniteQuery({
    queryKey: ['audit', filter, pageSize],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<Page<AuditEntry>>('/audit', { ...filter, limit: pageSize, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
