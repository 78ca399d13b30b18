import { describe, expect, it } from 'vitest';
import {
  fromZonedInput,
  shiftLocalDays,
  timeZoneOffsetLabel,
  toZonedInput,
  usableTimeZone,
} from './event-admin-time';

describe('event times in the event’s time zone', () => {
  it('reads a Seoul wall-clock time as the instant nine hours earlier in UTC', () => {
    expect(fromZonedInput('2026-05-31T19:00', 'Asia/Seoul')?.toISOString()).toBe('2026-05-31T10:00:00.000Z');
    expect(toZonedInput('2026-05-31T10:00:00.000Z', 'Asia/Seoul')).toBe('2026-05-31T19:00');
  });

  it('shows the same instant as another wall-clock time in another zone', () => {
    const instant = '2026-01-15T10:00:00.000Z';
    expect(toZonedInput(instant, 'Europe/London')).toBe('2026-01-15T10:00');
    expect(toZonedInput(instant, 'America/New_York')).toBe('2026-01-15T05:00');
  });

  it('follows summer time on both sides of a change', () => {
    // London: GMT in winter, BST (UTC+1) from 29 March 2026.
    expect(fromZonedInput('2026-03-28T19:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-28T19:30:00.000Z',
    );
    expect(fromZonedInput('2026-03-30T19:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-30T18:30:00.000Z',
    );
  });

  it('refuses times that do not exist: rolled-over dates and the hour summer time skips', () => {
    expect(fromZonedInput('2026-02-30T19:00', 'Asia/Seoul')).toBeNull();
    expect(fromZonedInput('2026-03-29T01:30', 'Europe/London')).toBeNull();
    expect(fromZonedInput('19:00', 'Asia/Seoul')).toBeNull();
    expect(fromZonedInput('', 'Asia/Seoul')).toBeNull();
  });

  it('round-trips what a datetime-local input gives, seconds included', () => {
    const date = fromZonedInput('2026-12-24T18:45:00', 'Asia/Seoul');
    expect(date && toZonedInput(date, 'Asia/Seoul')).toBe('2026-12-24T18:45');
  });

  it('gives an empty field for no time or a broken one', () => {
    expect(toZonedInput(null, 'Asia/Seoul')).toBe('');
    expect(toZonedInput('not a date', 'Asia/Seoul')).toBe('');
  });

  it('moves a time by calendar days across month ends', () => {
    expect(shiftLocalDays('2026-05-31T19:00', 1)).toBe('2026-06-01T19:00');
    expect(shiftLocalDays('2026-12-31T09:30', 1)).toBe('2027-01-01T09:30');
    expect(shiftLocalDays('', 1)).toBe('');
  });

  it('falls back to Seoul for conversions while the time zone field holds no real zone', () => {
    expect(usableTimeZone('Mars/Olympus')).toBe('Asia/Seoul');
    expect(usableTimeZone(' Europe/Paris ')).toBe('Europe/Paris');
    expect(timeZoneOffsetLabel('Asia/Seoul', new Date('2026-05-01T00:00:00Z'))).toBe('GMT+9');
  });
});
