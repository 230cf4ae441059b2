import { useEffect, useEffectEvent } from 'react';
import type { CriticalStage } from '@yigong/domain';
import { API_BASE, readToken } from '../../shared/api/api-client.ts';
import { createSseParser, reconnectDelayMs } from './sse-parser.ts';

/** `event: critical` of GET /critical-values/stream: ids and stages only; the list says the rest. */
export interface CriticalSignal {
  id: string;
  kind: 'raised' | 'escalated' | 'acknowledged';
  stage: CriticalStage;
}

function isSignal(x: unknown): x is CriticalSignal {
  const s = x as Partial<CriticalSignal> | null;
  return !!s && typeof s.id === 'string' && (s.kind === 'raised' || s.kind === 'escalated' || s.kind === 'acknowledged');
}

interface Handlers {
  onSignal: (s: CriticalSignal) => void;
  /** After a reconnection: signals may have been missed while the stream was down. */
  onReconnect: () => void;
}

/**
 * Keeps GET /critical-values/stream open while mounted: read with fetch (the session is a Bearer
 * header, which EventSource cannot send), parsed line by line, reconnected with a doubling delay
 * (1 s … 30 s) after the server or the network drops it. A 401 or 403 ends it for good.
 */
export function useCriticalStream(enabled: boolean, handlers: Handlers): void {
  const onSignal = useEffectEvent(handlers.onSignal);
  const onReconnect = useEffectEvent(handlers.onReconnect);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let connected = false;

    async function connect(): Promise<void> {
      const parser = createSseParser();
      try {
        const token = readToken();
        const res = await fetch(`${API_BASE}/critical-values/stream`, {
          headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          cache: 'no-store',
          signal: abort.signal,
        });
        if (res.status === 401 || res.status === 403) return;
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        if (connected) onReconnect();
        connected = true;
        failures = 0;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const e of parser.push(value)) {
            if (e.event !== 'critical') continue;
            try {
              const s: unknown = JSON.parse(e.data);
              if (isSignal(s)) onSignal(s);
            } catch {
              // A malformed event is skipped; the next list read is still right.
            }
          }
        }
      } catch {
        // Dropped (network, server restart): reconnect below unless unmounted.
      }
      if (abort.signal.aborted) return;
      timer = setTimeout(() => void connect(), reconnectDelayMs(failures++, parser.retryMs()));
    }

    void connect();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [enabled]);
}
