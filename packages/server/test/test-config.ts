import { loadConfig, type Config } from '../src/platform/config.ts';

// Fixed test keys: the template database is encrypted with them, every test file reads it.
const KEYS = `${Buffer.alloc(32, 7).toString('base64')}:${Buffer.alloc(32, 9).toString('base64')}`;

/** Test settings; YIGONG_TEST_LOG_LEVEL=error shows the server's log (e.g. the cause of a 500). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ YIGONG_KEYS: KEYS, YIGONG_LOG_LEVEL: process.env.YIGONG_TEST_LOG_LEVEL ?? 'silent', YIGONG_DATA_DIR: '/nonexistent-test-dir', YIGONG_RATE_LIMIT_PER_MINUTE: '0' }), ...overrides };
}
