import type { Locale } from '@palma/shared';

/** The number shown on the bell: nothing at 0, "9+" above 9. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 9 ? '9+' : String(Math.floor(count));
}

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/**
 * How long ago something happened ("3분 전", "2 hours ago"); null beyond a week, when a
 * calendar date reads better.
 */
export function relativeTime(iso: string, locale: Locale, now: number = Date.now()): string | null {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return null;
  const seconds = Math.round((then - now) / 1000);
  const format = new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(0, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return format.format(Math.round(seconds / 86_400), 'day');
  return null;
}

/** A notification link the router may follow: a path on this site, never another origin. */
export function clientRoute(link: string | null | undefined): string | null {
  const path = link?.trim();
  if (!path || !path.startsWith('/') || path.startsWith('//')) return null;
  return path;
}
