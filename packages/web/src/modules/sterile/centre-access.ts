import type { SterileCentreView, UserView } from '@yigong/contracts';

/**
 * Whether the user works for the centre (docs/domain/sterile-supply.md "Who does what"): a
 * community-scoped manager of its community, or a clinician or manager of the centre's own unit.
 * The batch pages and 待发放 show their buttons by it; the server decides again on every write.
 * (The contract's views carry no batch actions, so the page mirrors the server's rule here.)
 */
export function worksAtCentre(user: Pick<UserView, 'role' | 'organizationId' | 'scope'>, centre: Pick<SterileCentreView, 'communityId' | 'organizationId'> | undefined): boolean {
  if (!centre) return false;
  if (user.role === 'manager' && user.scope.kind === 'community' && user.scope.communityId === centre.communityId) return true;
  return user.organizationId === centre.organizationId && (user.role === 'clinician' || user.role === 'manager');
}
