import { describe, expect, it } from 'vitest';
import {
  dayKey,
  formatMonth,
  monthGrid,
  monthOf,
  monthRange,
  parseMonth,
  sessionsByDay,
  shiftMonth,
  startOfDay,
  weekdayOrder,
} from './event-calendar';

const SEOUL = 'Asia/Seoul';

describe('dayKey and monthOf', () => {
  it('put an instant on the day it is in Seoul, not in UTC', () => {
    // 15:30 UTC on the 9th is 00:30 on the 10th in Seoul.
    expect(dayKey('2026-12-09T15:30:00Z', SEOUL)).toBe('2026-12-10');
    expect(dayKey('2026-12-09T15:30:00Z', 'UTC')).toBe('2026-12-09');
    expect(monthOf(new Date('2026-11-30T16:00:00Z'), SEOUL)).toEqual({ year: 2026, month: 12 });
  });
});

describe('shiftMonth, formatMonth and parseMonth', () => {
  it('cross year boundaries both ways', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 5 }, -17)).toEqual({ year: 2024, month: 12 });
  });

  it('read back what they write and refuse anything else', () => {
    expect(formatMonth({ year: 2027, month: 3 })).toBe('2027-03');
    expect(parseMonth('2027-03')).toEqual({ year: 2027, month: 3 });
    expect(parseMonth('2027-13')).toBeNull();
    expect(parseMonth('2027-3')).toBeNull();
    expect(parseMonth(['2027-03'])).toBeNull();
  });
});

describe('startOfDay and monthRange', () => {
  it('give the instants of Seoul midnights', () => {
    expect(startOfDay(2026, 12, 1, SEOUL).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(monthRange({ year: 2026, month: 12 }, SEOUL)).toEqual({
      from: '2026-11-30T15:00:00.000Z',
      to: '2026-12-31T15:00:00.000Z',
    });
  });

  it('follow daylight saving time where a zone has it', () => {
    // New York: EST (UTC-5) in March before the 8th, EDT (UTC-4) from April.
    expect(monthRange({ year: 2026, month: 3 }, 'America/New_York')).toEqual({
      from: '2026-03-01T05:00:00.000Z',
      to: '2026-04-01T04:00:00.000Z',
    });
  });
});

describe('monthGrid', () => {
  it('pads December 2026 to whole weeks starting on Sunday', () => {
    // 1 December 2026 is a Tuesday.
    const weeks = monthGrid({ year: 2026, month: 12 }, 0);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0].map((d) => d.day)).toEqual([29, 30, 1, 2, 3, 4, 5]);
    expect(weeks[0][0]).toEqual({ key: '2026-11-29', day: 29, inMonth: false });
    expect(weeks[0][2]).toEqual({ key: '2026-12-01', day: 1, inMonth: true });
    expect(weeks[4].map((d) => d.key)).toEqual([
      '2026-12-27',
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('starts on Monday when asked', () => {
    const weeks = monthGrid({ year: 2026, month: 12 }, 1);
    expect(weeks[0].map((d) => d.day)).toEqual([30, 1, 2, 3, 4, 5, 6]);
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
  });

  it('needs only four rows for a February that starts on the first day of the week', () => {
    // 1 February 2026 is a Sunday; 2026 is no leap year.
    const weeks = monthGrid({ year: 2026, month: 2 }, 0);
    expect(weeks).toHaveLength(4);
    expect(weeks[3][6]).toEqual({ key: '2026-02-28', day: 28, inMonth: true });
  });

  it('uses six rows when the month needs them', () => {
    // August 2026 starts on a Saturday and has 31 days.
    expect(monthGrid({ year: 2026, month: 8 }, 0)).toHaveLength(6);
  });
});

describe('sessionsByDay', () => {
  it('puts each session on its Seoul start day, in start order', () => {
    const concert = {
      id: 'concert',
      sessions: [
        { id: 'late', startsAt: '2026-12-10T10:00:00Z' },
        { id: 'early', startsAt: '2026-12-10T01:00:00Z' },
        { id: 'night', startsAt: '2026-12-10T16:00:00Z' },
      ],
    };
    const talk = { id: 'talk', sessions: [{ id: 'talk-1', startsAt: '2026-12-10T05:00:00Z' }] };
    const byDay = sessionsByDay([concert, talk], SEOUL);
    expect(byDay.get('2026-12-10')?.map((e) => e.session.id)).toEqual(['early', 'talk-1', 'late']);
    expect(byDay.get('2026-12-11')?.map((e) => `${e.event.id}/${e.session.id}`)).toEqual(['concert/night']);
    expect(byDay.size).toBe(2);
  });
});
