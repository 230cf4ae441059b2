import { useQuery } from '@tanstack/react-query';
import type { HealthResponse } from '@yigong/contracts';
import { api } from '../../shared/api/api-client.ts';

/** GET /health: tells the login page whether to show the demo accounts. */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<HealthResponse>('/health', undefined, signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export const DEMO_PASSWORD = 'Demo@2026';
