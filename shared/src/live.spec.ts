import { describe, expect, it } from 'vitest';
import {
  BALLOON_PRACTICES,
  balloonRound,
  balloonScore,
  goldenBellOutcome,
  isLivePin,
  liveGameSettingsSchema,
  normaliseNickname,
  rankPlayers,
  scoreAnswer,
  speedFactor,
  teamStandings,
} from './live.js';

const answer = (over: Partial<Parameters<typeof scoreAnswer>[0]> = {}) => ({
  correct: true,
  elapsedMs: 0,
  limitMs: 20_000,
  streakBefore: 0,
  speedWeighted: true,
  streakBonus: true,
  ...over,
});

describe('classic scoring', () => {
  it('gives full points for an instant answer, falling to half at the time limit', () => {
    expect(scoreAnswer(answer()).points).toBe(1000);
    expect(scoreAnswer(answer({ elapsedMs: 10_000 })).points).toBe(750);
    expect(scoreAnswer(answer({ elapsedMs: 20_000 })).points).toBe(500);
  });

  it('never goes below half, even for an answer in the grace period', () => {
    expect(speedFactor(25_000, 20_000)).toBe(0.5);
    expect(speedFactor(-10, 20_000)).toBe(1);
  });

  it('scores nothing and ends the streak for a wrong answer', () => {
    expect(scoreAnswer(answer({ correct: false, streakBefore: 4 }))).toEqual({
      points: 0,
      bonus: 0,
      streak: 0,
    });
  });

  it('adds a streak bonus from the second correct answer in a row, capped', () => {
    expect(scoreAnswer(answer({ streakBefore: 0 }))).toEqual({ points: 1000, bonus: 0, streak: 1 });
    expect(scoreAnswer(answer({ streakBefore: 1 }))).toEqual({ points: 1100, bonus: 100, streak: 2 });
    expect(scoreAnswer(answer({ streakBefore: 3 })).bonus).toBe(300);
    expect(scoreAnswer(answer({ streakBefore: 20 })).bonus).toBe(500);
  });

  it('fair scoring: no speed weighting and no bonus when both are off', () => {
    const fair = { speedWeighted: false, streakBonus: false };
    expect(scoreAnswer(answer({ ...fair, elapsedMs: 19_000, streakBefore: 5 }))).toEqual({
      points: 1000,
      bonus: 0,
      streak: 6,
    });
  });
});

describe('Golden Bell', () => {
  it('eliminates standing players without a correct answer', () => {
    const out = goldenBellOutcome(
      [
        { playerId: 'a', alive: true, correct: true },
        { playerId: 'b', alive: true, correct: false },
        { playerId: 'c', alive: false, correct: true },
      ],
      false,
    );
    expect(out).toEqual({ eliminated: ['b'], revived: [] });
  });

  it('keeps everyone standing when all of them missed', () => {
    const out = goldenBellOutcome(
      [
        { playerId: 'a', alive: true, correct: false },
        { playerId: 'b', alive: true, correct: false },
        { playerId: 'c', alive: false, correct: true },
      ],
      false,
    );
    expect(out).toEqual({ eliminated: [], revived: [] });
  });

  it('the revival round brings back eliminated players who answered right and eliminates nobody', () => {
    const out = goldenBellOutcome(
      [
        { playerId: 'a', alive: true, correct: false },
        { playerId: 'b', alive: false, correct: true },
        { playerId: 'c', alive: false, correct: false },
      ],
      true,
    );
    expect(out).toEqual({ eliminated: [], revived: ['b'] });
  });
});

describe('rankings', () => {
  it('ranks by points with shared ranks for ties', () => {
    const ranked = rankPlayers(
      [
        { id: 'a', score: 10 },
        { id: 'b', score: 30 },
        { id: 'c', score: 30 },
        { id: 'd', score: 5 },
      ],
      'CLASSIC',
    );
    expect(ranked.map((p) => [p.id, p.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['d', 4],
    ]);
  });

  it('Golden Bell: standing players first, then who lasted longer, then points', () => {
    const ranked = rankPlayers(
      [
        { id: 'early', score: 5000, alive: false, eliminatedAt: 1 },
        { id: 'late', score: 100, alive: false, eliminatedAt: 4 },
        { id: 'bell', score: 50, alive: true, eliminatedAt: null },
      ],
      'GOLDEN_BELL',
    );
    expect(ranked.map((p) => p.id)).toEqual(['bell', 'late', 'early']);
  });

  it('team battle ranks by average so a small department can win', () => {
    const standings = teamStandings([
      { team: '감사실', score: 900 },
      { team: '도시국', score: 1000 },
      { team: '도시국', score: 600 },
      { team: '도시국', score: 500 },
      { team: '복지국', score: 900 },
    ]);
    expect(standings.map((t) => [t.team, t.average, t.rank])).toEqual([
      ['감사실', 900, 1],
      ['복지국', 900, 1],
      ['도시국', 700, 3],
    ]);
    expect(standings[2]).toMatchObject({ members: 3, total: 2100 });
  });
});

describe('balloon-dart round', () => {
  it('picks half corrupt and half clean practices, the same for the same seed', () => {
    const round = balloonRound(42, 12);
    expect(round).toHaveLength(12);
    expect(round.filter((b) => b.corrupt)).toHaveLength(6);
    expect(new Set(round.map((b) => b.id)).size).toBe(12);
    expect(balloonRound(42, 12)).toEqual(round);
    expect(balloonRound(43, 12).map((b) => b.id)).not.toEqual(round.map((b) => b.id));
  });

  it('scores hits and misses, never below zero, counting repeated and unknown ids once or not at all', () => {
    const round = balloonRound(7, 12);
    const corrupt = round.filter((b) => b.corrupt).map((b) => b.id);
    const clean = round.filter((b) => !b.corrupt).map((b) => b.id);
    expect(balloonScore(round, corrupt)).toMatchObject({ hits: 6, misses: 0, points: 600, correct: true });
    expect(balloonScore(round, [...corrupt.slice(0, 3), clean[0], corrupt[0], 'nope'])).toMatchObject({
      hits: 3,
      misses: 1,
      points: 250,
      correct: false,
    });
    expect(balloonScore(round, clean)).toMatchObject({ hits: 0, misses: 6, points: 0, correct: false });
    expect(balloonScore(round, [])).toMatchObject({ points: 0, correct: false });
  });

  it('has stable, unique practice ids with both kinds', () => {
    expect(new Set(BALLOON_PRACTICES.map((b) => b.id)).size).toBe(BALLOON_PRACTICES.length);
    expect(BALLOON_PRACTICES.filter((b) => b.corrupt).length).toBeGreaterThanOrEqual(6);
    expect(BALLOON_PRACTICES.filter((b) => !b.corrupt).length).toBeGreaterThanOrEqual(6);
  });
});

describe('nicknames', () => {
  it('normalises width, spaces and case for uniqueness', () => {
    expect(normaliseNickname('  Ｋｉｍ   청렴  ')).toEqual({
      ok: true,
      nickname: 'Kim 청렴',
      key: 'kim청렴',
    });
  });

  it('removes zero-width and right-to-left override characters', () => {
    const sneaky = normaliseNickname('ad\u200bmin\u202e');
    expect(sneaky).toEqual({ ok: true, nickname: 'ad min', key: 'admin' });
  });

  it('keeps markup as text (the client escapes it)', () => {
    expect(normaliseNickname('<b>hi</b>')).toMatchObject({ ok: true, nickname: '<b>hi</b>' });
  });

  it('refuses empty, invisible-only and too long names', () => {
    expect(normaliseNickname('\u200b\u200b')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(normaliseNickname('ㅤ')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(normaliseNickname('a'.repeat(21))).toEqual({ ok: false, problem: 'TOO_LONG' });
    expect(normaliseNickname('x'.repeat(10_000))).toEqual({ ok: false, problem: 'TOO_LONG' });
    expect(normaliseNickname('가'.repeat(20))).toMatchObject({ ok: true });
  });
});

describe('settings and PINs', () => {
  it('fills defaults and refuses out-of-range values', () => {
    expect(liveGameSettingsSchema.parse({ mode: 'CLASSIC' })).toMatchObject({
      speedWeighted: true,
      streakBonus: true,
      winners: 3,
      creditMinutes: 10,
    });
    expect(liveGameSettingsSchema.safeParse({ mode: 'CLASSIC', winners: 0 }).success).toBe(false);
    expect(liveGameSettingsSchema.safeParse({ mode: 'NOPE' }).success).toBe(false);
  });

  it('accepts six digits not starting with 0', () => {
    expect(isLivePin('123456')).toBe(true);
    expect(isLivePin('012345')).toBe(false);
    expect(isLivePin('12345')).toBe(false);
    expect(isLivePin('12345a')).toBe(false);
  });
});
