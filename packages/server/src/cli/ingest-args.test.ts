import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, contentTypeFor, parseContentType, parseIngestArgs } from './ingest-args.ts';

describe('ingest CLI arguments', () => {
  it('takes files, user and defaults the server to the local one', () => {
    expect(parseIngestArgs(['a.ndjson', 'b.csv', '--user', 'his.town'])).toEqual({
      files: ['a.ndjson', 'b.csv'], url: 'http://127.0.0.1:3000', user: 'his.town', communityId: null, type: null, help: false,
    });
  });

  it('reads the server and the user from YIGONG_URL and YIGONG_USER, the options winning', () => {
    const env = { YIGONG_URL: 'https://yigong.example.cn/', YIGONG_USER: 'insurer' };
    expect(parseIngestArgs(['x.json'], env)).toMatchObject({ url: 'https://yigong.example.cn', user: 'insurer' });
    expect(parseIngestArgs(['x.json', '--url', 'http://10.0.0.5:8080', '--user', 'manager'], env)).toMatchObject({ url: 'http://10.0.0.5:8080', user: 'manager' });
  });

  it('takes a community id and a type override', () => {
    const a = parseIngestArgs(['feed.txt', '--user', 'admin', '--community', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '--type', 'csv']);
    expect(a).toMatchObject({ communityId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', type: 'text/csv' });
  });

  it('refuses a missing file, a missing user, a bad url, a bad community id and an unknown option', () => {
    expect(() => parseIngestArgs(['--user', 'x'])).toThrow(/no FILE/);
    expect(() => parseIngestArgs(['a.ndjson'])).toThrow(/--user is required/);
    expect(() => parseIngestArgs(['a.ndjson', '--user', 'x', '--url', '127.0.0.1:3000'])).toThrow(/--url must start with http/);
    expect(() => parseIngestArgs(['a.ndjson', '--user', 'x', '--community', '42'])).toThrow(/--community/);
    expect(() => parseIngestArgs(['a.ndjson', '--user', 'x', '--password', 'secret'])).toThrow(/Unknown option/);
  });

  it('lets --help through without files or user', () => {
    expect(parseIngestArgs(['--help']).help).toBe(true);
  });
});

describe('content types', () => {
  it('follows the extension, case-insensitively', () => {
    expect(contentTypeFor('/data/his/2025-03.ndjson', null)).toBe(CONTENT_TYPES.ndjson);
    expect(contentTypeFor('out.JSONL', null)).toBe(CONTENT_TYPES.ndjson);
    expect(contentTypeFor('visits.Csv', null)).toBe(CONTENT_TYPES.csv);
    expect(contentTypeFor('bundle.json', null)).toBe(CONTENT_TYPES.fhir);
  });

  it('uses the override for any name and refuses an unknown extension without one', () => {
    expect(contentTypeFor('export.txt', CONTENT_TYPES.csv)).toBe(CONTENT_TYPES.csv);
    expect(contentTypeFor('bundle.json', CONTENT_TYPES.ndjson)).toBe(CONTENT_TYPES.ndjson);
    expect(() => contentTypeFor('export.txt', null)).toThrow(/unknown extension/);
    expect(() => contentTypeFor('noextension', null)).toThrow(/unknown extension/);
  });

  it('accepts short names and full content types, and nothing else', () => {
    expect(parseContentType('NDJSON')).toBe('application/x-ndjson');
    expect(parseContentType('jsonl')).toBe('application/x-ndjson');
    expect(parseContentType('fhir')).toBe('application/fhir+json');
    expect(parseContentType('json')).toBe('application/fhir+json');
    expect(parseContentType('text/csv')).toBe('text/csv');
    expect(() => parseContentType('xml')).toThrow(/--type/);
    expect(() => parseContentType('constructor')).toThrow(/--type/);
  });
});
