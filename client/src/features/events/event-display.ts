import {
  registrationWindow,
  seatsLeft,
  type EventKind,
  type EventStatus,
  type Locale,
  type RegistrationStatus,
  type RegistrationWindow,
} from '@palma/shared';

/** How the events pages word and decide things; components only translate the keys. */

/** A message key with its values, translated by the component (and readable in tests). */
export interface Message {
  key: string;
  named: Record<string, number | string>;
}

/** Korean title in Korean, English title in English (falling back to the other when blank). */
export function eventTitle(e: { titleKo: string; titleEn: string }, locale: Locale): string {
  return locale === 'en' ? e.titleEn.trim() || e.titleKo : e.titleKo.trim() || e.titleEn;
}

export function eventDescription(
  e: { descriptionKo: string; descriptionEn: string },
  locale: Locale,
): string {
  return locale === 'en'
    ? e.descriptionEn.trim() || e.descriptionKo
    : e.descriptionKo.trim() || e.descriptionEn;
}

export interface SeatCounts {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

/** "19 / 50 left", or "Full · 3 waiting" once every seat is taken. */
export function seatsMessage(s: SeatCounts): Message {
  const left = seatsLeft(s);
  if (left > 0) return { key: 'events.seats.left', named: { left, capacity: s.capacity } };
  if (s.waitlistCount > 0) return { key: 'events.seats.fullWaiting', named: { waiting: s.waitlistCount } };
  return { key: 'events.seats.full', named: { capacity: s.capacity } };
}

/** How full a session looks at a glance: plenty, few seats (a tenth or fewer), none. */
export function seatsTone(s: SeatCounts): 'open' | 'few' | 'full' {
  const left = seatsLeft(s);
  if (left === 0) return 'full';
  return left <= Math.max(3, Math.ceil(s.capacity / 10)) ? 'few' : 'open';
}

/** Whether registering now gives a seat or a waitlist place (people already waiting go first). */
export function joinsWaitlist(s: SeatCounts): boolean {
  return seatsLeft(s) === 0 || s.waitlistCount > 0;
}

/**
 * The sessions a card lists: the upcoming ones (all of them once every one has passed), in
 * start order; more than `max` shows the first and counts the rest.
 */
export function cardSessions<S extends { startsAt: string; endsAt: string }>(
  sessions: readonly S[],
  now: Date,
  max = 2,
): { shown: S[]; more: number } {
  const sorted = [...sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const upcoming = sorted.filter((s) => Date.parse(s.endsAt) > now.getTime());
  const list = upcoming.length > 0 ? upcoming : sorted;
  if (list.length <= max) return { shown: list, more: 0 };
  return { shown: list.slice(0, 1), more: list.length - 1 };
}

export interface RegistrationLike {
  status: RegistrationStatus;
  waitlistPlace: number | null;
  checkedInAt: string | null;
}

/** Where the viewer's registration stands, as a badge says it. */
export type RegistrationState = 'checkedIn' | 'confirmed' | 'waitlisted' | 'cancelled';

export function registrationState(r: RegistrationLike): RegistrationState {
  if (r.status === 'CANCELLED') return 'cancelled';
  if (r.checkedInAt) return 'checkedIn';
  return r.status === 'CONFIRMED' ? 'confirmed' : 'waitlisted';
}

/** "Confirmed", "Waitlist: 3rd", "Cancelled", "Checked in" (the time is the component's to add). */
export function registrationMessage(r: RegistrationLike): Message {
  const state = registrationState(r);
  if (state === 'waitlisted' && r.waitlistPlace) {
    return { key: 'events.status.waitlistedPlace', named: { place: r.waitlistPlace } };
  }
  return { key: `events.status.${state}`, named: {} };
}

/**
 * The registration that says most about the viewer and an event across its sessions: a seat
 * over a waitlist place, a live one over a cancelled one, the sooner session first.
 */
export function myStanding<
  R extends RegistrationLike,
  S extends { startsAt: string; myRegistration: R | null },
>(sessions: readonly S[]): { session: S; registration: R } | null {
  const rank = (r: R) => ({ checkedIn: 0, confirmed: 1, waitlisted: 2, cancelled: 3 })[registrationState(r)];
  let best: { session: S; registration: R } | null = null;
  for (const session of sessions) {
    const r = session.myRegistration;
    if (!r) continue;
    if (
      !best ||
      rank(r) < rank(best.registration) ||
      (rank(r) === rank(best.registration) &&
        Date.parse(session.startsAt) < Date.parse(best.session.startsAt))
    ) {
      best = { session, registration: r };
    }
  }
  return best;
}

export interface SessionForAction extends SeatCounts {
  startsAt: string;
  myRegistration: (RegistrationLike & { canCancel: boolean }) | null;
}

export interface EventForAction {
  status: EventStatus;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
}

/** What the viewer can do about one session now. */
export interface SessionAction {
  window: RegistrationWindow;
  /** Offer to register: for a seat, or for the waitlist; null when there is nothing to offer. */
  register: 'seat' | 'waitlist' | null;
  cancel: boolean;
  /** Why registering is not offered (null when it is, or when the viewer already holds a place). */
  blocked: 'EVENT_CANCELLED' | 'DRAFT' | 'NOT_OPEN' | 'CLOSED' | 'STARTED' | null;
}

const toDate = (iso: string | null) => (iso ? new Date(iso) : null);

export function sessionAction(event: EventForAction, session: SessionForAction, now: Date): SessionAction {
  const window = registrationWindow(
    {
      opensAt: toDate(event.registrationOpensAt),
      closesAt: toDate(event.registrationClosesAt),
      startsAt: new Date(session.startsAt),
    },
    now,
  );
  const mine = session.myRegistration;
  const holding = mine !== null && mine.status !== 'CANCELLED';
  const cancel = holding && mine.canCancel && event.status === 'PUBLISHED';
  if (holding) return { window, register: null, cancel, blocked: null };
  if (event.status === 'CANCELLED') return { window, register: null, cancel, blocked: 'EVENT_CANCELLED' };
  if (event.status !== 'PUBLISHED') return { window, register: null, cancel, blocked: 'DRAFT' };
  if (window !== 'OPEN') return { window, register: null, cancel, blocked: window };
  return { window, register: joinsWaitlist(session) ? 'waitlist' : 'seat', cancel, blocked: null };
}

/** "until 60 minutes / 3 hours / 1 day before": the cut-off in the largest whole unit. */
export function cancelCutoffMessage(minutes: number): Message {
  if (minutes <= 0) return { key: 'events.detail.cancelRuleAny', named: {} };
  if (minutes % 1440 === 0) return { key: 'events.detail.cancelRuleDays', named: { n: minutes / 1440 } };
  if (minutes % 60 === 0) return { key: 'events.detail.cancelRuleHours', named: { n: minutes / 60 } };
  return { key: 'events.detail.cancelRuleText', named: { n: minutes } };
}

/** The colour family of a kind (headers, date blocks, calendar chips). */
export const KIND_TONE: Record<EventKind, string> = {
  CONCERT: 'violet',
  PLAY: 'rose',
  TALK: 'blue',
  QUIZ_CONTEST: 'green',
  OTHER: 'slate',
};

const intlLocale: Record<Locale, string> = { ko: 'ko-KR', en: 'en-GB' };

/**
 * "Thu, 10 December 2026, 19:00–20:30" (one day) or both ends written out (several days);
 * without the year where the page already says it (the month's list).
 */
export function formatSessionTime(
  startIso: string,
  endIso: string,
  locale: Locale,
  timeZone: string,
  withYear = true,
): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    year: withYear ? 'numeric' : undefined,
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  }).formatRange(start, end);
}

/** The days an event spans, without times ("14–17 December 2026"). */
export function formatDateRange(startIso: string, endIso: string, locale: Locale, timeZone: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startIso} – ${endIso}`;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone }).formatRange(start, end);
}

/** Only the clock time ("19:00", "오후 7:00"), for calendar days. */
export function formatClock(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { hour: 'numeric', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** The parts of a date block: "12" "DEC" "Thu" in the viewer's language (the day as a bare number). */
export function dateBlock(iso: string, locale: Locale, timeZone: string) {
  const date = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intlLocale[locale], { ...options, timeZone }).format(date);
  const day = new Intl.DateTimeFormat('en-US', { day: 'numeric', timeZone }).format(date);
  return { day, month: part({ month: 'short' }), weekday: part({ weekday: 'short' }) };
}

/** "December 2026", "2026년 12월". */
export function formatMonthTitle(year: number, month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 15)));
}

/** Short weekday names ("Sun", "일") for weekday numbers 0 (Sunday) … 6. */
export function weekdayName(weekday: number, locale: Locale, style: 'short' | 'long' = 'short'): string {
  // 2026-11-01 was a Sunday.
  return new Intl.DateTimeFormat(intlLocale[locale], { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 1 + weekday)),
  );
}
