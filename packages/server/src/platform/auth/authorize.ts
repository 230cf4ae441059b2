import { DomainError, can, hasPermission, type Action, type Actor, type ResourceRef } from '@yigong/domain';

/**
 * Throws unless `can(actor, action, resource)`: FORBIDDEN when the role may never do it,
 * OUT_OF_SCOPE when the role may but not here. The decision itself is `can` in packages/domain.
 */
export function authorize(actor: Actor, action: Action, resource: ResourceRef): void {
  if (can(actor, action, resource)) return;
  if (!hasPermission(actor.role, action)) throw new DomainError('FORBIDDEN', '当前角色无权执行此操作', { action });
  throw new DomainError('OUT_OF_SCOPE', '超出您的数据范围', { action, communityId: resource.communityId });
}
