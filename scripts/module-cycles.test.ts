import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeCycle, moduleCycles, moduleGraph, type SourceFile } from './module-cycles.ts';

const MODULES = '/repo/packages/server/src/modules';
const file = (path: string, text: string): SourceFile => ({ path: `${MODULES}/${path}`, text });

describe('module cycle check (npm run lint)', () => {
  it('reports a cycle that only shows at module level, naming the modules and the import behind each edge', () => {
    // No file cycle: residents' service → grants' service, grants' service → residents' repository.
    const files = [
      file('residents/residents.service.ts', "import { hasActiveGrant } from '../grants/index.ts';\nimport * as repo from './residents.repository.ts';"),
      file('residents/residents.repository.ts', "import type { Sql } from '../../platform/db/database.ts';"),
      file('residents/index.ts', "export { requireResidentAccess, findResidentIn } from './residents.service.ts';"),
      file('grants/grants.service.ts', "import {\n  findResidentIn,\n} from '../residents/index.ts';"),
      file('grants/index.ts', "export * from './grants.service.ts';"),
    ];
    const graph = moduleGraph(MODULES, files);
    const cycles = moduleCycles(graph);
    expect(cycles).toEqual([['grants', 'residents', 'grants']]);
    const report = describeCycle(graph, cycles[0]!);
    expect(report).toContain('grants → residents → grants');
    expect(report).toContain("grants/grants.service.ts: '../residents/index.ts'");
    expect(report).toContain("residents/residents.service.ts: '../grants/index.ts'");
  });

  it('finds a longer cycle and one path through it', () => {
    const files = [
      file('a/a.service.ts', "import { b } from '../b/index.ts';"),
      file('b/b.service.ts', "export { c } from '../c/index.ts';"),
      file('c/c.service.ts', "const a = () => import('../a/index.ts');"),
      file('d/d.service.ts', "import { a } from '../a/index.ts';"),
    ];
    expect(moduleCycles(moduleGraph(MODULES, files))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('accepts dependencies in one direction, and leaves tests out of the graph', () => {
    const files = [
      file('indicators/indicators.service.ts', "import * as encounters from '../encounters/index.ts';"),
      file('encounters/ingest.service.ts', "import { communityRegion } from '../org/index.ts';"),
      file('encounters/encounters.int.test.ts', "import { recomputeAggregates } from '../indicators/index.ts';"),
    ];
    const graph = moduleGraph(MODULES, files);
    expect(moduleCycles(graph)).toEqual([]);
    expect([...graph.get('indicators')!.keys()]).toEqual(['encounters']);
  });

  it("finds no cycle among the server's modules", () => {
    const modulesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/server/src/modules');
    const read = (dir: string): SourceFile[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? read(join(dir, n)) : n.endsWith('.ts') ? [{ path: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }] : []));
    expect(moduleCycles(moduleGraph(modulesDir, read(modulesDir)))).toEqual([]);
  });
});
