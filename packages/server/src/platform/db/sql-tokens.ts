/**
 * A small PostgreSQL lexer for the static tenancy lint (`tenancy-lint.ts`): enough to skip
 * comments and strings, keep `$$ … $$` bodies whole, track parenthesis depth and split
 * statements. It is not a parser: the rules built on it are heuristics over token patterns.
 */

export type TokenKind = 'word' | 'ident' | 'string' | 'dollar' | 'number' | 'param' | 'op' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Source text of the token (for `dollar`, the body between the tags). */
  text: string;
  /** Lower-cased `text` for words; the unquoted name for quoted identifiers. */
  lower: string;
  /** Offset of the token (for `dollar`, of the body) in the lexed text. */
  start: number;
  /** Parenthesis depth: `(` and `)` carry the depth outside them. */
  depth: number;
}

/** What a template literal's `${…}` hole becomes in extracted SQL: lexed as a parameter. */
export const HOLE = '$__';

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z_0-9$\u0080-\uffff]/;
const OP_CHARS = '+-*/<>=~!@#%^&|`?';

/** Splits SQL text into tokens; comments and whitespace are dropped. Never throws. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (kind: TokenKind, text: string, start: number, lower = text.toLowerCase()) => {
    if (text === ')') depth = Math.max(0, depth - 1);
    out.push({ kind, text, lower, start, depth });
    if (text === '(') depth++;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const rest2 = sql.slice(i, i + 2);
    if (/\s/.test(c)) { i++; continue; }
    if (rest2 === '--') { const e = sql.indexOf('\n', i); i = e < 0 ? sql.length : e + 1; continue; }
    if (rest2 === '/*') { i = skipBlockComment(sql, i); continue; }
    if (c === "'" || ((c === 'e' || c === 'E') && sql[i + 1] === "'")) {
      const quote = c === "'" ? i : i + 1;
      const end = skipQuoted(sql, quote, "'", c !== "'");
      push('string', sql.slice(quote + 1, end - 1), i);
      i = end;
      continue;
    }
    if (c === '"') {
      const end = skipQuoted(sql, i, '"', false);
      const name = sql.slice(i + 1, end - 1).replace(/""/g, '"');
      push('ident', sql.slice(i, end), i, name);
      i = end;
      continue;
    }
    if (c === '$') {
      if (sql.startsWith(HOLE, i)) { push('param', HOLE, i); i += HOLE.length; continue; }
      const num = /^\$\d+/.exec(sql.slice(i, i + 12));
      if (num) { push('param', num[0], i); i += num[0].length; continue; }
      const tag = /^\$(?:[A-Za-z_][A-Za-z_0-9]*)?\$/.exec(sql.slice(i, i + 64));
      const close = tag ? sql.indexOf(tag[0], i + tag[0].length) : -1;
      if (tag && close >= 0) {
        push('dollar', sql.slice(i + tag[0].length, close), i + tag[0].length);
        i = close + tag[0].length;
        continue;
      }
      push('op', '$', i);
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\d*\.?\d+(?:[eE][+-]?\d+)?|\d+\.)/.exec(sql.slice(i))!;
      push('number', m[0], i);
      i += m[0].length;
      continue;
    }
    if (WORD_START.test(c)) {
      let e = i + 1;
      while (e < sql.length && WORD_PART.test(sql[e]!)) e++;
      push('word', sql.slice(i, e), i);
      i = e;
      continue;
    }
    if (rest2 === '::' || rest2 === ':=') { push('op', rest2, i); i += 2; continue; }
    if (OP_CHARS.includes(c)) {
      let e = i + 1;
      while (e < sql.length && OP_CHARS.includes(sql[e]!) && !['--', '/*'].includes(sql.slice(e, e + 2))) e++;
      push('op', sql.slice(i, e), i);
      i = e;
      continue;
    }
    push('punct', c, i);
    i++;
  }
  return out;
}

function skipBlockComment(sql: string, from: number): number {
  let nest = 0;
  let i = from;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) { nest++; i += 2; } else if (sql.startsWith('*/', i)) { nest--; i += 2; if (nest === 0) return i; } else i++;
  }
  return sql.length;
}

/** Index just after the closing quote (doubled quotes escape; with `backslash`, so does `\`). */
function skipQuoted(sql: string, open: number, q: string, backslash: boolean): number {
  let i = open + 1;
  while (i < sql.length) {
    if (backslash && sql[i] === '\\') { i += 2; continue; }
    if (sql[i] === q) {
      if (sql[i + 1] === q) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

/** Statements of a token list, split on `;` (the `;` itself dropped, empty statements skipped). */
export function splitStatements(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === ';') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Index of the `)` closing the `(` at `open`, or the last index when unbalanced. */
export function closingParen(tokens: readonly Token[], open: number): number {
  const d = tokens[open]!.depth;
  for (let i = open + 1; i < tokens.length; i++) if (tokens[i]!.text === ')' && tokens[i]!.depth === d && tokens[i]!.kind === 'punct') return i;
  return tokens.length - 1;
}

/** True when the token is the keyword or unquoted word `w`. */
export function isWord(t: Token | undefined, ...w: string[]): boolean {
  return t !== undefined && t.kind === 'word' && w.includes(t.lower);
}

/** True when the token is the punctuation `p`. */
export function isPunct(t: Token | undefined, p: string): boolean {
  return t !== undefined && t.kind === 'punct' && t.text === p;
}

/**
 * Line numbers of offsets in a text that was assembled from pieces of a source file (a template
 * literal with resolved holes): each mark says that the text from `offset` on starts at `line`.
 */
export interface LineMark {
  offset: number;
  line: number;
}

/** The source line of `offset` in `text`, given the marks (sorted by offset, first at 0). */
export function lineOf(text: string, marks: readonly LineMark[], offset: number): number {
  let m = marks[0] ?? { offset: 0, line: 1 };
  for (const k of marks) if (k.offset <= offset) m = k; else break;
  let line = m.line;
  for (let i = m.offset; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
