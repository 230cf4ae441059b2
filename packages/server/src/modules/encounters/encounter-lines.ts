import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

export type LineResult = { line: number; value: unknown } | { line: number; error: string };

/**
 * The text lines of a byte stream, split at LF, CR LF or a lone CR (as node:readline does, at a
 * fraction of its cost: issue #11 item 1); a UTF-8 character split between chunks is kept whole.
 */
export async function* textLines(body: Readable): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      const piece = text.slice(from, nl);
      if (piece.includes('\r')) yield* crSplit(piece);
      else yield piece;
      from = nl + 1;
    }
    rest = text.slice(from);
    // A long stretch without LF (a CR-only export) is let out at its last CR, so memory stays flat.
    const cr = rest.length > CR_ONLY_FLUSH ? rest.lastIndexOf('\r', rest.length - 2) : -1;
    if (cr >= 0) {
      yield* rest.slice(0, cr).split('\r');
      rest = rest.slice(cr + 1);
    }
  }
  rest += decoder.end();
  if (rest) yield* crSplit(rest);
}

const CR_ONLY_FLUSH = 1 << 16;

/** One LF-terminated piece: a trailing CR ends it, a CR inside it (old Mac exports) breaks it. */
function crSplit(piece: string): string[] {
  const text = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
  return text.includes('\r') ? text.split('\r') : [text];
}

/** NDJSON: one JSON object a line; blank lines are skipped. Streams, so memory stays flat. */
export async function* ndjsonLines(body: Readable): AsyncGenerator<LineResult> {
  let line = 0;
  for await (const raw of textLines(body)) {
    line++;
    // Windows HIS exports often start with a UTF-8 byte-order mark.
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch {
      yield { line, error: '不是合法的 JSON' };
    }
  }
}

/** Splits one CSV line (RFC 4180 quoting; no embedded newlines). */
function splitCsv(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

const num = (v: string) => (v === '' ? undefined : Number(v));

/**
 * CSV with the record's field names as columns (docs/domain/encounters.md); lists are `;`-separated `code` or
 * `code:grade` (the first diagnosis is the primary one), `drg` is `code:weight`.
 */
export async function* csvLines(body: Readable): AsyncGenerator<LineResult> {
  let header: string[] | null = null;
  let line = 0;
  for await (const raw of textLines(body)) {
    line++;
    const text = raw.replace(/^\uFEFF/, '');
    if (!text.trim()) continue;
    const cells = splitCsv(text);
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    const r: Record<string, string> = {};
    header.forEach((h, i) => (r[h] = (cells[i] ?? '').trim()));
    const list = (v: string | undefined) => (v ? v.split(';').map((x) => x.trim()).filter(Boolean) : []);
    const [drgCode, drgWeight] = (r.drg ?? '').split(':');
    yield {
      line,
      value: {
        id: r.id, source: r.source, orgCode: r.orgCode, outOfCounty: r.outOfCounty === 'true' || r.outOfCounty === '1',
        residentIdNumber: r.residentIdNumber, type: r.type, start: r.start, end: r.end || null, department: r.department || null,
        diagnoses: list(r.diagnoses).map((code, i) => ({ code, primary: i === 0 })),
        procedures: list(r.procedures).map((p) => ({ code: p.split(':')[0], grade: num(p.split(':')[1] ?? '') ?? null })),
        totalCost: num(r.totalCost ?? ''), fundPaid: num(r.fundPaid ?? ''), outOfPocket: num(r.outOfPocket ?? ''),
        referralId: r.referralId || null, drg: drgCode ? { code: drgCode, weight: Number(drgWeight) } : null,
      },
    };
  }
}
