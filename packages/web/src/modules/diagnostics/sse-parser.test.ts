import { describe, expect, it } from 'vitest';
import { createSseParser, reconnectDelayMs } from './sse-parser.ts';

describe('createSseParser', () => {
  it('reads the events of the critical-value stream and skips comments', () => {
    const p = createSseParser();
    const events = p.push(': connected\n\nevent: critical\ndata: {"id":"a","kind":"raised","stage":"doctor"}\n\n: keep-alive\n\n');
    expect(events).toEqual([{ event: 'critical', data: '{"id":"a","kind":"raised","stage":"doctor"}' }]);
  });

  it('joins lines split across chunks, CRLF split between chunks included', () => {
    const p = createSseParser();
    expect(p.push('event: crit')).toEqual([]);
    expect(p.push('ical\r')).toEqual([]);
    expect(p.push('\ndata: {"id"')).toEqual([]);
    expect(p.push(':"b"}\r')).toEqual([]);
    expect(p.push('\n\r\n')).toEqual([{ event: 'critical', data: '{"id":"b"}' }]);
  });

  it('dispatches one event per blank line, with several data lines joined by newlines', () => {
    const p = createSseParser();
    expect(p.push('data: one\ndata: two\n\ndata:three\n\n')).toEqual([
      { event: 'message', data: 'one\ntwo' },
      { event: 'message', data: 'three' },
    ]);
  });

  it('resets the event name after each event and keeps the last id', () => {
    const p = createSseParser();
    expect(p.push('id: 7\nevent: critical\ndata: x\n\ndata: y\n\n')).toEqual([
      { event: 'critical', data: 'x', id: '7' },
      { event: 'message', data: 'y', id: '7' },
    ]);
  });

  it('ignores an event with no data, unknown fields and a leading byte-order mark; reads retry', () => {
    const p = createSseParser();
    expect(p.push('\uFEFFevent: critical\n\nfoo: bar\nretry: 5000\ndata: z\r\r\n')).toEqual([{ event: 'message', data: 'z' }]);
    expect(p.retryMs()).toBe(5000);
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const p = createSseParser();
    expect(p.push('event: critical\ndata: {}\n')).toEqual([]);
    expect(p.push('\n')).toEqual([{ event: 'critical', data: '{}' }]);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((n) => reconnectDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('starts from the server advice', () => {
    expect(reconnectDelayMs(0, 5000)).toBe(5000);
    expect(reconnectDelayMs(2, 5000)).toBe(20000);
    expect(reconnectDelayMs(-3)).toBe(1000);
  });
});
