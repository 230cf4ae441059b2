import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type LineResult = { line: number; value: unknown } | { line: number; error: string };

/** NDJSON: one JSON object a line; blank lines are skipped. Streams, so memory stays flat. */
export async function* ndjsonLines(body: Readable): AsyncGenerator<LineResult> {
  let line = 0;
  for await (const raw of createInterface({ input: body, crlfDelay: Infinity })) {
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
 * CSV with the record's field names as columns (ENCOUNTERS.md); lists are `;`-separated `code` or
 * `code:grade` (the first diagnosis is the primary one), `drg` is `code:weight`.
 */
export async function* csvLines(body: Readable): AsyncGenerator<LineResult> {
  let header: string[] | null = null;
  let line = 0;
  for await (const raw of createInterface({ input: body, crlfDelay: Infinity })) {
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
