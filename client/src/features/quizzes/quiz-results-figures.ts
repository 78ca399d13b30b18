/** Figures of the results page, worked out from what quizResults returns. */

export interface ScoreBand {
  /** "0–9", "10–19", …, "90–100" (percent). */
  label: string;
  from: number;
  to: number;
  count: number;
  /** Every score in the band reaches the pass mark. */
  passing: boolean;
}

export const SCORE_BAND_COUNT = 10;

/**
 * The ten score bands of the distribution (0–9 %, …, 90–100 %) with their counts. A shorter or
 * longer list from the server is padded with zeros or cut, so the chart always has ten bars.
 */
export function scoreBands(distribution: readonly number[], passPercent: number): ScoreBand[] {
  return Array.from({ length: SCORE_BAND_COUNT }, (_, i) => {
    const from = i * 10;
    const to = i === SCORE_BAND_COUNT - 1 ? 100 : from + 9;
    return {
      label: `${from}–${to}`,
      from,
      to,
      count: Math.max(0, Math.trunc(distribution[i] ?? 0)),
      passing: from >= passPercent,
    };
  });
}

/** Colours of the bars: bands at or above the pass mark in green, the others in blue. */
export const BAND_COLOURS = { passing: '#1f7a4d', other: '#1d5a99' } as const;

/** What the Chart.js bar chart takes. */
export function scoreChartData(bands: readonly ScoreBand[], label: string) {
  return {
    labels: bands.map((b) => `${b.label}%`),
    datasets: [
      {
        label,
        data: bands.map((b) => b.count),
        backgroundColor: bands.map((b) => (b.passing ? BAND_COLOURS.passing : BAND_COLOURS.other)),
        borderRadius: 4,
      },
    ],
  };
}

export interface QuestionFigures {
  questionId: string;
  shown: number;
  correctPercent: number;
}

/**
 * The questions answered wrong most often: lowest share fully correct first, then the one shown
 * more often (more evidence), only questions that were graded at least once.
 */
export function mostMissed<Q extends QuestionFigures>(questions: readonly Q[], limit = 5): Q[] {
  return questions
    .filter((q) => q.shown > 0)
    .sort((a, b) => a.correctPercent - b.correctPercent || b.shown - a.shown)
    .slice(0, limit);
}

/** How often an option was picked, as a whole percent of the times the question was graded. */
export function chosenPercent(chosen: number, shown: number): number {
  return shown > 0 ? Math.round((chosen / shown) * 100) : 0;
}

/** Share of people who passed, 0–100, rounded down (none: 0). */
export function passRate(people: number, peoplePassed: number): number {
  return people > 0 ? Math.floor((peoplePassed / people) * 100) : 0;
}

/** A percent for display: at most one decimal, no trailing ".0". */
export function formatPercent(value: number): string {
  return `${Math.round(value * 10) / 10}`;
}
