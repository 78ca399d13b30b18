import { describe, expect, it } from 'vitest';
import {
  BAND_COLOURS,
  chosenPercent,
  formatPercent,
  mostMissed,
  passRate,
  scoreBands,
  scoreChartData,
} from './quiz-results-figures';

describe('score distribution → chart', () => {
  it('makes ten labelled bands and marks those at or above the pass mark', () => {
    const bands = scoreBands([0, 0, 1, 0, 2, 3, 5, 8, 4, 6], 60);
    expect(bands.map((b) => b.label)).toEqual([
      '0–9',
      '10–19',
      '20–29',
      '30–39',
      '40–49',
      '50–59',
      '60–69',
      '70–79',
      '80–89',
      '90–100',
    ]);
    expect(bands.filter((b) => b.passing).map((b) => b.from)).toEqual([60, 70, 80, 90]);
    // A pass mark inside a band: that band holds scores below it, so it is not green.
    expect(
      scoreBands([], 65)
        .filter((b) => b.passing)
        .map((b) => b.from),
    ).toEqual([70, 80, 90]);
  });

  it('always has ten bars, whatever the server sends', () => {
    expect(scoreBands([3], 50).map((b) => b.count)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(scoreBands(Array(12).fill(1), 50)).toHaveLength(10);
  });

  it('gives Chart.js the counts and a colour per bar', () => {
    const data = scoreChartData(scoreBands([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 80), '응시 수');
    expect(data.labels[9]).toBe('90–100%');
    expect(data.datasets[0].label).toBe('응시 수');
    expect(data.datasets[0].data).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(data.datasets[0].backgroundColor.slice(7)).toEqual([
      BAND_COLOURS.other,
      BAND_COLOURS.passing,
      BAND_COLOURS.passing,
    ]);
  });
});

describe('item analysis figures', () => {
  const q = (questionId: string, correctPercent: number, shown: number) => ({
    questionId,
    correctPercent,
    shown,
  });

  it('lists the most missed questions first, more evidence first on a tie, never unseen ones', () => {
    const questions = [q('a', 80, 10), q('b', 20, 5), q('c', 20, 9), q('d', 0, 0), q('e', 55, 3)];
    expect(mostMissed(questions, 3).map((x) => x.questionId)).toEqual(['c', 'b', 'e']);
    expect(mostMissed(questions).map((x) => x.questionId)).toEqual(['c', 'b', 'e', 'a']);
  });

  it('works out shares without dividing by zero', () => {
    expect(chosenPercent(3, 8)).toBe(38);
    expect(chosenPercent(0, 0)).toBe(0);
    expect(passRate(3, 2)).toBe(66);
    expect(passRate(0, 0)).toBe(0);
    expect(formatPercent(66.666)).toBe('66.7');
    expect(formatPercent(50)).toBe('50');
  });
});
