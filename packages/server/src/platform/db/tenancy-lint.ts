import { GLOBAL_TABLES } from './tenancy-check.ts';
import { closingParen, isPunct, isWord, lineOf, splitStatements, tokenize, type LineMark, type Token } from './sql-tokens.ts';

/**
 * The static tenancy lint (issue 9, part 5): finds, in the SQL of repositories and migrations,
 * the patterns Citus refuses (`../shared/citus/README.md`, "What Citus refuses"). Pure: SQL texts
 * in, findings out; `sql-in-typescript.ts` extracts the texts and `cli/tenancy-lint.ts` reads files.
 *
 * Heuristics over tokens, not a parser. Known limits:
 * - an equality on `community_id` counts only at the level of the query block it filters (or in
 *   plain parentheses there), never in a subquery, the select list or (for locks) a join condition;
 *   an `or` beside it is not noticed (`where community_id = $1 or id = $2` passes);
 * - a "constant" is a parameter (`$1`, a template hole `$__`), a literal, or — in function
 *   bodies — an argument or declared variable of the function; `= any($1)` is not an equality;
 * - dynamic SQL (`execute format(…)`, SQL held in single-quoted strings) is not read;
 * - template holes that cannot be resolved are assumed clean (`do update set ${update}`);
 * - triggers are followed through `drop trigger`, `drop table` and `drop function`, not renames.
 */

export type TenancyRule =
  | 'lock-without-community'
  | 'volatile-in-upsert'
  | 'trigger-on-tenant-table'
  | 'recursive-without-community'
  | 'function-in-tenant-sql';

export interface TenancyFinding {
  file: string;
  line: number;
  rule: TenancyRule;
  message: string;
}

/** SQL with its origin. Migrations are given in the order they apply (their final state counts). */
export interface SqlText {
  file: string;
  /** Line of the first character of `sql` (when `marks` is absent). */
  line: number;
  sql: string;
  kind: 'migration' | 'code';
  /** For SQL assembled from several places of the file (resolved template holes). */
  marks?: readonly LineMark[];
}

/** The guard that makes audit tables append-only: a row trigger that only raises; Citus runs it. */
const APPEND_ONLY_GUARD = 'audit_append_only';

interface Statement {
  tokens: Token[];
  params: ReadonlySet<string>;
  at: (t: Token) => number;
}

interface Hit {
  rule: TenancyRule;
  token: Token;
  message: string;
}

/** Runs every rule over the texts; findings sorted by file and line. */
export function lintTenancy(texts: readonly SqlText[], globalTables: ReadonlySet<string> = GLOBAL_TABLES): TenancyFinding[] {
  const out: TenancyFinding[] = [];
  // Triggers alive at the end of the migrations, by `table.name`.
  const triggers = new Map<string, { table: string; fn: string; findings: TenancyFinding[] }>();
  for (const text of texts) {
    const marks = text.marks ?? [{ offset: 0, line: text.line }];
    for (const s of statementsOf(text.sql, tokenize(text.sql), new Set(), (t) => lineOf(text.sql, marks, t.start))) {
      const found = (hits: Hit[]) => hits.map((h) => ({ file: text.file, line: s.at(h.token), rule: h.rule, message: h.message }));
      out.push(...found([...lockWithoutCommunity(s), ...volatileInUpsert(s), ...recursiveWithoutCommunity(s)]));
      const trigger = createdTrigger(s, globalTables);
      if (trigger && text.kind === 'migration') triggers.set(`${trigger.table}.${trigger.name}`, { ...trigger, findings: found(trigger.hits) });
      else if (trigger) out.push(...found(trigger.hits));
      else if (text.kind === 'migration') applyDrop(s.tokens, triggers);
    }
  }
  for (const t of triggers.values()) out.push(...t.findings);
  const seen = new Set<string>();
  return out
    .filter((f) => { const k = `${f.file}:${f.line}:${f.rule}:${f.message}`; return seen.has(k) ? false : (seen.add(k), true); })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

/** The statements of a text, and those of the function and `do` bodies it holds (plpgsql or sql). */
function statementsOf(sql: string, tokens: Token[], params: ReadonlySet<string>, at: Statement['at'], nesting = 0): Statement[] {
  const out: Statement[] = [];
  for (const st of splitStatements(tokens)) {
    out.push({ tokens: st, params, at });
    const routine = (isWord(st[0], 'create') && st.some((t, i) => i < 6 && isWord(t, 'function', 'procedure'))) || isWord(st[0], 'do');
    if (!routine || nesting > 3) continue;
    for (const body of st.filter((t) => t.kind === 'dollar')) {
      const inner = tokenize(body.text).map((t) => ({ ...t, start: t.start + body.start }));
      const names = new Set([...params, ...argumentNames(st), ...declaredNames(inner)]);
      out.push(...statementsOf(sql, inner, names, at, nesting + 1));
    }
  }
  return out;
}

/** Names of a `create function f(p_a uuid, p_b text[])`'s arguments. */
function argumentNames(st: Token[]): string[] {
  const open = st.findIndex((t) => isPunct(t, '('));
  if (open < 0) return [];
  const close = closingParen(st, open);
  const names: string[] = [];
  let arg: Token[] = [];
  for (let i = open + 1; i <= close; i++) {
    const t = st[i]!;
    if ((isPunct(t, ',') && t.depth === st[open]!.depth + 1) || i === close) {
      const a = isWord(arg[0], 'in', 'out', 'inout', 'variadic') ? arg.slice(1) : arg;
      if (a.length >= 2 && (a[0]!.kind === 'word' || a[0]!.kind === 'ident') && (a[1]!.kind === 'word' || a[1]!.kind === 'ident')) names.push(a[0]!.lower);
      arg = [];
    } else arg.push(t);
  }
  return names;
}

/** Variables of a plpgsql `declare` section. */
function declaredNames(body: Token[]): string[] {
  if (!isWord(body[0], 'declare')) return [];
  const names: string[] = [];
  let next = true;
  for (let i = 1; i < body.length && !isWord(body[i], 'begin'); i++) {
    if (next && (body[i]!.kind === 'word' || body[i]!.kind === 'ident')) names.push(body[i]!.lower);
    next = isPunct(body[i], ';');
  }
  return names;
}

const WHERE_END = ['group', 'having', 'window', 'order', 'limit', 'offset', 'fetch', 'for', 'union', 'intersect', 'except', 'returning'];
const ON_END = [...WHERE_END, 'where', 'join', 'inner', 'left', 'right', 'full', 'cross', 'natural', 'lateral'];

/**
 * Citus README: "`SELECT … FOR UPDATE` without an equality filter on `community_id`" is refused
 * (a row lock must route to one shard). Looks for `community_id = <constant>` in the WHERE of the
 * query block the locking clause belongs to.
 */
function lockWithoutCommunity(s: Statement): Hit[] {
  const t = s.tokens;
  if (isWord(t[0], 'create', 'alter') && t.slice(1, 4).some((x) => isWord(x, 'policy'))) return [];
  const hits: Hit[] = [];
  for (let i = 0; i < t.length; i++) {
    if (!isWord(t[i], 'for')) continue;
    // for update | for share | for key share | for no key update
    const words = isWord(t[i + 1], 'update', 'share') ? 1
      : isWord(t[i + 1], 'key') && isWord(t[i + 2], 'share') ? 2
        : isWord(t[i + 1], 'no') && isWord(t[i + 2], 'key') && isWord(t[i + 3], 'update') ? 3 : 0;
    if (!words) continue;
    const d = t[i]!.depth;
    let start = i;
    while (start > 0 && t[start - 1]!.depth >= d) start--;
    let where = -1;
    for (let k = start; k < i; k++) if (t[k]!.depth === d && isWord(t[k], 'where')) where = k;
    const clause = t.slice(i, i + words + 1).map((x) => x.lower).join(' ');
    if (where >= 0 && hasCommunityEquality(s, where + 1, clauseEnd(t, where + 1, i, d, WHERE_END), d)) continue;
    hits.push({ rule: 'lock-without-community', token: t[i]!, message: `\`${clause}\` without \`community_id = <parameter>\` in the where clause of the locked query (Citus cannot route the lock to one shard)` });
  }
  return hits;
}

const VOLATILE_CALLS = new Set(['now', 'clock_timestamp', 'statement_timestamp', 'transaction_timestamp', 'random', 'gen_random_uuid', 'nextval', 'timeofday', 'uuid_generate_v4']);
const VOLATILE_WORDS = new Set(['current_timestamp', 'localtimestamp', 'current_date', 'current_time', 'localtime']);

/**
 * Citus README: "`now()` or any volatile function in `ON CONFLICT … DO UPDATE SET`" is refused
 * ("must be marked IMMUTABLE"): use `excluded.<column>` or a parameter. Checks the SET list only.
 */
function volatileInUpsert(s: Statement): Hit[] {
  const t = s.tokens;
  const hits: Hit[] = [];
  for (let i = 0; i + 2 < t.length; i++) {
    if (!(isWord(t[i], 'do') && isWord(t[i + 1], 'update') && isWord(t[i + 2], 'set'))) continue;
    const d = t[i + 2]!.depth;
    for (let k = i + 3; k < t.length && t[k]!.depth >= d && !(t[k]!.depth === d && isWord(t[k], 'where', 'returning')); k++) {
      const x = t[k]!;
      if (x.kind !== 'word' || isPunct(t[k - 1], '.')) continue;
      const call = VOLATILE_CALLS.has(x.lower) && isPunct(t[k + 1], '(');
      if (call || VOLATILE_WORDS.has(x.lower)) {
        hits.push({ rule: 'volatile-in-upsert', token: x, message: `\`${x.lower}${call ? '()' : ''}\` in \`on conflict … do update set\` (Citus requires immutable expressions there: use \`excluded.<column>\` or a parameter)` });
      }
    }
  }
  return hits;
}

/**
 * Citus README: "Recursive CTEs without a filter on `community_id`" are refused. The recursive
 * term (after `union`) must hold `community_id = <constant>` in a WHERE or JOIN … ON condition;
 * a join of two `community_id` columns does not route to one shard.
 */
function recursiveWithoutCommunity(s: Statement): Hit[] {
  const t = s.tokens;
  const hits: Hit[] = [];
  for (let i = 0; i + 1 < t.length; i++) {
    if (!(isWord(t[i], 'with') && isWord(t[i + 1], 'recursive'))) continue;
    const d = t[i]!.depth;
    let k = i + 2;
    while (k < t.length && (t[k]!.kind === 'word' || t[k]!.kind === 'ident')) {
      const name = t[k]!.lower;
      k++;
      if (isPunct(t[k], '(')) k = closingParen(t, k) + 1;
      if (!isWord(t[k], 'as')) break;
      k++;
      while (isWord(t[k], 'not', 'materialized')) k++;
      if (!isPunct(t[k], '(')) break;
      const open = k;
      const close = closingParen(t, open);
      const selfRef = t.slice(open + 1, close).some((x, j) => x.lower === name && x.kind !== 'string' && !isPunct(t[open + j], '.'));
      const union = t.findIndex((x, j) => j > open && j < close && x.depth === d + 1 && isWord(x, 'union'));
      if (selfRef && union >= 0 && !recursiveTermFiltered(s, union + 1, close, d + 1)) {
        hits.push({ rule: 'recursive-without-community', token: t[i]!, message: `recursive CTE \`${name}\`: its recursive term has no \`community_id = <parameter>\` filter or join condition (Citus refuses it)` });
      }
      k = close + 1;
      if (!isPunct(t[k], ',')) break;
      k++;
    }
  }
  return hits;
}

function recursiveTermFiltered(s: Statement, from: number, to: number, depth: number): boolean {
  const t = s.tokens;
  let d = depth;
  let k = from;
  if (isWord(t[k], 'all', 'distinct')) k++;
  if (isPunct(t[k], '(')) { k++; d++; }
  for (let j = k; j < to; j++) {
    if (t[j]!.depth !== d) continue;
    const on = isWord(t[j], 'on') && !isWord(t[j + 1], 'conflict');
    if ((on || isWord(t[j], 'where')) && hasCommunityEquality(s, j + 1, clauseEnd(t, j + 1, to, d, on ? ON_END : WHERE_END), d)) return true;
  }
  return false;
}

/** End (exclusive) of a condition that starts at `from` at depth `d`. */
function clauseEnd(t: Token[], from: number, to: number, d: number, ends: string[]): number {
  for (let k = from; k < to; k++) {
    if (t[k]!.depth < d) return k;
    if (t[k]!.depth === d && ((t[k]!.kind === 'word' && ends.includes(t[k]!.lower)) || isPunct(t[k], ','))) return k;
  }
  return to;
}

/** `[x.]community_id = <constant>` (either side) in t[from, to) at depth d or in plain parentheses. */
function hasCommunityEquality(s: Statement, from: number, to: number, d: number): boolean {
  const t = s.tokens;
  const constant = (k: number) => {
    const x = t[k];
    if (!x || isPunct(t[k - 1], '.')) return false;
    if (x.kind === 'param' || x.kind === 'string' || x.kind === 'number') return true;
    return (x.kind === 'word' || x.kind === 'ident') && s.params.has(x.lower) && !isPunct(t[k + 1], '.') && !isPunct(t[k + 1], '(');
  };
  for (let k = from; k < to; k++) {
    const x = t[k]!;
    if (!((x.kind === 'word' || x.kind === 'ident') && x.lower === 'community_id') || !plainNesting(t, from, k, d)) continue;
    if (t[k + 1]?.text === '=' && constant(k + 2)) return true;
    const col = isPunct(t[k - 1], '.') ? k - 2 : k;
    const eq = col - 1;
    if (eq > from && t[eq]!.text === '=' && (constant(eq - 1) || (t[eq - 2]?.text === '::' && constant(eq - 3)))) return true;
  }
  return false;
}

/** True when every parenthesis between depth d and token k is a plain group, not a subquery. */
function plainNesting(t: Token[], from: number, k: number, d: number): boolean {
  let cur = t[k]!.depth;
  for (let j = k - 1; j >= from && cur > d; j--) {
    if (isPunct(t[j], '(') && t[j]!.depth === cur - 1) {
      if (isWord(t[j + 1], 'select', 'with', 'values')) return false;
      cur--;
    }
  }
  return cur === d;
}

/**
 * Citus README: statement-level triggers with transition tables fail to plan on distributed
 * tables ("function-in-tenant-sql"), and row triggers need `citus.enable_unsafe_triggers`, with
 * which workers crashed committing multi-shard transactions ("trigger-on-tenant-table").
 */
function createdTrigger(s: Statement, globalTables: ReadonlySet<string>) {
  const t = s.tokens;
  if (!isWord(t[0], 'create')) return null;
  const kw = t.findIndex((x, i) => i < 5 && isWord(x, 'trigger'));
  if (kw < 0 || !t.slice(1, kw).every((x) => isWord(x, 'or', 'replace', 'constraint'))) return null;
  const name = t[kw + 1]?.lower ?? '';
  const on = t.findIndex((x, i) => i > kw + 1 && x.depth === 0 && isWord(x, 'on'));
  const table = on < 0 ? '' : unqualified(t, on + 1);
  const exec = t.findIndex((x, i) => isWord(x, 'execute') && isWord(t[i + 1], 'function', 'procedure'));
  const fn = exec < 0 ? '' : unqualified(t, exec + 2);
  const hits: Hit[] = [];
  if (!globalTables.has(table) && fn !== APPEND_ONLY_GUARD) {
    hits.push({ rule: 'trigger-on-tenant-table', token: t[0]!, message: `trigger \`${name}\` on tenant table \`${table}\` (Citus: triggers on distributed tables are unsafe; keep derived data in the service's transaction)` });
  }
  const ref = t.findIndex((x) => isWord(x, 'referencing'));
  if (ref >= 0 && t.slice(ref, exec < 0 ? t.length : exec).some((x, i, a) => isWord(x, 'table') && isWord(a[i - 1], 'new', 'old'))) {
    hits.push({ rule: 'function-in-tenant-sql', token: t[0]!, message: `trigger \`${name}\` on \`${table}\` uses transition tables (\`referencing … table\`): Citus cannot plan it on distributed tables` });
  }
  return { name, table, fn, hits };
}

/** `schema.name` or `name` at k, without the schema. */
function unqualified(t: Token[], k: number): string {
  return isPunct(t[k + 1], '.') ? (t[k + 2]?.lower ?? '') : (t[k]?.lower ?? '');
}

/** Forgets the triggers a `drop trigger`, `drop table` or `drop function` removes. */
function applyDrop(t: Token[], triggers: Map<string, { table: string; fn: string }>): void {
  if (!isWord(t[0], 'drop')) return;
  let k = 2;
  if (isWord(t[k], 'if') && isWord(t[k + 1], 'exists')) k += 2;
  if (isWord(t[1], 'trigger')) {
    const on = t.findIndex((x) => isWord(x, 'on'));
    if (on > 0) triggers.delete(`${unqualified(t, on + 1)}.${t[k]?.lower}`);
    return;
  }
  if (!isWord(t[1], 'table', 'function')) return;
  const names = new Set<string>();
  for (; k < t.length; k++) {
    if (t[k]!.depth === 0 && (t[k]!.kind === 'word' || t[k]!.kind === 'ident') && !isPunct(t[k + 1], '.') && !isWord(t[k], 'cascade', 'restrict')) names.add(t[k]!.lower);
    if (isPunct(t[k + 1], '(')) k = closingParen(t, k + 1);
  }
  for (const [key, v] of triggers) if (names.has(isWord(t[1], 'table') ? v.table : v.fn)) triggers.delete(key);
}
