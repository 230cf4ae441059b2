import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The project's own eslint.config.js on virtual files: each layering rule of the sealed server
// modules must report its violation (and leave the allowed import alone).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: ROOT });

/** The module-boundary messages for `code` as if it were the file at `path` (from the repo root). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === 'yigong/module-boundaries').map((m) => m.message);
}

const SRC = 'packages/server/src';

describe('eslint: sealed server modules', () => {
  it("reports a module importing another module's repository", async () => {
    const errors = await boundaryErrors(`${SRC}/modules/referral/lint-fixture.ts`, "import { findBooking } from '../scheduling/scheduling.repository.ts';\nvoid findBooking;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("scheduling module's repository");
  });

  it('reports a repository import from the seed, a benchmark and a test helper as well', async () => {
    expect(await boundaryErrors(`${SRC}/seed/lint-fixture.ts`, "export { insertAccount } from '../modules/auth/auth.repository.ts';\n")).toHaveLength(1);
    expect(await boundaryErrors('packages/bench/src/lint-fixture.ts', "import * as r from '../../server/src/modules/chronic/chronic-rates.repository.ts';\nvoid r;\n")).toHaveLength(1);
    expect(await boundaryErrors('packages/server/test/lint-fixture.ts', "export * from '../src/modules/org/org.repository.ts';\n")).toHaveLength(1);
  });

  it("reports a module importing another module's service file or any internal instead of its index.ts", async () => {
    const errors = await boundaryErrors(
      `${SRC}/modules/referral/lint-fixture.ts`,
      "import { bookInTx } from '../scheduling/booking.service.ts';\nexport const later = () => import('../org/org-lookups.service.ts');\nvoid bookInTx;\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.includes('through modules/'))).toBe(true);
  });

  it("lets a module use another module's index.ts and its own files", async () => {
    const code = "import { bookInTx } from '../scheduling/index.ts';\nimport * as repo from './referral.repository.ts';\nvoid bookInTx;\nvoid repo;\n";
    expect(await boundaryErrors(`${SRC}/modules/referral/lint-fixture.ts`, code)).toEqual([]);
  });

  it('reports platform/ importing a module, even through its index.ts, and src/app or src/seed', async () => {
    const errors = await boundaryErrors(
      `${SRC}/platform/http/lint-fixture.ts`,
      "import { authRoutes } from '../../modules/auth/index.ts';\nimport { startPlatform } from '../../app/start.ts';\nimport { seedDemo } from '../../seed/seed-demo.ts';\nvoid authRoutes;\nvoid startPlatform;\nvoid seedDemo;\n",
    );
    expect(errors).toHaveLength(3);
    expect(errors.every((e) => e.startsWith('platform/ imports no module'))).toBe(true);
  });

  it('reports a module importing src/app or src/seed', async () => {
    const errors = await boundaryErrors(`${SRC}/modules/org/lint-fixture.ts`, "import { buildApp } from '../../app/build-app.ts';\nvoid buildApp;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('does not import src/app');
  });
});

describe('eslint: one role check per service', () => {
  it('reports a hand-written `if (!hasPermission(…)) throw` and leaves requirePermission alone', async () => {
    const lint = async (code: string) => (await eslint.lintText(code, { filePath: join(ROOT, `${SRC}/modules/audit/lint-fixture.ts`) }))[0]!.messages
      .filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    const handWritten = await lint(
      "import { DomainError, hasPermission, type Actor } from '@yigong/domain';\n"
      + "export function f(a: Actor) {\n  if (!hasPermission(a.role, 'audit.read') || a.scope.kind === 'region') throw new DomainError('FORBIDDEN', 'x');\n}\n",
    );
    expect(handWritten).toHaveLength(1);
    expect(handWritten[0]).toContain('requirePermission');
    expect(await lint(
      "import type { Actor } from '@yigong/domain';\nimport { requirePermission } from '../../platform/auth/authorize.ts';\n"
      + "export function f(a: Actor) {\n  return requirePermission(a, 'audit.read');\n}\n",
    )).toEqual([]);
  });
});
