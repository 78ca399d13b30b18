import type { LivePlayerFieldsFragment, LiveStateFieldsFragment } from '@/api/graphql';

export type LiveState = LiveStateFieldsFragment;
export type LivePlayer = LivePlayerFieldsFragment;
export type LiveQuestion = NonNullable<LiveState['question']>;
export type LiveReveal = NonNullable<LiveState['reveal']>;
export type LiveStanding = LiveState['leaderboard'][number];
export type LiveTeamStanding = LiveState['teams'][number];

export interface LiveProgress {
  round: number;
  answered: number;
  playerCount: number;
}

/** One message of the liveGame subscription: any part may be missing. */
export interface LiveUpdate {
  state?: LiveState | null;
  progress?: LiveProgress | null;
  me?: LivePlayer | null;
}

/** Everything a screen knows about a game, put together from the updates received so far. */
export interface LiveSnapshot {
  state: LiveState | null;
  /** Answers coming in during the current round (null outside a round). */
  progress: LiveProgress | null;
  /** The player's own standing (players only). */
  me: LivePlayer | null;
  /** Recent (server clock − local clock) samples, newest last. */
  clockSamples: readonly number[];
}

export const EMPTY_SNAPSHOT: LiveSnapshot = { state: null, progress: null, me: null, clockSamples: [] };

const CLOCK_SAMPLES = 5;

/**
 * Lays one update over what a screen has. A state older than the one held is dropped (states can
 * overtake each other: a mutation's answer and the subscription's copy, a reconnect); one of the
 * same version is taken, since the lobby grows and player counts move without a new version.
 * Answer counts only belong to the round they were counted for.
 */
export function mergeLiveUpdate(current: LiveSnapshot, update: LiveUpdate, receivedAt: number): LiveSnapshot {
  let { state, progress, me, clockSamples } = current;
  const incoming = update.state;
  if (incoming && (!state || incoming.version >= state.version)) {
    state = incoming;
    clockSamples = [...clockSamples, incoming.serverNow - receivedAt].slice(-CLOCK_SAMPLES);
    if (progress && progress.round !== state.round) progress = null;
  }
  if (update.progress && (!state || update.progress.round === state.round)) progress = update.progress;
  if (update.me) me = update.me;
  if (state === current.state && progress === current.progress && me === current.me) return current;
  return { state, progress, me, clockSamples };
}

/**
 * How far the server's clock is ahead of this device's. Each sample is late by the time the message
 * took to arrive, so the largest recent one is the closest to the truth.
 */
export function clockOffsetMs(snapshot: Pick<LiveSnapshot, 'clockSamples'>): number {
  return snapshot.clockSamples.length ? Math.max(...snapshot.clockSamples) : 0;
}

/** Whether the round's clock is running (the countdown moves). */
export function isTimed(state: Pick<LiveState, 'phase'> | null): boolean {
  return state?.phase === 'LEAD_IN' || state?.phase === 'OPEN';
}

/**
 * Milliseconds left of the lead-in or of answering, by the server's clock (`localNow` + offset);
 * while paused, the time that was left. Null when no clock runs.
 */
export function remainingMs(
  state: Pick<LiveState, 'phase' | 'phaseEndsAt' | 'pausedRemainingMs'> | null,
  localNow: number,
  offsetMs: number,
): number | null {
  if (!state) return null;
  if (state.phase === 'PAUSED') return state.pausedRemainingMs ?? null;
  if (!isTimed(state) || state.phaseEndsAt === null) return null;
  return Math.max(0, state.phaseEndsAt - (localNow + offsetMs));
}

/** Whole seconds shown on a countdown (10.2 s left shows 11; it reads 0 only at the end). */
export function countdownSeconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}

/** The players the current round's answer count is out of. */
export function answerCount(snapshot: Pick<LiveSnapshot, 'state' | 'progress'>): {
  answered: number;
  of: number;
} {
  const { state, progress } = snapshot;
  if (!state) return { answered: 0, of: 0 };
  if (state.reveal && state.reveal.round === state.round)
    return { answered: state.reveal.answered, of: progress?.playerCount ?? state.playerCount };
  if (progress && progress.round === state.round)
    return { answered: progress.answered, of: progress.playerCount };
  return { answered: 0, of: state.playerCount };
}
