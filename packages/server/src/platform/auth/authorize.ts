import { ACTION_LABELS, DomainError, can, hasPermission, scopeFilter, type Action, type Actor, type ResourceRef, type ScopeFilter } from '@yigong/domain';

/**
 * The one role check at the top of a service: FORBIDDEN (403) unless the actor's role may take
 * `action` at all. Returns the actor's scope for that action (the filter list queries apply).
 */
export function requirePermission(actor: Actor, action: Action): ScopeFilter {
  if (!hasPermission(actor.role, action)) throw new DomainError('FORBIDDEN', `当前角色无权${ACTION_LABELS[action]}`, { action });
  return scopeFilter(actor, action);
}

/**
 * `requirePermission` for work that belongs to one community (work lists, a unit's contracts):
 * a region-scoped account has none, so it is FORBIDDEN too. Returns the community and the scope.
 */
export function requireCommunityPermission(actor: Actor, action: Action): ScopeFilter & { communityId: string } {
  const f = requirePermission(actor, action);
  if (actor.scope.kind === 'region') throw new DomainError('FORBIDDEN', `区域账号无权${ACTION_LABELS[action]}，请用医共体或机构账号`, { action });
  return { ...f, communityId: actor.scope.communityId };
}

/**
 * Throws unless `can(actor, action, resource)`: FORBIDDEN when the role may never do it,
 * OUT_OF_SCOPE when the role may but not here. The decision itself is `can` in packages/domain.
 */
export function authorize(actor: Actor, action: Action, resource: ResourceRef): void {
  if (can(actor, action, resource)) return;
  requirePermission(actor, action);
  throw new DomainError('OUT_OF_SCOPE', '超出您的数据范围', { action, communityId: resource.communityId });
}
