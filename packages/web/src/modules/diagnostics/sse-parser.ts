/**
 * A parser of the text/event-stream format (HTML Living Standard, "Server-sent events"), fed the
 * decoded chunks of a fetch body as they arrive: GET /critical-values/stream is read with fetch,
 * because the session is a Bearer header that EventSource cannot send. A line may be split
 * across chunks, and so may a CRLF; comment lines (`: keep-alive`) are skipped.
 */
export interface SseEvent {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The last `id:` seen on the stream, if any. */
  id?: string;
}

export interface SseParser {
  /** Feeds the next chunk; returns the events it completed, in order. */
  push(chunk: string): SseEvent[];
  /** The server's `retry:` advice in milliseconds, if it gave one. */
  retryMs(): number | undefined;
}

export function createSseParser(): SseParser {
  let buffer = '';
  let first = true;
  let event = '';
  let data: string[] = [];
  let lastId: string | undefined;
  let retry: number | undefined;

  function line(text: string, out: SseEvent[]): void {
    if (text === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), ...(lastId !== undefined ? { id: lastId } : {}) });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  }

  return {
    push(chunk: string): SseEvent[] {
      buffer += chunk;
      if (first && buffer.length > 0) {
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
        first = false;
      }
      const out: SseEvent[] = [];
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== '\n' && c !== '\r') continue;
        // A CR at the end of the chunk may be the first half of a CRLF: wait for the next chunk.
        if (c === '\r' && i === buffer.length - 1) break;
        const text = buffer.slice(start, i);
        if (c === '\r' && buffer[i + 1] === '\n') i++;
        start = i + 1;
        line(text, out);
      }
      buffer = buffer.slice(start);
      return out;
    },
    retryMs: () => retry,
  };
}

/**
 * How long to wait before reconnecting after `attempt` failed tries in a row (0 = the first
 * retry): doubling from the server's `retry:` advice (1 s by default), at most 30 s.
 */
export function reconnectDelayMs(attempt: number, baseMs = 1_000, maxMs = 30_000): number {
  const n = Math.max(0, Math.floor(attempt));
  return Math.min(maxMs, baseMs * 2 ** Math.min(n, 20));
}
