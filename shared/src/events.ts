import { z } from 'zod';

/** Concert-style events: what is on, who may come, and the rules for seats and tickets. */

export const EventKind = {
  CONCERT: 'CONCERT',
  PLAY: 'PLAY',
  TALK: 'TALK',
  QUIZ_CONTEST: 'QUIZ_CONTEST',
  OTHER: 'OTHER',
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const EVENT_KINDS = Object.values(EventKind) as [EventKind, ...EventKind[]];

export const EventStatus = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED', CANCELLED: 'CANCELLED' } as const;
export type EventStatus = (typeof EventStatus)[keyof typeof EventStatus];

export const RegistrationStatus = {
  CONFIRMED: 'CONFIRMED',
  WAITLISTED: 'WAITLISTED',
  CANCELLED: 'CANCELLED',
} as const;
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];

/** How a manager's group registration treats people who do not fit in the remaining seats. */
export const GroupRegistrationMode = {
  /** Everyone gets a seat, or nobody is registered. */
  ALL_OR_NONE: 'ALL_OR_NONE',
  /** Seats in the order given; the rest join the waitlist. */
  REST_TO_WAITLIST: 'REST_TO_WAITLIST',
} as const;
export type GroupRegistrationMode = (typeof GroupRegistrationMode)[keyof typeof GroupRegistrationMode];

export const EventLimits = {
  titleMax: 200,
  descriptionMax: 8_000,
  performersMax: 500,
  venueMax: 300,
  urlMax: 500,
  sessionsMax: 20,
  capacityMax: 100_000,
  creditMinutesMax: 600,
  cancelCutoffMinutesMax: 7 * 24 * 60,
  audienceMax: 200,
  groupMax: 500,
  coverBytesMax: 2 * 1024 * 1024,
} as const;

/** The time zone events are shown in when the viewer has none of their own. */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const eventSessionSchema = z
  .object({
    /** An existing session to keep (and edit); absent for a new one. */
    id: z.string().uuid().nullish(),
    startsAt: z.date(),
    endsAt: z.date(),
    capacity: z.number().int().min(1, 'must be at least 1').max(EventLimits.capacityMax),
  })
  .refine((s) => s.endsAt.getTime() > s.startsAt.getTime(), {
    message: 'must be after the start',
    path: ['endsAt'],
  });

const optionalUrl = z
  .string()
  .trim()
  .max(EventLimits.urlMax)
  .refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'must be an http(s) address');

export const eventSchema = z
  .object({
    titleKo: z.string().trim().min(1).max(EventLimits.titleMax),
    titleEn: z.string().trim().min(1).max(EventLimits.titleMax),
    descriptionKo: z.string().trim().max(EventLimits.descriptionMax),
    descriptionEn: z.string().trim().max(EventLimits.descriptionMax),
    kind: z.enum(EVENT_KINDS),
    performers: z.string().trim().max(EventLimits.performersMax),
    venue: z.string().trim().max(EventLimits.venueMax),
    onlineUrl: optionalUrl,
    timeZone: z.string().refine(isTimeZone, 'is not a time zone'),
    creditMinutes: z.number().int().min(0).max(EventLimits.creditMinutesMax),
    registrationOpensAt: z.date().nullish(),
    registrationClosesAt: z.date().nullish(),
    cancelCutoffMinutes: z.number().int().min(0).max(EventLimits.cancelCutoffMinutesMax),
    audienceDepartmentIds: z.array(z.string().uuid()).max(EventLimits.audienceMax),
    staffPersonIds: z.array(z.string().uuid()).max(100),
    sessions: z.array(eventSessionSchema).min(1, 'add at least one session').max(EventLimits.sessionsMax),
  })
  .refine((e) => e.venue !== '' || e.onlineUrl !== '', {
    message: 'give a venue or an online link',
    path: ['venue'],
  })
  .refine(
    (e) =>
      !e.registrationOpensAt ||
      !e.registrationClosesAt ||
      e.registrationClosesAt.getTime() > e.registrationOpensAt.getTime(),
    { message: 'must be after registration opens', path: ['registrationClosesAt'] },
  );
export type EventDraft = z.input<typeof eventSchema>;

/** Where registration for one session stands at a moment. */
export type RegistrationWindow = 'NOT_OPEN' | 'OPEN' | 'CLOSED' | 'STARTED';

/**
 * Registration is open from `opensAt` (or publication) until `closesAt`, and never once the
 * session has started (a default close of "at the start").
 */
export function registrationWindow(
  w: { opensAt: Date | null; closesAt: Date | null; startsAt: Date },
  now: Date,
): RegistrationWindow {
  const t = now.getTime();
  if (t >= w.startsAt.getTime()) return 'STARTED';
  if (w.opensAt && t < w.opensAt.getTime()) return 'NOT_OPEN';
  if (w.closesAt && t >= w.closesAt.getTime()) return 'CLOSED';
  return 'OPEN';
}

/** A registrant may cancel until `cutoffMinutes` before the session starts. */
export function cancellationOpen(startsAt: Date, cutoffMinutes: number, now: Date): boolean {
  return now.getTime() < startsAt.getTime() - cutoffMinutes * 60_000;
}

/** Seats left, never negative (a capacity lowered to the confirmed count leaves 0). */
export function seatsLeft(s: { capacity: number; confirmedCount: number }): number {
  return Math.max(0, s.capacity - s.confirmedCount);
}
