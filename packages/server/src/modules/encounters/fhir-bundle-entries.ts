import type { Readable } from 'node:stream';
import { chain, none } from 'stream-chain';
import { parser, type Token } from 'stream-json/parser.js';
import { Assembler } from 'stream-json/assembler.js';
import { DomainError } from '@yigong/domain';

/** One element of a Bundle's `entry` array, as sent (an object, or whatever else stood there). */
export interface BundleEntry {
  /** 1-based position in `entry`: the "line" of ingest errors. */
  position: number;
  entry: unknown;
}

const notBundle = (why: string) => new DomainError('VALIDATION_FAILED', `不是 FHIR Bundle：${why}`);

/**
 * Reads a FHIR Bundle's token stream and hands out the `entry` elements one at a time: only one
 * entry is ever assembled in memory, every other root member (`meta`, `signature`, …) is skipped
 * token by token. The root must be an object whose `resourceType` is "Bundle" (in any key order).
 */
class EntryCutter {
  private depth = 0;
  private key: string | null = null;
  private skipping = 0;
  private inEntries = false;
  private asm: Assembler | null = null;
  private position = 0;
  isBundle = false;

  take(t: Token): BundleEntry | typeof none {
    if (this.asm) return this.feed(t);
    if (this.skipping) {
      if (t.name === 'startObject' || t.name === 'startArray') this.skipping++;
      else if (t.name === 'endObject' || t.name === 'endArray') this.skipping--;
      if (!this.skipping) this.key = null;
      return none;
    }
    if (this.inEntries) {
      if (t.name === 'endArray') {
        this.inEntries = false;
        return none;
      }
      this.asm = new Assembler();
      return this.feed(t);
    }
    if (this.depth === 0) {
      if (t.name !== 'startObject') throw notBundle('顶层须是对象');
      this.depth = 1;
      return none;
    }
    if (this.key === null) {
      if (t.name === 'keyValue') this.key = String(t.value);
      else if (t.name === 'endObject') this.depth = 0;
      return none;
    }
    return this.rootValue(this.key, t);
  }

  /** The value of one member of the Bundle object. */
  private rootValue(key: string, t: Token): typeof none {
    if (key === 'resourceType') {
      if (t.name !== 'stringValue' || t.value !== 'Bundle') throw notBundle('resourceType 须为 "Bundle"');
      this.isBundle = true;
    } else if (key === 'entry') {
      if (t.name !== 'startArray') throw notBundle('entry 须是数组');
      this.inEntries = true;
    } else if (t.name === 'startObject' || t.name === 'startArray') {
      this.skipping = 1;
      return none;
    }
    this.key = null;
    return none;
  }

  private feed(t: Token): BundleEntry | typeof none {
    const asm = this.asm!;
    asm.consume(t);
    if (!asm.done) return none;
    this.asm = null;
    return { position: ++this.position, entry: asm.current };
  }
}

/**
 * The entries of a FHIR Bundle sent as a byte stream (HTTP body or dropped file), one by one, with
 * backpressure: memory holds the parser's buffer and one entry, whatever the Bundle's size — the
 * same guarantee as the NDJSON and CSV readers (docs/domain/encounters.md "Transport"). A leading
 * byte-order mark is dropped. Malformed JSON or a root that is not a Bundle throws a DomainError
 * (400); thrown inside the ingest's transaction, it rolls back whatever was already written.
 */
export async function* bundleEntries(body: Readable): AsyncGenerator<BundleEntry> {
  const cutter = new EntryCutter();
  const tokens = chain([parser({ packValues: true, streamValues: false }), (t: Token) => cutter.take(t)]);
  body.on('error', (e) => tokens.destroy(e));
  body.pipe(tokens);
  try {
    for await (const e of tokens) yield e as BundleEntry;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('VALIDATION_FAILED', 'FHIR Bundle 不是合法的 JSON');
  } finally {
    body.unpipe(tokens);
    tokens.destroy();
  }
  if (!cutter.isBundle) throw notBundle('缺少 resourceType "Bundle"');
}
