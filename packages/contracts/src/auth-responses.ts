import { z } from 'zod';
import { timestamp } from './common.ts';
import { userView } from './auth.ts';

/** POST /auth/login. */
export const loginResponse = z.object({ token: z.string(), expiresAt: timestamp, user: userView });
export type LoginResponse = z.infer<typeof loginResponse>;

/** A row of GET /accounts: the user and the state of its sign-in. */
export const accountView = userView.extend({
  disabled: z.boolean(),
  lockedUntil: timestamp.nullable(),
  failedAttempts: z.number().int(),
});
export type AccountView = z.infer<typeof accountView>;

/** POST /accounts/:id/revoke-sessions. */
export const revokedSessions = z.object({ revoked: z.number().int() });

/** GET /health (public): whether the demo accounts are shown. */
export const healthResponse = z.object({ status: z.literal('ok'), mode: z.enum(['demo', 'production']) });
export type HealthResponse = z.infer<typeof healthResponse>;
