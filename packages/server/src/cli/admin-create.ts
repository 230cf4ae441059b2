import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { createAccountRequest } from '@yigong/contracts';
import { DomainError } from '@yigong/domain';
import { loadConfig } from '../platform/config.ts';
import { createContext } from '../app/start.ts';
import { createAccount } from '../modules/auth/index.ts';

/**
 * `npm run admin:create -- --username it.admin --region 330521 [--name 信息中心]`: creates the first
 * admin (production mode has no demo accounts). The password is read from YIGONG_ADMIN_PASSWORD
 * or asked for on the terminal, never taken from the command line.
 */
const { values } = parseArgs({ options: { username: { type: 'string' }, region: { type: 'string' }, name: { type: 'string' } } });
if (!values.username || !values.region) {
  console.error('usage: npm run admin:create -- --username <name> --region <GB/T 2260 code, e.g. 330521> [--name <display name>]');
  process.exit(2);
}
let password = process.env.YIGONG_ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('Password (≥10 chars, 3 of upper/lower/digit/symbol): ');
  rl.close();
}
const input = createAccountRequest.safeParse({
  username: values.username, password, displayName: values.name ?? '系统管理员', role: 'admin', scopeKind: 'region', regionCode: values.region,
});
if (!input.success) {
  console.error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
const ctx = await createContext(loadConfig());
try {
  const user = await createAccount(ctx, null, input.data);
  console.log(`Admin ${user.username} created (region ${values.region}).`);
} catch (e) {
  console.error(e instanceof DomainError ? `${e.code}: ${e.message}` : e);
  process.exitCode = 1;
} finally {
  await ctx.db.close();
}
