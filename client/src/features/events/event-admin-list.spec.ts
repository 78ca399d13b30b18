import { describe, expect, it } from 'vitest';
import { eventSeatSummary, isPastEvent, takenPercent } from './event-admin-list';

describe('the organisers’ event list figures', () => {
  it('adds up seats taken, capacity and waiting people over the sessions', () => {
    const summary = eventSeatSummary([
      { capacity: 100, confirmedCount: 100, waitlistCount: 7 },
      { capacity: 80, confirmedCount: 35, waitlistCount: 0 },
    ]);
    expect(summary).toEqual({ taken: 135, capacity: 180, waitlisted: 7, sessions: 2 });
    expect(takenPercent(summary)).toBe(75);
  });

  it('says 0 % for an event without seats rather than dividing by zero', () => {
    expect(takenPercent(eventSeatSummary([]))).toBe(0);
  });

  it('calls an event past once its last session has ended', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    expect(isPastEvent({ lastEndsAt: '2026-06-10T11:59:00Z' }, now)).toBe(true);
    expect(isPastEvent({ lastEndsAt: '2026-06-10T12:30:00Z' }, now)).toBe(false);
  });
});
