import type { Locale } from '@palma/shared';
import { inLanguage } from '@/features/training/training-display';
import { choiceLook, TRUE_FALSE_LOOKS, type ChoiceLook } from './live-choices';
import type { LiveQuestion, LiveReveal, LiveStanding, LiveState } from './live-state';

/** A choice of the round as shown: its look and its text in the viewer's language. */
export interface ShownChoice {
  id: string;
  look: ChoiceLook;
  text: string;
}

/** The round's choices with their looks, in display order ("O"/"X" for true/false). */
export function shownChoices(question: LiveQuestion, locale: Locale): ShownChoice[] {
  if (question.type === 'TRUE_FALSE') {
    return (['true', 'false'] as const).map((id) => ({ id, look: TRUE_FALSE_LOOKS[id], text: '' }));
  }
  return question.choices.map((c, i) => ({
    id: c.id,
    look: choiceLook(i),
    text: inLanguage(c.textKo, c.textEn, locale),
  }));
}

export interface DistributionBar {
  key: string;
  /** Null for "right"/"wrong" of typed answers. */
  choice: ShownChoice | null;
  count: number;
  /** Of the players who answered, 0–1. */
  share: number;
  /** Of the largest bar, 0–1 (bar lengths). */
  width: number;
  correct: boolean;
}

/** How the room answered: one bar per choice (or right/wrong for typed answers). */
export function distributionBars(
  question: LiveQuestion,
  reveal: LiveReveal,
  locale: Locale,
): DistributionBar[] {
  const choices = new Map(shownChoices(question, locale).map((c) => [c.id, c]));
  const max = Math.max(1, ...reveal.distribution.map((d) => d.count));
  const of = Math.max(1, reveal.answered);
  return reveal.distribution.map((d) => ({
    key: d.key,
    choice: choices.get(d.key) ?? null,
    count: d.count,
    share: d.count / of,
    width: d.count / max,
    correct: d.correct,
  }));
}

/** The right answer of a revealed round, in the form its type calls for. */
export type CorrectAnswer =
  | { kind: 'choices'; choices: ShownChoice[] }
  | { kind: 'order'; items: ShownChoice[] }
  | { kind: 'values'; values: string[] };

export function correctAnswer(question: LiveQuestion, reveal: LiveReveal, locale: Locale): CorrectAnswer {
  const choices = shownChoices(question, locale);
  if (question.type === 'TRUE_FALSE') {
    const id = String(reveal.correctBoolean);
    return { kind: 'choices', choices: choices.filter((c) => c.id === id) };
  }
  if (question.type === 'ORDERING') {
    const byId = new Map(choices.map((c) => [c.id, c]));
    return {
      kind: 'order',
      items: reveal.correctIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    };
  }
  if (question.type === 'SHORT_ANSWER') return { kind: 'values', values: reveal.acceptedAnswers };
  if (question.type === 'NUMERIC') {
    const format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ko-KR', { maximumFractionDigits: 6 });
    return { kind: 'values', values: reveal.acceptedNumbers.map((n) => format.format(n)) };
  }
  // Single and multiple choice, balloons: every choice in the key.
  const key = new Set(reveal.correctIds);
  return { kind: 'choices', choices: choices.filter((c) => key.has(c.id)) };
}

/** The podium: everyone placed within the game's winners (ties share a place). */
export function podium(state: Pick<LiveState, 'leaderboard' | 'winners'>): LiveStanding[] {
  return state.leaderboard.filter((s) => s.rank <= state.winners).sort((a, b) => a.rank - b.rank);
}

/** Golden Bell in three numbers after a round. */
export function bellTally(state: Pick<LiveState, 'aliveCount' | 'playerCount' | 'reveal'>): {
  standing: number;
  out: number;
  eliminated: number;
  revived: number;
} {
  return {
    standing: state.aliveCount,
    out: Math.max(0, state.playerCount - state.aliveCount),
    eliminated: state.reveal?.eliminated ?? 0,
    revived: state.reveal?.revived ?? 0,
  };
}

/**
 * Nicknames with keys for a list: the same name twice (two employees called 김민수) keeps two
 * keys, and a name keeps its key when newer names are put before it.
 */
export function keyedNames(names: readonly string[]): { name: string; key: string }[] {
  const seen = new Map<string, number>();
  // Counted from the oldest (the end of the list): arrivals at the front do not shift keys.
  const keys = [...names].reverse().map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return `${name}#${n}`;
  });
  return names.map((name, i) => ({ name, key: keys[names.length - 1 - i] }));
}
