import type { Role } from '@palma/shared';

export interface AccessMeta {
  /** Reachable without signing in (the login page). */
  public?: boolean;
  /** Any one of these roles may open the page; absent = every signed-in person. */
  roles?: readonly Role[];
}

export interface AccessViewer {
  person: { roles: readonly Role[] };
  mustChangePassword: boolean;
}

export type AccessDecision = 'allow' | 'sign-in' | 'change-password' | 'forbidden';

/**
 * What a route needs from the viewer, in order: a session, then a new password after a
 * temporary one (only the profile page is open until then), then one of the route's roles.
 */
export function decideAccess(
  meta: AccessMeta,
  viewer: AccessViewer | null,
  routeName: string | undefined,
): AccessDecision {
  if (meta.public) return 'allow';
  if (!viewer) return 'sign-in';
  if (viewer.mustChangePassword && routeName !== 'profile') return 'change-password';
  if (meta.roles && !meta.roles.some((r) => viewer.person.roles.includes(r))) return 'forbidden';
  return 'allow';
}

/** Only same-site paths are followed after sign-in (never "//evil.example" or "https://..."). */
export function safeRedirect(value: unknown): string | null {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return null;
  if (value === '/login' || value.startsWith('/login?')) return null;
  return value;
}
