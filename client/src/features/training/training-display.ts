import type { Locale, TrainingStatus } from '@palma/shared';
import { DEFAULT_TIME_ZONE } from '@/app/locale';

/** Korean text in Korean, English text in English (falling back to the other when blank). */
export function inLanguage(ko: string, en: string, locale: Locale): string {
  return locale === 'en' ? en.trim() || ko : ko.trim() || en;
}

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** A calendar date in the viewer's language, as seen in Korea ("2026년 3월 31일", "31 March 2026"). */
export function formatDate(iso: string, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone }).format(date);
}

/** A message key with its values, translated by the component (and readable in tests). */
export interface Message {
  key: string;
  named: Record<string, number | string>;
  /** Chooses the plural form ("1 day" / "3 days"). */
  plural?: number;
}

/**
 * How the time to a due date reads: "D-12", "D-Day", or days overdue. Finished training has no
 * countdown any more.
 */
export function dueCountdown(daysLeft: number, status: TrainingStatus): Message | null {
  if (status === 'COMPLETED') return null;
  if (daysLeft > 0) return { key: 'training.due.daysLeft', named: { n: daysLeft } };
  if (daysLeft === 0 && status !== 'OVERDUE') return { key: 'training.due.today', named: {} };
  const n = Math.max(1, -daysLeft);
  return { key: 'training.due.overdueBy', named: { n }, plural: n };
}

export type Urgency = 'done' | 'overdue' | 'soon' | 'calm';

/** Seven days or fewer left counts as "soon" (a highlighted countdown). */
export const SOON_DAYS = 7;

export function urgency(daysLeft: number, status: TrainingStatus): Urgency {
  if (status === 'COMPLETED') return 'done';
  if (status === 'OVERDUE' || daysLeft < 0) return 'overdue';
  return daysLeft <= SOON_DAYS ? 'soon' : 'calm';
}

/** The badge class of a status: never the only sign, the status text is always written out. */
export const statusBadgeClass: Record<TrainingStatus, string> = {
  COMPLETED: 'badge--success',
  IN_PROGRESS: '',
  NOT_STARTED: 'badge--muted',
  OVERDUE: 'badge--danger',
};

/** "45:07" / "3:05" for a countdown of seconds. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
