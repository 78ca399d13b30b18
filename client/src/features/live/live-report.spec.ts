import { describe, expect, it } from 'vitest';
import { averageSeconds, correctPercent, hardestRound, perfectPlayers } from './live-report';

const round = (round: number, answered: number, correct: number) => ({
  round,
  kind: 'QUESTION' as const,
  promptKo: `문제 ${round}`,
  promptEn: `Question ${round}`,
  answered,
  correct,
  averageMs: null,
});

describe('the report', () => {
  it('gives correct rates among the answers given', () => {
    expect(correctPercent(2, 3)).toBe(67);
    expect(correctPercent(0, 0)).toBeNull();
    expect(averageSeconds(4_260)).toBe(4.3);
    expect(averageSeconds(null)).toBeNull();
  });

  it('finds the hardest round, ignoring rounds nobody answered', () => {
    expect(hardestRound([round(0, 10, 9), round(1, 0, 0), round(2, 10, 4)])?.round).toBe(2);
    expect(hardestRound([round(0, 0, 0)])).toBeNull();
  });

  it('counts players who got every round right', () => {
    const p = (correct: number, kicked = false) => ({
      rank: 1,
      nickname: 'n',
      team: 't',
      guest: true,
      score: 0,
      correct,
      answered: 3,
      alive: true,
      kicked,
    });
    expect(perfectPlayers([p(3), p(2), p(3, true)], 3)).toBe(1);
  });
});
