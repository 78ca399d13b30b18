/**
 * Calendar arithmetic for the events page, always in a named time zone (the viewer's, Asia/Seoul
 * by default) so that a session at 00:30 in Seoul lands on the right day whatever the browser's
 * own zone is.
 */

/** A calendar month: `month` is 1–12. */
export interface YearMonth {
  year: number;
  month: number;
}

/** One cell of a month grid. */
export interface CalendarDay {
  /** "2026-12-10" */
  key: string;
  day: number;
  /** False for the leading and trailing days of the neighbouring months. */
  inMonth: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKeyOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour, minute and second of an instant as a wall clock in `timeZone` shows it. */
function wallClock(date: Date, timeZone: string) {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, f);
  }
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(f.formatToParts(date).find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** The calendar day ("2026-12-10") an instant falls on in `timeZone`. */
export function dayKey(iso: string | Date, timeZone: string): string {
  const w = wallClock(typeof iso === 'string' ? new Date(iso) : iso, timeZone);
  return dayKeyOf(w.year, w.month, w.day);
}

/** The month an instant falls in, in `timeZone`. */
export function monthOf(date: Date, timeZone: string): YearMonth {
  const w = wallClock(date, timeZone);
  return { year: w.year, month: w.month };
}

export function shiftMonth(ym: YearMonth, by: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** "2026-12" (for addresses); `parseMonth` reads it back, or null for anything else. */
export function formatMonth(ym: YearMonth): string {
  return `${ym.year}-${pad(ym.month)}`;
}

export function parseMonth(value: unknown): YearMonth | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}

/** The instant a wall-clock midnight happens in `timeZone` (offsets, DST included). */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  const target = Date.UTC(year, month - 1, day);
  let guess = target;
  // Two rounds settle it: the offset at the guess, then at the corrected instant (a DST edge).
  for (let i = 0; i < 2; i += 1) {
    const w = wallClock(new Date(guess), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess += target - shown;
  }
  return new Date(guess);
}

/** The month as the events filter wants it: from its first midnight to the next month's. */
export function monthRange(ym: YearMonth, timeZone: string): { from: string; to: string } {
  const next = shiftMonth(ym, 1);
  return {
    from: startOfDay(ym.year, ym.month, 1, timeZone).toISOString(),
    to: startOfDay(next.year, next.month, 1, timeZone).toISOString(),
  };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (no time zone involved). */
function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The weeks of a month as a wall calendar shows them: whole weeks starting on `weekStartsOn`
 * (0 Sunday, 1 Monday), padded with the neighbouring months' days.
 */
export function monthGrid(ym: YearMonth, weekStartsOn: 0 | 1 = 0): CalendarDay[][] {
  const lead = (weekday(ym.year, ym.month, 1) - weekStartsOn + 7) % 7;
  const length = daysIn(ym.year, ym.month);
  const cells = Math.ceil((lead + length) / 7) * 7;
  const previous = shiftMonth(ym, -1);
  const next = shiftMonth(ym, 1);
  const previousLength = daysIn(previous.year, previous.month);
  const days: CalendarDay[] = [];
  for (let i = 0; i < cells; i += 1) {
    const n = i - lead + 1;
    if (n < 1) {
      const day = previousLength + n;
      days.push({ key: dayKeyOf(previous.year, previous.month, day), day, inMonth: false });
    } else if (n > length) {
      const day = n - length;
      days.push({ key: dayKeyOf(next.year, next.month, day), day, inMonth: false });
    } else {
      days.push({ key: dayKeyOf(ym.year, ym.month, n), day: n, inMonth: true });
    }
  }
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** Weekday numbers (0 Sunday) in the order a grid starting on `weekStartsOn` shows them. */
export function weekdayOrder(weekStartsOn: 0 | 1): number[] {
  return Array.from({ length: 7 }, (_, i) => (i + weekStartsOn) % 7);
}

/** One session on the calendar, with the event it belongs to. */
export interface CalendarEntry<E, S> {
  event: E;
  session: S;
}

/**
 * Every session of the events by the day it starts on in `timeZone`, each day in start order
 * (a session that runs past midnight shows on its first day only).
 */
export function sessionsByDay<E extends { sessions: readonly { startsAt: string }[] }>(
  events: readonly E[],
  timeZone: string,
): Map<string, CalendarEntry<E, E['sessions'][number]>[]> {
  const byDay = new Map<string, CalendarEntry<E, E['sessions'][number]>[]>();
  for (const event of events) {
    for (const session of event.sessions) {
      const key = dayKey(session.startsAt, timeZone);
      const list = byDay.get(key) ?? [];
      list.push({ event, session });
      byDay.set(key, list);
    }
  }
  for (const list of byDay.values()) {
    list.sort((a, b) => Date.parse(a.session.startsAt) - Date.parse(b.session.startsAt));
  }
  return byDay;
}
