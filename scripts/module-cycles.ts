// Module-level cycle check (`npm run lint`): builds the graph module → module of the server from
// the import statements of `packages/server/src/modules/<module>/**` and fails on any cycle,
// naming it with one import per edge. `npm run cycles` (madge) checks files; this checks modules,
// where a cycle hides behind acyclic files (a → b's service, b → a's repository).
// Tests are left out of the graph: an integration test may drive two modules together, the way
// src/app wires them; their imports still go through each module's index.ts (eslint.config.js).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface SourceFile {
  path: string;
  text: string;
}

/** module → module it imports → the first import seen on that edge (`file: specifier`). */
export type ModuleGraph = Map<string, Map<string, string>>;

const isTest = (p: string) => /\.test\.tsx?$/.test(p);

/** The module a path belongs to (`<modulesDir>/<module>/…`), or null outside the modules. */
export function moduleOf(modulesDir: string, path: string): string | null {
  const rel = relative(modulesDir, path);
  if (!rel || rel.startsWith('..') || rel.split(sep).length < 2) return null;
  return rel.split(sep)[0]!;
}

/** The graph of the given files (absolute paths under `modulesDir`); relative imports only. */
export function moduleGraph(modulesDir: string, files: readonly SourceFile[]): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const f of files) {
    const from = moduleOf(modulesDir, f.path);
    if (!from || isTest(f.path)) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const imp of ts.preProcessFile(f.text, true, true).importedFiles) {
      if (!imp.fileName.startsWith('.')) continue;
      const to = moduleOf(modulesDir, resolve(dirname(f.path), imp.fileName));
      if (to && to !== from && !graph.get(from)!.has(to)) graph.get(from)!.set(to, `${f.path}: '${imp.fileName}'`);
    }
  }
  return graph;
}

/**
 * Every cycle of the graph, one per strongly connected component of two or more modules (Tarjan),
 * as the modules along one closed path, first module repeated at the end.
 */
export function moduleCycles(graph: ModuleGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) components.push(c);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components.map((c) => closedPath(graph, new Set(c)));
}

/** A closed path through the component, from its first module in alphabetical order. */
function closedPath(graph: ModuleGraph, members: Set<string>): string[] {
  const start = [...members].sort()[0]!;
  const path = [start];
  const seen = new Set([start]);
  const walk = (v: string): boolean => {
    for (const w of [...(graph.get(v)?.keys() ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === start) return path.push(w), true;
      if (seen.has(w)) continue;
      seen.add(w);
      path.push(w);
      if (walk(w)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return path;
}

/** A readable report of a cycle: the modules, then the import behind each edge. */
export function describeCycle(graph: ModuleGraph, cycle: readonly string[], root = ''): string {
  const edges = cycle.slice(1).map((to, i) => `    ${cycle[i]} → ${to}: ${root ? relative(root, graph.get(cycle[i]!)!.get(to)!) : graph.get(cycle[i]!)!.get(to)}`);
  return [`  ${cycle.join(' → ')}`, ...edges].join('\n');
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [{ path: p, text: readFileSync(p, 'utf8') }] : [];
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const modulesDir = join(root, 'packages/server/src/modules');
  const graph = moduleGraph(modulesDir, sourceFiles(modulesDir));
  const cycles = moduleCycles(graph);
  if (cycles.length) {
    console.error(`Module cycles in packages/server/src/modules (a module may depend on another in one direction only):\n${cycles.map((c) => describeCycle(graph, c, root)).join('\n')}`);
    process.exit(1);
  }
  const edges = [...graph.values()].reduce((n, m) => n + m.size, 0);
  console.log(`No module cycles (${graph.size} modules, ${edges} module → module dependencies).`);
}
