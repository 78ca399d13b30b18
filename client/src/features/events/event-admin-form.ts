import {
  DEFAULT_TIME_ZONE,
  ErrorCode,
  EventLimits,
  eventSchema,
  isTimeZone,
  toFieldProblems,
  type EventKind,
  type FieldProblem,
} from '@palma/shared';
import type { EventAdminEventFieldsFragment, EventInput, EventSessionInput } from '@/api/graphql';
import { fieldMessage, fieldProblems, type Problem } from '@/app/errors';
import { fromZonedInput, shiftLocalDays, toZonedInput } from './event-admin-time';

export const EVENT_KIND_CHOICES: readonly EventKind[] = ['CONCERT', 'PLAY', 'TALK', 'QUIZ_CONTEST', 'OTHER'];

/** Ranges the number fields accept, as the form says them. */
export const EVENT_FORM_RANGES = {
  creditMinutes: [0, EventLimits.creditMinutesMax],
  cancelCutoffMinutes: [0, EventLimits.cancelCutoffMinutesMax],
  capacity: [1, EventLimits.capacityMax],
} as const satisfies Record<string, readonly [number, number]>;

/** One session row. Times are `YYYY-MM-DDTHH:mm` in the event's time zone; '' while empty. */
export interface EventSessionForm {
  /** Stable key for list rendering; not sent. */
  key: string;
  /** The saved session this row edits; null for a new one. */
  id: string | null;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  /** Saved counts (0 for a new row): capacity may not go below `confirmedCount`. */
  confirmedCount: number;
  waitlistCount: number;
}

/** What the editor holds; number fields are null while empty or not a whole number. */
export interface EventForm {
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  kind: EventKind;
  performers: string;
  venue: string;
  onlineUrl: string;
  timeZone: string;
  creditMinutes: number | null;
  /** `YYYY-MM-DDTHH:mm` in the event's time zone; '' for "when published" / "at the start". */
  registrationOpensAt: string;
  registrationClosesAt: string;
  cancelCutoffMinutes: number | null;
  audienceDepartmentIds: string[];
  staffPersonIds: string[];
  sessions: EventSessionForm[];
}

export type EventInputResult = { ok: true; input: EventInput } | { ok: false; problems: FieldProblem[] };

/** Problem messages this module writes itself (translated by `eventFieldMessages`). */
const INVALID_DATE = 'invalid date';
const REQUIRED = 'required';
const DATE_FIELD = /(startsAt|endsAt|registrationOpensAt|registrationClosesAt)$/;
const belowConfirmed = (n: number) => `capacity below ${n} confirmed`;

let sessionCounter = 0;
function sessionKey(): string {
  sessionCounter += 1;
  return `session-${sessionCounter}`;
}

export function emptySessionForm(): EventSessionForm {
  return {
    key: sessionKey(),
    id: null,
    startsAt: '',
    endsAt: '',
    capacity: null,
    confirmedCount: 0,
    waitlistCount: 0,
  };
}

/** A new event: Seoul time, the server's default cut-off, one empty session. */
export function emptyEventForm(): EventForm {
  return {
    titleKo: '',
    titleEn: '',
    descriptionKo: '',
    descriptionEn: '',
    kind: 'CONCERT',
    performers: '',
    venue: '',
    onlineUrl: '',
    timeZone: DEFAULT_TIME_ZONE,
    creditMinutes: 0,
    registrationOpensAt: '',
    registrationClosesAt: '',
    cancelCutoffMinutes: 60,
    audienceDepartmentIds: [],
    staffPersonIds: [],
    sessions: [emptySessionForm()],
  };
}

/**
 * The row "add session" appends: the last row again one day later with the same seats (a run of
 * evening performances is the common case), or an empty row when there is nothing to copy.
 */
export function nextSessionForm(sessions: readonly EventSessionForm[]): EventSessionForm {
  const last = sessions.at(-1);
  const row = emptySessionForm();
  if (!last) return row;
  return {
    ...row,
    startsAt: shiftLocalDays(last.startsAt, 1),
    endsAt: shiftLocalDays(last.endsAt, 1),
    capacity: last.capacity,
  };
}

/** Whether a saved session still holds registrations (it cannot be removed then). */
export function sessionHasRegistrations(session: EventSessionForm): boolean {
  return session.id !== null && session.confirmedCount + session.waitlistCount > 0;
}

/** A saved event back into the form, its times shown in its own time zone. */
export function eventToForm(event: EventAdminEventFieldsFragment): EventForm {
  const zone = isTimeZone(event.timeZone) ? event.timeZone : DEFAULT_TIME_ZONE;
  return {
    titleKo: event.titleKo,
    titleEn: event.titleEn,
    descriptionKo: event.descriptionKo,
    descriptionEn: event.descriptionEn,
    kind: event.kind,
    performers: event.performers,
    venue: event.venue,
    onlineUrl: event.onlineUrl,
    timeZone: event.timeZone,
    creditMinutes: event.creditMinutes,
    registrationOpensAt: toZonedInput(event.registrationOpensAt, zone),
    registrationClosesAt: toZonedInput(event.registrationClosesAt, zone),
    cancelCutoffMinutes: event.cancelCutoffMinutes,
    audienceDepartmentIds: [...event.audienceDepartmentIds],
    staffPersonIds: [...event.staffPersonIds],
    sessions: event.sessions.map((s) => ({
      key: sessionKey(),
      id: s.id,
      startsAt: toZonedInput(s.startsAt, zone),
      endsAt: toZonedInput(s.endsAt, zone),
      capacity: s.capacity,
      confirmedCount: s.confirmedCount,
      waitlistCount: s.waitlistCount,
    })),
  };
}

/**
 * The form as EventInput (sessions all sent: saved ones with their id, new ones without),
 * checked by the shared schema the server applies too, plus the one rule the form knows better
 * than the schema: a saved session's capacity cannot go below its confirmed count. Problems are
 * keyed by full path ("titleKo", "sessions.1.capacity").
 */
export function toEventInput(form: EventForm): EventInputResult {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  const zone = isTimeZone(form.timeZone.trim()) ? form.timeZone.trim() : null;
  // Without a real time zone the times mean nothing yet: only the time zone is reported.
  const when = (field: string, value: string, required: boolean): Date | null => {
    if (value.trim() === '') {
      if (required) add(field, REQUIRED);
      return null;
    }
    if (!zone) return null;
    const date = fromZonedInput(value, zone);
    if (!date) add(field, INVALID_DATE);
    return date;
  };

  const registrationOpensAt = when('registrationOpensAt', form.registrationOpensAt, false);
  const registrationClosesAt = when('registrationClosesAt', form.registrationClosesAt, false);
  // The schema checks these two only once everything else passes: say them at once.
  if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt)
    add('registrationClosesAt', 'must be after registration opens');
  if (form.venue.trim() === '' && form.onlineUrl.trim() === '')
    add('venue', 'give a venue or an online link');
  if (form.creditMinutes === null) add('creditMinutes', REQUIRED);
  if (form.cancelCutoffMinutes === null) add('cancelCutoffMinutes', REQUIRED);
  const sessions = form.sessions.map((s, i) => {
    const startsAt = when(`sessions.${i}.startsAt`, s.startsAt, true);
    const endsAt = when(`sessions.${i}.endsAt`, s.endsAt, true);
    if (s.capacity === null) add(`sessions.${i}.capacity`, REQUIRED);
    else if (s.id && s.capacity < s.confirmedCount)
      add(`sessions.${i}.capacity`, belowConfirmed(s.confirmedCount));
    return { id: s.id, startsAt, endsAt, capacity: s.capacity };
  });

  const parsed = eventSchema.safeParse({
    titleKo: form.titleKo,
    titleEn: form.titleEn,
    descriptionKo: form.descriptionKo,
    descriptionEn: form.descriptionEn,
    kind: form.kind,
    performers: form.performers,
    venue: form.venue,
    onlineUrl: form.onlineUrl,
    timeZone: form.timeZone.trim(),
    creditMinutes: form.creditMinutes,
    registrationOpensAt,
    registrationClosesAt,
    cancelCutoffMinutes: form.cancelCutoffMinutes,
    audienceDepartmentIds: form.audienceDepartmentIds,
    staffPersonIds: form.staffPersonIds,
    sessions,
  });
  // The problems found above are the more precise ones for their fields.
  if (!parsed.success) {
    for (const p of toFieldProblems(parsed.error)) {
      // Times left unread for want of a time zone are not missing.
      if (!zone && DATE_FIELD.test(p.field)) continue;
      add(p.field, p.message);
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };

  const data = parsed.data;
  return {
    ok: true,
    input: {
      titleKo: data.titleKo,
      titleEn: data.titleEn,
      descriptionKo: data.descriptionKo,
      descriptionEn: data.descriptionEn,
      kind: data.kind,
      performers: data.performers,
      venue: data.venue,
      onlineUrl: data.onlineUrl,
      timeZone: data.timeZone,
      creditMinutes: data.creditMinutes,
      registrationOpensAt: data.registrationOpensAt?.toISOString() ?? null,
      registrationClosesAt: data.registrationClosesAt?.toISOString() ?? null,
      cancelCutoffMinutes: data.cancelCutoffMinutes,
      audienceDepartmentIds: [...data.audienceDepartmentIds],
      staffPersonIds: [...data.staffPersonIds],
      sessions: data.sessions.map((s): EventSessionInput => ({
        ...(s.id ? { id: s.id } : {}),
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: s.capacity,
      })),
    },
  };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The number field a path points at ("sessions.2.capacity" → "capacity"), if any. */
function rangeOf(field: string): readonly [number, number] | undefined {
  const last = field.split('.').at(-1) ?? '';
  return (EVENT_FORM_RANGES as Record<string, readonly [number, number]>)[last];
}

/** One problem's message, translated: the schema's own words, the form's and the server's. */
export function eventFieldMessage(field: string, message: string, t: Translate): string {
  let m: RegExpMatchArray | null;
  if (message === REQUIRED || /expected (string|number|date), received (null|undefined)/.test(message))
    return t('fieldErrors.required');
  if ((m = message.match(/^capacity below (\d+) confirmed$/)))
    return t('eventAdmin.fieldErrors.belowConfirmed', { n: Number(m[1]) });
  const range = rangeOf(field);
  if (range) return t('eventAdmin.fieldErrors.range', { min: range[0], max: range[1] });
  if (message === INVALID_DATE) return t('eventAdmin.fieldErrors.date');
  if (message === 'Too small: expected string to have >=1 characters') return t('fieldErrors.required');
  if ((m = message.match(/^Too big: expected string to have <=(\d+) characters$/)))
    return t('fieldErrors.tooLong', { max: Number(m[1]) });
  const known: Record<string, string> = {
    'must be after the start': 'eventAdmin.fieldErrors.endBeforeStart',
    'must be an http(s) address': 'eventAdmin.fieldErrors.url',
    'is not a time zone': 'eventAdmin.fieldErrors.timeZone',
    'add at least one session': 'eventAdmin.fieldErrors.noSessions',
    'give a venue or an online link': 'eventAdmin.fieldErrors.venueOrLink',
    'must be after registration opens': 'eventAdmin.fieldErrors.closesBeforeOpens',
  };
  if (known[message]) return t(known[message]);
  if (/^Too big: expected array/.test(message)) return t('eventAdmin.fieldErrors.tooMany');
  if (/^unknown department /.test(message)) return t('eventAdmin.fieldErrors.unknownDepartment');
  if (/^unknown person /.test(message)) return t('eventAdmin.fieldErrors.unknownPerson');
  return fieldMessage(message, t);
}

/**
 * Translated messages by field path, first problem per field. A problem inside a list of ids
 * ("staffPersonIds.3") shows on the list.
 */
export function eventFieldMessages(problems: readonly FieldProblem[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const field = p.field.replace(/^(audienceDepartmentIds|staffPersonIds)\.\d+$/, '$1');
    out[field] ??= eventFieldMessage(field, p.message, t);
  }
  return out;
}

/**
 * The field problems a refused save carries: the schema's (VALIDATION_FAILED) or the capacity of
 * the session it names (CAPACITY_BELOW_CONFIRMED, with the confirmed count the server saw).
 */
export function serverEventProblems(problem: Problem, form: EventForm): FieldProblem[] {
  if (problem.code === ErrorCode.CAPACITY_BELOW_CONFIRMED) {
    const index = form.sessions.findIndex((s) => s.id === problem.details.sessionId);
    const confirmed = Number(problem.details.confirmed);
    if (index < 0 || !Number.isFinite(confirmed)) return [];
    return [{ field: `sessions.${index}.capacity`, message: belowConfirmed(confirmed) }];
  }
  return fieldProblems(problem);
}

/** The title in the viewer's language, falling back to the other one. */
export function eventTitle(event: { titleKo: string; titleEn: string }, locale: string): string {
  const [first, second] = locale === 'en' ? [event.titleEn, event.titleKo] : [event.titleKo, event.titleEn];
  return first.trim() || second;
}
