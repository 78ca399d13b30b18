/** Roles a person may hold; a person may hold several. */
export const Role = {
  EMPLOYEE: 'EMPLOYEE',
  TRAINER: 'TRAINER',
  MANAGER: 'MANAGER',
  ADMIN: 'ADMIN',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const Locale = {
  ko: 'ko',
  en: 'en',
} as const;
export type Locale = (typeof Locale)[keyof typeof Locale];
export const ALL_LOCALES: readonly Locale[] = Object.values(Locale);
export const DEFAULT_LOCALE: Locale = 'ko';

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((r) => held.includes(r));
}
