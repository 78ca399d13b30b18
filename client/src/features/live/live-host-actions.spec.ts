import { describe, expect, it } from 'vitest';
import { hostActions } from './live-host-actions';
import { liveState } from './live-test-data';

const on = (actions: ReturnType<typeof hostActions>) =>
  Object.entries(actions)
    .filter(([, v]) => v)
    .map(([k]) => k)
    .sort();

describe('hostActions', () => {
  it('starts from the lobby, where players can already be removed', () => {
    expect(on(hostActions(liveState()))).toEqual(['end', 'joining', 'players', 'start']);
  });

  it('skips or pauses a running round, and resumes a paused one', () => {
    expect(on(hostActions(liveState({ phase: 'OPEN', round: 0 })))).toEqual([
      'end',
      'joining',
      'pause',
      'players',
      'skip',
    ]);
    expect(on(hostActions(liveState({ phase: 'PAUSED', round: 0 })))).toEqual([
      'end',
      'joining',
      'players',
      'resume',
      'skip',
    ]);
  });

  it('moves on after a reveal; after the last round that ends the game', () => {
    expect(hostActions(liveState({ phase: 'REVEAL', round: 0, roundCount: 3 })).nextFinishes).toBe(false);
    expect(hostActions(liveState({ phase: 'REVEAL', round: 2, roundCount: 3 })).nextFinishes).toBe(true);
  });

  it('offers the revival round in Golden Bell while it is available and rounds remain', () => {
    const bell = { phase: 'REVEAL', mode: 'GOLDEN_BELL', roundCount: 5 } as const;
    expect(hostActions(liveState({ ...bell, round: 1, revivalAvailable: true })).nextRevival).toBe(true);
    expect(hostActions(liveState({ ...bell, round: 1, revivalAvailable: false })).nextRevival).toBe(false);
    expect(hostActions(liveState({ ...bell, round: 4, revivalAvailable: true })).nextRevival).toBe(false);
    expect(
      hostActions(liveState({ ...bell, mode: 'CLASSIC', round: 1, revivalAvailable: true })).nextRevival,
    ).toBe(false);
  });

  it('offers nothing once the game is over', () => {
    expect(on(hostActions(liveState({ phase: 'FINISHED' })))).toEqual([]);
    expect(on(hostActions(null))).toEqual([]);
  });
});
