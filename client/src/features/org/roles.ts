import { ALL_ROLES, type Role } from '@palma/shared';

/** Roles in one fixed order (employee, trainer, manager, admin), whatever order the server kept. */
export function orderedRoles(roles: readonly Role[]): Role[] {
  return ALL_ROLES.filter((r) => roles.includes(r));
}
