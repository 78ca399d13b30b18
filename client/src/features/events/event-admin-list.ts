/** Figures the organisers' event list shows per event. */

export interface SessionSeatCounts {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
}

export interface EventSeatSummary {
  /** Seats taken (confirmed registrations) over all sessions. */
  taken: number;
  capacity: number;
  waitlisted: number;
  sessions: number;
}

export function eventSeatSummary(sessions: readonly SessionSeatCounts[]): EventSeatSummary {
  return sessions.reduce<EventSeatSummary>(
    (sum, s) => ({
      taken: sum.taken + s.confirmedCount,
      capacity: sum.capacity + s.capacity,
      waitlisted: sum.waitlisted + s.waitlistCount,
      sessions: sum.sessions + 1,
    }),
    { taken: 0, capacity: 0, waitlisted: 0, sessions: 0 },
  );
}

/** Share of seats taken, 0–100 (0 for an event without seats). */
export function takenPercent(summary: EventSeatSummary): number {
  return summary.capacity > 0 ? Math.round((summary.taken / summary.capacity) * 100) : 0;
}

/** Events whose last session has ended, for a quieter row. */
export function isPastEvent(event: { lastEndsAt: string }, now: Date = new Date()): boolean {
  const end = new Date(event.lastEndsAt).getTime();
  return Number.isFinite(end) && end < now.getTime();
}
