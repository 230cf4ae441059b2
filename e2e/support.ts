import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';

/** One end-to-end test: a named async function run in a fresh browser context. */
export type E2eTest = (ctx: { page: Page; baseUrl: string }) => Promise<void>;

export const DEMO_PASSWORD = 'Demo@2026';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

/** Saves `e2e/screenshots/<name>.png` (the runner also saves one per test at its end). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function expectVisible(locator: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`expected to see ${what}`);
  }
}

export function expectMatch(actual: string | null, pattern: RegExp, what: string): void {
  if (actual === null || !pattern.test(actual)) throw new Error(`${what}: expected ${pattern}, got ${JSON.stringify(actual)}`);
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** A tiny API client for test set-up (finding ids), not for what the test asserts. */
export async function apiAs(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  const { token, user } = (await res.json()) as { token: string; user: { id: string; scope: { communityId: string | null } } };
  return {
    user,
    get: async <T>(path: string): Promise<T> => {
      const r = await fetch(`${baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!r.ok) throw new Error(`GET ${path}: HTTP ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}
