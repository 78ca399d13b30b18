import type { Locale } from '@palma/shared';
import { createI18n } from 'vue-i18n';
import {
  browserLanguages,
  DEFAULT_TIME_ZONE,
  pickInitialLocale,
  readSavedLocale,
  saveLocale,
} from './locale';
import checkInEn from '@/features/events/locales/check-in.en.json';
import checkInKo from '@/features/events/locales/check-in.ko.json';
import eventAdminEn from '@/features/events/locales/event-admin.en.json';
import eventAdminKo from '@/features/events/locales/event-admin.ko.json';
import eventsEn from '@/features/events/locales/events.en.json';
import eventsKo from '@/features/events/locales/events.ko.json';
import badgeAdminEn from '@/features/gamification/locales/badge-admin.en.json';
import badgeAdminKo from '@/features/gamification/locales/badge-admin.ko.json';
import gamificationEn from '@/features/gamification/locales/gamification.en.json';
import gamificationKo from '@/features/gamification/locales/gamification.ko.json';
import liveHostEn from '@/features/live/locales/live-host.en.json';
import liveHostKo from '@/features/live/locales/live-host.ko.json';
import livePlayEn from '@/features/live/locales/live-play.en.json';
import livePlayKo from '@/features/live/locales/live-play.ko.json';
import bankEn from '@/features/quizzes/locales/bank.en.json';
import bankKo from '@/features/quizzes/locales/bank.ko.json';
import builderEn from '@/features/quizzes/locales/builder.en.json';
import builderKo from '@/features/quizzes/locales/builder.ko.json';
import playerEn from '@/features/quizzes/locales/player.en.json';
import playerKo from '@/features/quizzes/locales/player.ko.json';
import enBase from './locales/en.json';
import koBase from './locales/ko.json';

// Large features keep their messages beside them, under one top-level key each.
const ko = {
  ...koBase,
  quizBank: bankKo,
  quizBuilder: builderKo,
  quizPlayer: playerKo,
  events: eventsKo,
  eventAdmin: eventAdminKo,
  checkIn: checkInKo,
  livePlay: livePlayKo,
  liveHost: liveHostKo,
  gamification: gamificationKo,
  badgeAdmin: badgeAdminKo,
};
const en = {
  ...enBase,
  quizBank: bankEn,
  quizBuilder: builderEn,
  quizPlayer: playerEn,
  events: eventsEn,
  eventAdmin: eventAdminEn,
  checkIn: checkInEn,
  livePlay: livePlayEn,
  liveHost: liveHostEn,
  gamification: gamificationEn,
  badgeAdmin: badgeAdminEn,
};

export type MessageSchema = typeof ko;

export const messages: Record<Locale, MessageSchema> = { ko, en };

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'ko',
    messages,
    // A missing key shows up in tests and screenshots instead of being papered over.
    missingWarn: import.meta.env.DEV,
    fallbackWarn: false,
  });
}

export const i18n = createAppI18n(pickInitialLocale(readSavedLocale(), browserLanguages()));

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

/** Switches the interface language at once, remembers it on this device and tells the page. */
export function applyLocale(locale: Locale, remember = true): void {
  i18n.global.locale.value = locale;
  if (remember) saveLocale(locale);
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/** A date and time in the viewer's language and time zone (Asia/Seoul unless told otherwise). */
export function formatDateTime(iso: string, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}
