import type { LiveGameReportQuery } from '@/api/graphql';

export type LiveReport = LiveGameReportQuery['liveGameReport'];
export type LiveReportPlayer = LiveReport['players'][number];
export type LiveReportRound = LiveReport['rounds'][number];

/** Share of correct answers among those given, in whole percent; null when nobody answered. */
export function correctPercent(correct: number, answered: number): number | null {
  return answered > 0 ? Math.round((correct / answered) * 100) : null;
}

/** Average answer time in seconds with one decimal; null without answers. */
export function averageSeconds(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 100) / 10;
}

/** The round most players got wrong (lowest rate among rounds with answers), for the summary. */
export function hardestRound(rounds: readonly LiveReportRound[]): LiveReportRound | null {
  let hardest: LiveReportRound | null = null;
  let lowest = Infinity;
  for (const r of rounds) {
    const rate = correctPercent(r.correct, r.answered);
    if (rate !== null && rate < lowest) {
      lowest = rate;
      hardest = r;
    }
  }
  return hardest;
}

/** Players who got every round right (speed aside). */
export function perfectPlayers(players: readonly LiveReportPlayer[], roundCount: number): number {
  return roundCount === 0 ? 0 : players.filter((p) => !p.kicked && p.correct === roundCount).length;
}
