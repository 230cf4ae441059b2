import { z } from 'zod';
import { ROLES } from '@yigong/domain';

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const scopeView = z.object({
  kind: z.enum(['organization', 'community', 'region']),
  communityId: z.string().nullable(),
  organizationId: z.string().nullable(),
  regionCode: z.string().nullable(),
  label: z.string(),
});
export type ScopeView = z.infer<typeof scopeView>;

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().nullable(),
  scope: scopeView,
});
export type UserView = z.infer<typeof userView>;

export const createAccountRequest = z.object({
  username: z.string().trim().regex(/^[a-z0-9._-]{3,64}$/, '用户名为3–64位小写字母、数字或 . _ -'),
  password: z.string().min(10).max(256),
  displayName: z.string().trim().min(1).max(64),
  role: z.enum(ROLES),
  scopeKind: z.enum(['organization', 'community', 'region']),
  communityId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;
