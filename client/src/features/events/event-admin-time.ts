import { DEFAULT_TIME_ZONE, isTimeZone } from '@palma/shared';

/**
 * An event's times are typed as wall-clock times in the event's own time zone (a concert at 19:00
 * in Seoul is at 19:00 whatever the organiser's laptop is set to). `datetime-local` inputs give
 * and take `YYYY-MM-DDTHH:mm`; these helpers turn that into an instant and back.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The time zone to convert with: the given one when it is real, Seoul otherwise. */
export function usableTimeZone(timeZone: string): string {
  const trimmed = timeZone.trim();
  return trimmed !== '' && isTimeZone(trimmed) ? trimmed : DEFAULT_TIME_ZONE;
}

/** An instant as the `YYYY-MM-DDTHH:mm` it reads in a time zone (for a datetime-local input). */
export function toZonedInput(instant: string | Date | null | undefined, timeZone: string): string {
  if (instant == null) return '';
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** How far the time zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(epochMs: number, timeZone: string): number {
  const wall = LOCAL.exec(toZonedInput(new Date(epochMs), timeZone));
  if (!wall) return 0;
  const asUtc = Date.UTC(+wall[1], +wall[2] - 1, +wall[3], +wall[4], +wall[5]);
  // The wall clock has minutes only: compare with the instant rounded down to its minute.
  return asUtc - Math.floor(epochMs / 60_000) * 60_000;
}

/**
 * `2026-05-31T19:00` read as a wall-clock time in the time zone → the instant; null for text that
 * is not such a time, for dates that do not exist (2026-02-30) and for times a summer-time jump
 * skips.
 */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const wallAsUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(wallAsUtc)) return null;
  // The offset at the guessed instant may differ from the one at the real instant (near a
  // summer-time change): a second pass with the offset found settles it.
  let epoch = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  const second = offsetAt(epoch, timeZone);
  epoch = wallAsUtc - second;
  const date = new Date(epoch);
  // Reading the result back rejects rolled-over dates and skipped times.
  return toZonedInput(date, timeZone) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` ? date : null;
}

/** `2026-05-31T19:00` moved by whole days on the calendar (the time of day kept). */
export function shiftLocalDays(value: string, days: number): string {
  const m = LOCAL.exec(value.trim());
  if (!m) return '';
  const shifted = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days, +m[4], +m[5]));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(
    shifted.getUTCHours(),
  )}:${pad(shifted.getUTCMinutes())}`;
}

/** The time zone's offset as people read it ("GMT+9"), at an instant (now by default). */
export function timeZoneOffsetLabel(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

/** The IANA time zones this browser knows, for the time zone field's suggestions. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes(DEFAULT_TIME_ZONE) ? zones : [DEFAULT_TIME_ZONE, ...zones];
}
