import type { LiveAnswerInput } from '@/api/graphql';
import { parseTypedNumber } from '@/features/quizzes/quiz-answers';

/** What a typed answer lacks before it can be sent. */
export type TypedAnswerProblem = 'EMPTY' | 'NOT_A_NUMBER' | 'TOO_LONG';

/** Longest text answer the server takes. */
export const LIVE_TEXT_MAX = 200;

/** A short answer or a number as the server wants it, or why it cannot be sent yet. */
export function typedAnswer(
  type: 'SHORT_ANSWER' | 'NUMERIC',
  raw: string,
): { ok: true; answer: LiveAnswerInput } | { ok: false; problem: TypedAnswerProblem } {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'EMPTY' };
  if (type === 'SHORT_ANSWER') {
    return text.length > LIVE_TEXT_MAX ? { ok: false, problem: 'TOO_LONG' } : { ok: true, answer: { text } };
  }
  const n = parseTypedNumber(text);
  return n === null ? { ok: false, problem: 'NOT_A_NUMBER' } : { ok: true, answer: { numberValue: n } };
}

/** Multiple choice: the chosen options after tapping one, kept in display order. */
export function toggleChoice(chosen: readonly string[], id: string, order: readonly string[]): string[] {
  const set = new Set(chosen);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  return order.filter((o) => set.has(o));
}

/** A list with one entry moved up (−1) or down (+1); out of range leaves it as it is. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}

/** Balloons: popping is for good — a second tap on a popped balloon changes nothing. */
export function popBalloon(popped: readonly string[], id: string): string[] {
  return popped.includes(id) ? [...popped] : [...popped, id];
}
