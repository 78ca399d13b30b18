import { describe, expect, it } from 'vitest';
import {
  answerCount,
  clockOffsetMs,
  countdownSeconds,
  EMPTY_SNAPSHOT,
  mergeLiveUpdate,
  remainingMs,
} from './live-state';
import { liveMe, liveState } from './live-test-data';

describe('mergeLiveUpdate', () => {
  it('keeps the newest state and drops an older one that arrives late', () => {
    const v3 = liveState({ version: 3, phase: 'OPEN', round: 0 });
    const v2 = liveState({ version: 2, phase: 'LEAD_IN', round: 0 });
    let s = mergeLiveUpdate(EMPTY_SNAPSHOT, { state: v3 }, 999_000);
    s = mergeLiveUpdate(s, { state: v2 }, 999_100);
    expect(s.state).toBe(v3);
  });

  it('takes a state of the same version (the lobby grows without a new version)', () => {
    const first = liveState({ version: 1, lobby: ['a'], playerCount: 1 });
    const grown = liveState({ version: 1, lobby: ['b', 'a'], playerCount: 2 });
    const s = mergeLiveUpdate(mergeLiveUpdate(EMPTY_SNAPSHOT, { state: first }, 0), { state: grown }, 0);
    expect(s.state?.lobby).toEqual(['b', 'a']);
  });

  it('keeps answer counts only for the round they belong to', () => {
    let s = mergeLiveUpdate(EMPTY_SNAPSHOT, { state: liveState({ version: 4, phase: 'OPEN', round: 1 }) }, 0);
    s = mergeLiveUpdate(s, { progress: { round: 0, answered: 9, playerCount: 9 } }, 0);
    expect(s.progress).toBeNull();
    s = mergeLiveUpdate(s, { progress: { round: 1, answered: 3, playerCount: 9 } }, 0);
    expect(answerCount(s)).toEqual({ answered: 3, of: 9 });
    s = mergeLiveUpdate(s, { state: liveState({ version: 6, phase: 'LEAD_IN', round: 2 }) }, 0);
    expect(s.progress).toBeNull();
    expect(answerCount(s)).toEqual({ answered: 0, of: 0 });
  });

  it('replaces the player’s own view and leaves the rest alone', () => {
    const state = liveState();
    const s1 = mergeLiveUpdate(EMPTY_SNAPSHOT, { state }, 0);
    const s2 = mergeLiveUpdate(s1, { me: liveMe({ score: 900 }) }, 0);
    expect(s2.state).toBe(state);
    expect(s2.me?.score).toBe(900);
    expect(mergeLiveUpdate(s2, {}, 0)).toBe(s2);
  });
});

describe('the server clock', () => {
  it('uses the least delayed of the recent samples', () => {
    let s = mergeLiveUpdate(EMPTY_SNAPSHOT, { state: liveState({ version: 1, serverNow: 10_000 }) }, 9_000);
    s = mergeLiveUpdate(s, { state: liveState({ version: 2, serverNow: 20_000 }) }, 19_500);
    // 1 000 ms and 500 ms: the second message took half a second longer on the way.
    expect(clockOffsetMs(s)).toBe(1_000);
    expect(clockOffsetMs(EMPTY_SNAPSHOT)).toBe(0);
  });

  it('counts down to the end of the phase on the server’s clock, and holds while paused', () => {
    const open = liveState({ phase: 'OPEN', phaseEndsAt: 50_000 });
    // The device runs 2 s behind the server.
    expect(remainingMs(open, 38_000, 2_000)).toBe(10_000);
    expect(remainingMs(open, 60_000, 2_000)).toBe(0);
    expect(remainingMs(liveState({ phase: 'PAUSED', pausedRemainingMs: 7_300 }), 0, 0)).toBe(7_300);
    expect(remainingMs(liveState({ phase: 'REVEAL' }), 0, 0)).toBeNull();
  });

  it('shows whole seconds, rounding up', () => {
    expect(countdownSeconds(10_200)).toBe(11);
    expect(countdownSeconds(1)).toBe(1);
    expect(countdownSeconds(0)).toBe(0);
  });
});
