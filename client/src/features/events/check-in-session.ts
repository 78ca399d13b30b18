/** Which session a door works on, and its live counts. */

export interface DoorSession {
  id: string;
  startsAt: string;
  endsAt: string;
}

export interface DoorEvent<S extends DoorSession = DoorSession> {
  id: string;
  sessions: readonly S[];
}

/** Doors open this long before a session starts: that session is then the one to pick. */
export const DOORS_OPEN_MS = 2 * 60 * 60 * 1000;

/**
 * The session to start with: the one asked for (a link with ?session=), when the viewer staffs
 * it; otherwise the one under way or about to start, then the next one, then the latest.
 */
export function defaultSessionId(
  events: readonly DoorEvent[],
  wanted: string | null | undefined,
  now: Date = new Date(),
): string | null {
  const sessions = events.flatMap((e) => e.sessions);
  if (wanted && sessions.some((s) => s.id === wanted)) return wanted;
  if (sessions.length === 0) return null;
  const t = now.getTime();
  const time = (iso: string) => new Date(iso).getTime();
  const byStart = [...sessions].sort((a, b) => time(a.startsAt) - time(b.startsAt));
  const current = byStart.find((s) => time(s.startsAt) - DOORS_OPEN_MS <= t && t < time(s.endsAt));
  if (current) return current.id;
  const next = byStart.find((s) => time(s.startsAt) > t);
  return (next ?? byStart[byStart.length - 1]).id;
}

/** The event a session belongs to. */
export function eventOfSession<E extends DoorEvent>(
  events: readonly E[],
  sessionId: string | null,
): E | null {
  if (!sessionId) return null;
  return events.find((e) => e.sessions.some((s) => s.id === sessionId)) ?? null;
}

export interface SeatCounts {
  sessionId: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  checkedInCount: number;
  seatsLeft: number;
}

/**
 * The counts to show: the newest live update for the session when there is one, else what the
 * session was loaded with.
 */
export function currentCounts(
  loaded: SeatCounts | null,
  live: ReadonlyMap<string, SeatCounts>,
  sessionId: string | null,
): SeatCounts | null {
  if (!sessionId) return null;
  return live.get(sessionId) ?? (loaded?.sessionId === sessionId ? loaded : null);
}

/** Checked-in share of confirmed seats, 0–100. */
export function arrivedPercent(counts: Pick<SeatCounts, 'checkedInCount' | 'confirmedCount'>): number {
  return counts.confirmedCount > 0
    ? Math.min(100, Math.round((counts.checkedInCount / counts.confirmedCount) * 100))
    : 0;
}
