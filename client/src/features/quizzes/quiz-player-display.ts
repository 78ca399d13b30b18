import type { Locale } from '@palma/shared';
import { formatNumber } from '@/app/i18n';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** A percent of the maximum score, at most one decimal: "66.7점" in Korean (out of 100), "66.7%". */
export function formatPercent(value: number, locale: Locale, t: Translate): string {
  return t('quizPlayer.percentValue', { n: formatNumber(Math.round(value * 10) / 10, locale) });
}

/** A score with at most two decimals (partial credit gives halves and thirds). */
export function formatScore(value: number, locale: Locale): string {
  return formatNumber(Math.round(value * 100) / 100, locale);
}

/** A time limit in words: "20분", "1분 30초", "1시간 30분". */
export function formatDuration(seconds: number, t: Translate): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(t('quizPlayer.duration.hours', { n: hours }));
  if (minutes > 0) parts.push(t('quizPlayer.duration.minutes', { n: minutes }));
  if (rest > 0 || parts.length === 0) parts.push(t('quizPlayer.duration.seconds', { n: rest }));
  return parts.join(' ');
}
