import { describe, expect, it } from 'vitest';
import {
  arrivedPercent,
  currentCounts,
  defaultSessionId,
  eventOfSession,
  type SeatCounts,
} from './check-in-session';

const session = (id: string, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt });
const events = [
  {
    id: 'concert',
    sessions: [
      session('mon', '2026-06-08T10:00:00Z', '2026-06-08T12:00:00Z'),
      session('wed', '2026-06-10T10:00:00Z', '2026-06-10T12:00:00Z'),
    ],
  },
  { id: 'talk', sessions: [session('fri', '2026-06-12T05:00:00Z', '2026-06-12T06:00:00Z')] },
];

describe('the session a door starts on', () => {
  it('is the one in the link when the viewer staffs it', () => {
    expect(defaultSessionId(events, 'fri', new Date('2026-06-08T11:00:00Z'))).toBe('fri');
  });

  it('is otherwise the one under way, or opening its doors soon', () => {
    expect(defaultSessionId(events, 'unknown', new Date('2026-06-08T11:00:00Z'))).toBe('mon');
    expect(defaultSessionId(events, null, new Date('2026-06-10T08:30:00Z'))).toBe('wed');
  });

  it('is the next one between sessions, the latest after all of them, none without sessions', () => {
    expect(defaultSessionId(events, null, new Date('2026-06-09T00:00:00Z'))).toBe('wed');
    expect(defaultSessionId(events, null, new Date('2026-07-01T00:00:00Z'))).toBe('fri');
    expect(defaultSessionId([], null)).toBeNull();
  });

  it('belongs to its event', () => {
    expect(eventOfSession(events, 'wed')?.id).toBe('concert');
    expect(eventOfSession(events, 'nope')).toBeNull();
  });
});

describe('live counts', () => {
  const loaded: SeatCounts = {
    sessionId: 'wed',
    capacity: 100,
    confirmedCount: 90,
    waitlistCount: 3,
    checkedInCount: 10,
    seatsLeft: 10,
  };

  it('prefer the newest update from the subscription over what was loaded', () => {
    const live = new Map([['wed', { ...loaded, checkedInCount: 11 }]]);
    expect(currentCounts(loaded, live, 'wed')?.checkedInCount).toBe(11);
    expect(currentCounts(loaded, new Map(), 'wed')?.checkedInCount).toBe(10);
  });

  it('never show another session’s counts', () => {
    expect(currentCounts(loaded, new Map(), 'mon')).toBeNull();
    expect(currentCounts(loaded, new Map(), null)).toBeNull();
  });

  it('give the arrived share of confirmed seats', () => {
    expect(arrivedPercent({ checkedInCount: 45, confirmedCount: 90 })).toBe(50);
    expect(arrivedPercent({ checkedInCount: 0, confirmedCount: 0 })).toBe(0);
  });
});
