import { ALL_LOCALES, DEFAULT_LOCALE, type Locale } from '@palma/shared';

export const LOCALE_STORAGE_KEY = 'palma.locale';
/** Shown when a person has no time zone of their own (all current users work in Korea). */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (ALL_LOCALES as readonly string[]).includes(value);
}

/**
 * The interface language before anyone signs in: a choice saved on this device, else the first
 * browser language we offer ("ko-KR" counts as ko), else Korean.
 */
export function pickInitialLocale(
  saved: string | null | undefined,
  browserLanguages: readonly string[],
): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

export function readSavedLocale(): string | null {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    // Storage can be unavailable (privacy modes); the browser languages decide then.
    return null;
  }
}

export function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    /* not fatal: the choice just is not remembered on this device */
  }
}

export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}
