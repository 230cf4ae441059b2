import { extname } from 'node:path';
import { parseArgs } from 'node:util';

export const INGEST_USAGE = `Usage: npm run ingest -- FILE [FILE ...] --user <username> [--url <server>] [--community <id>] [--type ndjson|csv|fhir]
Sends encounter files to a running Yigong server (POST /api/v1/encounters:ingest), streaming each file.
  FILE          .ndjson / .jsonl (NDJSON), .csv, .json (FHIR Bundle); the type follows the extension unless --type
  --url         server address (default $YIGONG_URL or http://127.0.0.1:3000)
  --user        account to send as (default $YIGONG_USER); password from $YIGONG_PASSWORD or asked for (no echo)
  --community   community id, needed for region-scoped admins
  --type        ndjson | csv | fhir, or a full content type, for every FILE
Exit status: 0 nothing rejected, 2 some lines rejected, 1 a file failed (HTTP error, unreadable file).`;

export const CONTENT_TYPES = { ndjson: 'application/x-ndjson', csv: 'text/csv', fhir: 'application/fhir+json' } as const;
export type ContentType = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];

const BY_EXTENSION: Record<string, ContentType> = { '.ndjson': CONTENT_TYPES.ndjson, '.jsonl': CONTENT_TYPES.ndjson, '.csv': CONTENT_TYPES.csv, '.json': CONTENT_TYPES.fhir };

export interface IngestArgs {
  files: string[];
  url: string;
  user: string;
  communityId: string | null;
  /** The `--type` override, already a content type; null = by extension. */
  type: ContentType | null;
  help: boolean;
}

/** `ndjson`, `csv`, `fhir` (or `json`), or one of the three content types themselves. */
export function parseContentType(value: string): ContentType {
  const v = value.trim().toLowerCase();
  if (v === 'json' || v === 'jsonl') return v === 'json' ? CONTENT_TYPES.fhir : CONTENT_TYPES.ndjson;
  if (Object.hasOwn(CONTENT_TYPES, v)) return CONTENT_TYPES[v as keyof typeof CONTENT_TYPES];
  const full = Object.values(CONTENT_TYPES).find((t) => t === v);
  if (full) return full;
  throw new Error(`--type must be ndjson, csv or fhir (or ${Object.values(CONTENT_TYPES).join(', ')}), got ${value}`);
}

/** The content type of a file: the override, else by extension (case-insensitive); throws for an unknown one. */
export function contentTypeFor(file: string, override: ContentType | null): ContentType {
  if (override) return override;
  const t = BY_EXTENSION[extname(file).toLowerCase()];
  if (!t) throw new Error(`${file}: unknown extension — use .ndjson, .jsonl, .csv or .json, or --type`);
  return t;
}

/** Parses the command line; throws with a message naming the bad option. */
export function parseIngestArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): IngestArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      user: { type: 'string' },
      community: { type: 'string' },
      type: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const help = values.help === true;
  const url = values.url ?? env.YIGONG_URL ?? 'http://127.0.0.1:3000';
  const user = values.user ?? env.YIGONG_USER ?? '';
  if (!help) {
    if (!positionals.length) throw new Error('no FILE given');
    if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`--url must start with http:// or https://, got ${url}`);
    if (!user) throw new Error('--user is required (or set YIGONG_USER)');
    if (values.community !== undefined && !/^[0-9a-f-]{36}$/i.test(values.community)) throw new Error(`--community must be a community id (UUID), got ${values.community}`);
  }
  return {
    files: positionals, url: url.replace(/\/+$/, ''), user, communityId: values.community ?? null,
    type: values.type === undefined ? null : parseContentType(values.type), help,
  };
}
