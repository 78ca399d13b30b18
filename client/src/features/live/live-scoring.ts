import {
  BALLOON_HIT_POINTS,
  BALLOON_MISS_POINTS,
  LIVE_STREAK_CAP,
  LIVE_STREAK_STEP,
  scoreAnswer,
  type LiveMode,
} from '@palma/shared';

export interface ScoringFacts {
  mode: LiveMode;
  /** Points for a correct answer given at once. */
  fastest: number;
  /** Points for a correct answer given at the last moment. */
  slowest: number;
  speedWeighted: boolean;
  streakBonus: boolean;
  /** Extra points for each further correct answer in a row … */
  streakStep: number;
  /** … up to this much. */
  streakCap: number;
  /** Correct answers in a row that earn the largest bonus. */
  streakCapAfter: number;
  balloonHit: number;
  balloonMiss: number;
}

/**
 * The game's scoring in numbers, worked out with the very rules the server scores by (so that
 * what the join screen explains cannot drift from what happens).
 */
export function scoringFacts(settings: {
  mode: LiveMode;
  speedWeighted: boolean;
  streakBonus: boolean;
}): ScoringFacts {
  const answer = (elapsedMs: number, streakBefore = 0, streakBonus = settings.streakBonus) =>
    scoreAnswer({
      correct: true,
      elapsedMs,
      limitMs: 10_000,
      streakBefore,
      speedWeighted: settings.speedWeighted,
      streakBonus,
    });
  let capAfter = 1;
  while (answer(0, capAfter - 1, true).bonus < LIVE_STREAK_CAP && capAfter < 100) capAfter += 1;
  return {
    mode: settings.mode,
    fastest: answer(0).points,
    slowest: answer(10_000).points,
    speedWeighted: settings.speedWeighted,
    streakBonus: settings.streakBonus,
    streakStep: LIVE_STREAK_STEP,
    streakCap: LIVE_STREAK_CAP,
    streakCapAfter: capAfter,
    balloonHit: BALLOON_HIT_POINTS,
    balloonMiss: BALLOON_MISS_POINTS,
  };
}
