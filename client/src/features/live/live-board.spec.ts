import { describe, expect, it } from 'vitest';
import { bellTally, correctAnswer, distributionBars, keyedNames, podium, shownChoices } from './live-board';
import type { LiveQuestion, LiveReveal } from './live-state';
import { liveState } from './live-test-data';

const question = (over: Partial<LiveQuestion> = {}): LiveQuestion => ({
  round: 0,
  kind: 'QUESTION',
  type: 'SINGLE_CHOICE',
  promptKo: '받을 수 있는 것은?',
  promptEn: 'Which may you accept?',
  timeLimitSeconds: 20,
  leadInSeconds: 0,
  revival: false,
  choices: [
    { id: 'o1', textKo: '상품권', textEn: 'Gift card' },
    { id: 'o2', textKo: '커피 한 잔', textEn: 'A coffee' },
  ],
  ...over,
});
const reveal = (over: Partial<LiveReveal> = {}): LiveReveal => ({
  round: 0,
  correctIds: ['o2'],
  correctBoolean: null,
  acceptedAnswers: [],
  acceptedNumbers: [],
  explanationKo: '',
  explanationEn: '',
  answered: 4,
  correct: 3,
  eliminated: 0,
  revived: 0,
  distribution: [
    { key: 'o1', count: 1, correct: false },
    { key: 'o2', count: 3, correct: true },
  ],
  ...over,
});

describe('the reveal', () => {
  it('draws one bar per choice with the choice’s look, in the viewer’s language', () => {
    const bars = distributionBars(question(), reveal(), 'en');
    expect(bars.map((b) => [b.choice?.look.letter, b.choice?.text, b.count, b.width, b.correct])).toEqual([
      ['A', 'Gift card', 1, 1 / 3, false],
      ['B', 'A coffee', 3, 1, true],
    ]);
    expect(bars[1].share).toBe(0.75);
  });

  it('shows right and wrong for typed answers, and survives a round nobody answered', () => {
    const bars = distributionBars(
      question({ type: 'SHORT_ANSWER', choices: [] }),
      reveal({
        answered: 0,
        distribution: [
          { key: 'correct', count: 0, correct: true },
          { key: 'wrong', count: 0, correct: false },
        ],
      }),
      'ko',
    );
    expect(bars.map((b) => [b.key, b.choice, b.share, b.width])).toEqual([
      ['correct', null, 0, 0],
      ['wrong', null, 0, 0],
    ]);
  });

  it('names the right answer as its type calls for', () => {
    expect(correctAnswer(question(), reveal(), 'ko')).toMatchObject({
      kind: 'choices',
      choices: [{ id: 'o2', text: '커피 한 잔' }],
    });
    const tf = question({ type: 'TRUE_FALSE', choices: [] });
    expect(shownChoices(tf, 'ko').map((c) => c.look.letter)).toEqual(['O', 'X']);
    expect(correctAnswer(tf, reveal({ correctBoolean: false }), 'ko')).toMatchObject({
      choices: [{ id: 'false' }],
    });
    const ordering = question({ type: 'ORDERING' });
    expect(correctAnswer(ordering, reveal({ correctIds: ['o2', 'o1'] }), 'en')).toMatchObject({
      kind: 'order',
      items: [{ text: 'A coffee' }, { text: 'Gift card' }],
    });
    expect(
      correctAnswer(question({ type: 'NUMERIC', choices: [] }), reveal({ acceptedNumbers: [30000] }), 'ko'),
    ).toEqual({ kind: 'values', values: ['30,000'] });
  });
});

describe('standings', () => {
  it('puts everyone within the winners on the podium, ties included', () => {
    const s = (rank: number, nickname: string) => ({
      id: `p-${nickname}`,
      rank,
      nickname,
      guest: false,
      team: '',
      score: 0,
      alive: true,
      correct: 0,
    });
    const state = { winners: 2, leaderboard: [s(1, 'a'), s(2, 'b'), s(2, 'c'), s(4, 'd')] };
    expect(podium(state).map((p) => p.nickname)).toEqual(['a', 'b', 'c']);
  });

  it('counts Golden Bell players standing and out', () => {
    const state = liveState({
      playerCount: 10,
      aliveCount: 6,
      reveal: reveal({ eliminated: 3, revived: 0 }),
    });
    expect(bellTally(state)).toEqual({ standing: 6, out: 4, eliminated: 3, revived: 0 });
  });
});

describe('keyedNames', () => {
  it('keeps keys when newer names arrive in front, and tells equal names apart', () => {
    const before = keyedNames(['b', 'a']);
    const after = keyedNames(['a', 'c', 'b', 'a']);
    expect(after.slice(2)).toEqual(before);
    expect(new Set(after.map((k) => k.key)).size).toBe(4);
  });
});
