// ESLint rule `yigong/module-boundaries` (eslint.config.js): the server's layers, from the paths
// the relative imports resolve to (STYLE.md "Layout shows the architecture", DESIGN.md):
//   - a file outside `packages/server/src/modules/<m>/` imports that module only through
//     `modules/<m>/index.ts` — never its repository, service files or other internals;
//   - `platform/` imports no module, nor `app/`, `seed/` or `cli/` (the wiring lives in `src/app/`);
//   - a module imports neither `app/`, `seed/` nor `cli/` (tests may use the seed's demo accounts).
// The module → module cycle check is scripts/module-cycles.ts; the file-level one is madge.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/server/src');
const UPPER_LAYERS = new Set(['app', 'seed', 'cli']);

/** Where a path sits in the server: a module (with the file inside it), a layer, or null outside. */
function locate(path) {
  const rel = relative(SERVER_SRC, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return null;
  const parts = rel.split(sep);
  if (parts[0] === 'modules' && parts.length >= 2) return { layer: 'modules', module: parts[1], inner: parts.slice(2).join('/') };
  return { layer: parts.length > 1 ? parts[0] : '' };
}

const isTest = (path) => /\.test\.tsx?$/.test(path);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the server modules sealed and platform/ below them' },
    schema: [],
    messages: {
      repository:
        "'{{source}}' is the {{module}} module's repository: no other module, seed or script reads it. Call a service the {{module}} module exports from modules/{{module}}/index.ts (a bulk* export for seeds and benchmarks).",
      internal: "'{{source}}' is inside the {{module}} module: import it through modules/{{module}}/index.ts.",
      platform: "platform/ imports no module and nothing of src/{{layer}} ('{{source}}'): the wiring belongs in src/app.",
      moduleUp: "A module does not import src/{{layer}} ('{{source}}'): src/{{layer}} is built on the modules, not under them.",
    },
  },
  create(context) {
    const file = context.physicalFilename ?? context.filename;
    const from = locate(file);
    const check = (node) => {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!source || !source.startsWith('.')) return;
      const to = locate(resolve(dirname(file), source));
      if (!to) return;
      if (to.layer === 'modules' && !(from?.layer === 'modules' && from.module === to.module) && to.inner !== 'index.ts') {
        const messageId = /\.repository\.tsx?$/.test(to.inner) ? 'repository' : 'internal';
        context.report({ node, messageId, data: { source, module: to.module } });
      }
      if (from?.layer === 'platform' && (to.layer === 'modules' || UPPER_LAYERS.has(to.layer))) {
        context.report({ node, messageId: 'platform', data: { source, layer: to.layer } });
      }
      if (from?.layer === 'modules' && UPPER_LAYERS.has(to.layer) && !isTest(file)) {
        context.report({ node, messageId: 'moduleUp', data: { source, layer: to.layer } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};
