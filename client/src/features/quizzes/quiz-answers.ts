import { ANSWER_FIELD_OF, type QuestionType } from '@palma/shared';
import type { AnswerValue } from './question-view';

/** A saved answer as the server returns it (every field present, most of them null). */
export interface StoredAnswer {
  optionIds: string[] | null;
  booleanValue: boolean | null;
  itemIds: string[] | null;
  matches: { promptId: string; matchId: string }[] | null;
  text: string | null;
  numberValue: number | null;
}

/** The answer fields of a save, exactly one set (or none: that clears the answer). */
export type AnswerFields = StoredAnswer;

/** The learner's answer from what the server stored (null when nothing is saved). */
export function answerFromStored(
  type: QuestionType,
  stored: StoredAnswer | null | undefined,
): AnswerValue | null {
  if (!stored) return null;
  const field = ANSWER_FIELD_OF[type];
  const value = stored[field];
  if (value == null) return null;
  if (field === 'matches') {
    return {
      matches: (value as StoredAnswer['matches'])!.map((m) => ({ promptId: m.promptId, matchId: m.matchId })),
    };
  }
  return { [field]: Array.isArray(value) ? [...value] : value };
}

/** Whether the answer holds something for the question's type (an empty choice list does not). */
export function isAnswered(type: QuestionType, value: AnswerValue | null | undefined): boolean {
  if (!value) return false;
  const given = value[ANSWER_FIELD_OF[type]];
  if (given == null) return false;
  if (Array.isArray(given)) return given.length > 0;
  if (typeof given === 'string') return given.trim() !== '';
  return true;
}

/**
 * The answer fields to send: only the question type's own field, and all of them null when the
 * learner took their answer back (the server then clears it).
 */
export function answerFields(type: QuestionType, value: AnswerValue | null | undefined): AnswerFields {
  const fields: AnswerFields = {
    optionIds: null,
    booleanValue: null,
    itemIds: null,
    matches: null,
    text: null,
    numberValue: null,
  };
  if (!isAnswered(type, value)) return fields;
  const field = ANSWER_FIELD_OF[type];
  return { ...fields, [field]: value![field] };
}

/** Whether two answers to the same question say the same thing (saves are skipped otherwise). */
export function sameAnswer(type: QuestionType, a: AnswerValue | null, b: AnswerValue | null): boolean {
  return JSON.stringify(answerFields(type, a)) === JSON.stringify(answerFields(type, b));
}

/** Questions whose answer is typed: saved once typing settles rather than at every key. */
export function savesAsYouType(type: QuestionType): boolean {
  return type === 'SHORT_ANSWER' || type === 'NUMERIC';
}

/**
 * A number as people type it: full-width digits (Korean keyboards) and the Unicode minus are
 * accepted, thousands separators and spaces ignored. Null when it is not a number.
 */
export function parseTypedNumber(raw: string): number | null {
  const s = raw
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .replace(/[\s,]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Remaining time as a clock: "4:05", "12:00", "1:02:03". */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
