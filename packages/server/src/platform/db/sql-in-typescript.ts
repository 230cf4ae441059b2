import ts from 'typescript';
import { HOLE, type LineMark } from './sql-tokens.ts';
import type { SqlText } from './tenancy-lint.ts';

/**
 * Extracts the SQL of a TypeScript file for the tenancy lint, with the TypeScript compiler API
 * (no regexes over TS). Pure: file text in, SQL texts out.
 *
 * Taken: the first argument of every `x.query(…)` / `x.exec(…)` call (or the `text` of an object
 * argument), every `const` whose string or template initialiser starts like SQL, and every string
 * or template argument of another call that starts like SQL (SQL handed to a local wrapper).
 * Not taken: SQL built in a variable that is not a `const` string, or passed through a parameter. Template
 * holes are resolved when they are string literals, a `const` of the file in scope, `a + b` or
 * `c ? a : b` (each branch gives one variant of the SQL, at most MAX_VARIANTS); any other hole
 * becomes the parameter-like placeholder `$__` (or `0` right after a `$`, as in `$${i + 2}`).
 */
export function sqlOfTypeScript(file: string, text: string): SqlText[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: SqlText[] = [];
  const add = (node: ts.Expression) => {
    for (const v of variantsOf(node, sf, new Set())) {
      if (v.sql.trim() && v.sql !== HOLE) out.push({ file, line: v.marks[0]?.line ?? 1, sql: v.sql, kind: 'code', marks: v.marks });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['query', 'exec'].includes(node.expression.name.text)) {
      const arg = node.arguments[0];
      if (arg && ts.isObjectLiteralExpression(arg)) {
        const textProp = arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'text');
        if (textProp && ts.isPropertyAssignment(textProp)) add(textProp.initializer);
      } else if (arg) add(arg);
    } else if (ts.isCallExpression(node)) {
      // SQL handed to a local wrapper (`const one = (q) => sql.query(q)`; `one(\`select …\`)`).
      for (const arg of node.arguments) if (isStringish(arg) && startsLikeSql(arg, sf)) add(arg);
    }
    if (ts.isVariableDeclaration(node) && node.initializer && isConst(node) && isStringish(node.initializer)) {
      if (startsLikeSql(node.initializer, sf)) add(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A migration file as one SQL text (its statements are split by the lint). */
export function sqlOfMigration(file: string, text: string): SqlText {
  return { file, line: 1, sql: text, kind: 'migration' };
}

function startsLikeSql(e: ts.Expression, sf: ts.SourceFile): boolean {
  const first = variantsOf(e, sf, new Set())[0];
  return first !== undefined && SQL_START.test(first.sql);
}

const SQL_START = /^\s*(select|insert|update|delete|with|create|alter|drop|do|lock|truncate|copy|values)\b/i;
const MAX_VARIANTS = 16;

interface Variant {
  sql: string;
  marks: LineMark[];
}

function isConst(d: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) !== 0;
}

function isStringish(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e);
}

function lineAt(sf: ts.SourceFile, pos: number): number {
  return sf.getLineAndCharacterOfPosition(pos).line + 1;
}

/** Each text the expression can evaluate to, with the source line of each piece. */
function variantsOf(e: ts.Expression, sf: ts.SourceFile, resolving: Set<ts.Node>): Variant[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ sql: e.text, marks: [{ offset: 0, line: lineAt(sf, e.getStart(sf)) }] }];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) return variantsOf(e.expression, sf, resolving);
  if (ts.isConditionalExpression(e)) return [...variantsOf(e.whenTrue, sf, resolving), ...variantsOf(e.whenFalse, sf, resolving)].slice(0, MAX_VARIANTS);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return concat(variantsOf(e.left, sf, resolving), variantsOf(e.right, sf, resolving));
  }
  if (ts.isTemplateExpression(e)) {
    let acc: Variant[] = [{ sql: e.head.text, marks: [{ offset: 0, line: lineAt(sf, e.head.getStart(sf)) }] }];
    for (const span of e.templateSpans) {
      const holes = variantsOf(span.expression, sf, resolving);
      acc = acc.flatMap((a) => holes.map((h) => (h.sql === HOLE && a.sql.endsWith('$') ? { ...h, sql: '0' } : h)).map((h) => join(a, h))).slice(0, MAX_VARIANTS);
      acc = acc.map((a) => join(a, { sql: span.literal.text, marks: [{ offset: 0, line: lineAt(sf, span.literal.getStart(sf)) }] }));
    }
    return acc;
  }
  if (ts.isIdentifier(e)) {
    const init = constInitializer(e);
    if (init && !resolving.has(init)) {
      const next = new Set(resolving).add(init);
      return variantsOf(init, sf, next);
    }
  }
  return [{ sql: HOLE, marks: [{ offset: 0, line: lineAt(sf, e.getStart(sf)) }] }];
}

function concat(left: Variant[], right: Variant[]): Variant[] {
  return left.flatMap((a) => right.map((b) => join(a, b))).slice(0, MAX_VARIANTS);
}

function join(a: Variant, b: Variant): Variant {
  return { sql: a.sql + b.sql, marks: [...a.marks, ...b.marks.map((m) => ({ offset: m.offset + a.sql.length, line: m.line }))] };
}

/** The initialiser of the `const` the identifier names in an enclosing scope, if any. */
function constInitializer(id: ts.Identifier): ts.Expression | undefined {
  for (let scope: ts.Node | undefined = id.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === id.text)) return undefined;
    if (!(ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope))) continue;
    for (const st of scope.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text) return isConst(d) ? d.initializer : undefined;
      }
    }
  }
  return undefined;
}
