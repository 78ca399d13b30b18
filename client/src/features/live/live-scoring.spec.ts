import { describe, expect, it } from 'vitest';
import { scoringFacts } from './live-scoring';

describe('scoringFacts', () => {
  it('explains speed and streak points with the server’s own rules', () => {
    const facts = scoringFacts({ mode: 'CLASSIC', speedWeighted: true, streakBonus: true });
    expect(facts).toMatchObject({ fastest: 1000, slowest: 500, streakStep: 100, streakCap: 500 });
    // The sixth correct answer in a row earns the largest bonus (5 × 100).
    expect(facts.streakCapAfter).toBe(6);
    expect(facts).toMatchObject({ balloonHit: 100, balloonMiss: 50 });
  });

  it('gives full points at any speed when speed does not count', () => {
    const facts = scoringFacts({ mode: 'TEAM_BATTLE', speedWeighted: false, streakBonus: false });
    expect(facts.fastest).toBe(1000);
    expect(facts.slowest).toBe(1000);
  });
});
