import { describe, expect, it } from 'vitest';
import { isWinner, playerScreen, roundResult } from './live-player-view';
import type { LiveQuestion } from './live-state';
import { liveMe, liveState } from './live-test-data';

const question: LiveQuestion = {
  round: 2,
  kind: 'QUESTION',
  type: 'SINGLE_CHOICE',
  promptKo: '질문',
  promptEn: 'Question',
  timeLimitSeconds: 20,
  leadInSeconds: 3,
  revival: false,
  choices: [],
};

describe('playerScreen', () => {
  it('follows the game’s phase', () => {
    expect(playerScreen(null, null, null)).toBe('connecting');
    expect(playerScreen(liveState(), liveMe(), null)).toBe('lobby');
    expect(playerScreen(liveState({ phase: 'LEAD_IN', round: 0 }), liveMe(), null)).toBe('leadIn');
    expect(playerScreen(liveState({ phase: 'FINISHED' }), liveMe(), null)).toBe('finished');
  });

  it('shows "answer received" after this phone’s receipt or after a reconnect', () => {
    const open = liveState({ phase: 'OPEN', round: 2 });
    expect(playerScreen(open, liveMe(), null)).toBe('open');
    expect(playerScreen(open, liveMe(), 2)).toBe('answered');
    expect(playerScreen(open, liveMe({ answeredRound: 2 }), null)).toBe('answered');
    // An answer to the previous round does not count for this one.
    expect(playerScreen(open, liveMe({ answeredRound: 1 }), 1)).toBe('open');
  });

  it('tells a removed player so, whatever the game does', () => {
    expect(playerScreen(liveState({ phase: 'OPEN' }), liveMe({ kicked: true }), null)).toBe('kicked');
  });
});

describe('roundResult', () => {
  const reveal = (over = {}) => liveState({ phase: 'REVEAL', round: 2, question, ...over });
  const last = (over = {}) => ({
    round: 2,
    answered: true,
    correct: true,
    points: 950,
    forHonour: false,
    ...over,
  });

  it('reports points for a right answer', () => {
    expect(roundResult(reveal(), liveMe({ last: last() }), true, true)).toEqual({
      verdict: 'correct',
      points: 950,
      forHonour: false,
      bell: null,
    });
  });

  it('waits for the result of an answer given here, and calls a missing one missed', () => {
    const stale = liveMe({ last: last({ round: 1 }) });
    expect(roundResult(reveal(), stale, true, true)?.verdict).toBe('pending');
    expect(roundResult(reveal(), stale, false, true)?.verdict).toBe('missed');
    expect(
      roundResult(reveal(), liveMe({ last: last({ answered: false, correct: false }) }), false, true)
        ?.verdict,
    ).toBe('missed');
  });

  it('Golden Bell: eliminated now, out already, or back after the revival round', () => {
    const bell = (over = {}) => reveal({ mode: 'GOLDEN_BELL', ...over });
    const wrong = last({ correct: false, points: 0 });
    expect(roundResult(bell(), liveMe({ alive: false, last: wrong }), true, true)?.bell).toBe('eliminated');
    // After a reconnect: answered while standing (not for honour) and out now.
    expect(roundResult(bell(), liveMe({ alive: false, last: wrong }), false, null)?.bell).toBe('eliminated');
    expect(
      roundResult(bell(), liveMe({ alive: false, last: last({ forHonour: true, points: 0 }) }), true, false),
    ).toMatchObject({ bell: 'out', forHonour: true, verdict: 'correct' });
    const revival = bell({ question: { ...question, revival: true } });
    expect(roundResult(revival, liveMe({ alive: true, last: last() }), true, false)?.bell).toBe('revived');
    expect(roundResult(revival, liveMe({ alive: true, last: last() }), true, true)?.bell).toBeNull();
  });

  it('knows the podium', () => {
    expect(isWinner({ winners: 3 }, { rank: 3 })).toBe(true);
    expect(isWinner({ winners: 3 }, { rank: 4 })).toBe(false);
    expect(isWinner({ winners: 3 }, { rank: null })).toBe(false);
  });
});
