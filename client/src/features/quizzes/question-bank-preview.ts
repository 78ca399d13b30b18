import {
  gradeAnswer,
  matchesPattern,
  normaliseShortAnswer,
  pointsFor,
  reviewKeyOf,
  seededShuffle,
  type QuestionBody,
} from '@palma/shared';
import { parseDecimal, type FormPair, type QuestionForm } from './question-bank-form';
import type { AnswerValue, PresentedChoice, PresentedQuestion, ReviewView } from './question-view';

/*
 * The editor's live preview: the draft as a learner would see it (through the same
 * QuizQuestionView the player uses) and, on request, the review with the key. Nothing here is
 * validated — a half-written draft previews as far as it goes.
 */

/** Ids the preview uses: the saved id, or the row key until the server gives one. */
export const optionIdOf = (row: { key: string; id: string | null }): string => row.id ?? row.key;
export const promptIdOf = (pair: FormPair): string => pair.promptId ?? `${pair.key}p`;
export const matchIdOf = (pair: FormPair): string => pair.matchId ?? `${pair.key}m`;

/**
 * A shuffle that is never the key's order (for two or more items), as learners get it: otherwise
 * the preview of an ordering question would now and then show the answer.
 */
export function shuffledForPreview<T>(items: readonly T[], seed: number): T[] {
  if (items.length < 2) return [...items];
  const shuffled = seededShuffle(items, seed);
  return shuffled.every((item, i) => item === items[i]) ? [...items.slice(1), items[0]] : shuffled;
}

/** The draft as it is presented to a learner; ordering items and matches shuffled by `seed`. */
export function presentForm(form: QuestionForm, seed: number): PresentedQuestion {
  const choice = (id: string, textKo: string, textEn: string): PresentedChoice => ({ id, textKo, textEn });
  const choiceType = form.type === 'SINGLE_CHOICE' || form.type === 'MULTIPLE_CHOICE';
  const pairs = form.type === 'MATCHING' ? form.matchingPairs : [];
  return {
    type: form.type,
    promptKo: form.promptKo,
    promptEn: form.promptEn,
    imageUrl: form.imageUrl.trim() === '' ? null : form.imageUrl.trim(),
    points: form.points ?? 0,
    options: choiceType ? form.options.map((o) => choice(optionIdOf(o), o.textKo, o.textEn)) : [],
    orderingItems:
      form.type === 'ORDERING'
        ? shuffledForPreview(
            form.orderingItems.map((i) => choice(optionIdOf(i), i.textKo, i.textEn)),
            seed,
          )
        : [],
    matchPrompts: pairs.map((p) => choice(promptIdOf(p), p.promptKo, p.promptEn)),
    matchChoices: shuffledForPreview(
      pairs.map((p) => choice(matchIdOf(p), p.matchKo, p.matchEn)),
      seed + 1,
    ),
  };
}

/** The form's answer key in the shape the graders read (with the preview's ids). */
export function previewBody(form: QuestionForm): QuestionBody {
  switch (form.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const options = form.options.map((o) => ({
        id: optionIdOf(o),
        textKo: o.textKo,
        textEn: o.textEn,
        correct: o.correct,
        feedbackKo: o.feedbackKo,
        feedbackEn: o.feedbackEn,
      }));
      return form.type === 'SINGLE_CHOICE'
        ? { type: form.type, options }
        : { type: form.type, options, scoring: form.multipleScoring };
    }
    case 'TRUE_FALSE':
      // No answer chosen yet: nothing the learner picks is right.
      return { type: form.type, answer: form.trueFalseAnswer as boolean };
    case 'ORDERING':
      return {
        type: form.type,
        items: form.orderingItems.map((i) => ({ id: optionIdOf(i), textKo: i.textKo, textEn: i.textEn })),
      };
    case 'MATCHING':
      return {
        type: form.type,
        pairs: form.matchingPairs.map((p) => ({
          promptId: promptIdOf(p),
          promptKo: p.promptKo,
          promptEn: p.promptEn,
          matchId: matchIdOf(p),
          matchKo: p.matchKo,
          matchEn: p.matchEn,
        })),
      };
    case 'SHORT_ANSWER':
      return {
        type: form.type,
        answers: form.acceptedAnswers.map((a) => a.value).filter((v) => v.trim() !== ''),
        patterns: form.acceptedPatterns.map((p) => p.value).filter((v) => v.trim() !== ''),
      };
    case 'NUMERIC':
      return {
        type: form.type,
        answers: form.numericAnswers.flatMap((a) => {
          const value = parseDecimal(a.value);
          const tolerance = a.tolerance.trim() === '' ? 0 : parseDecimal(a.tolerance);
          return value === null || tolerance === null ? [] : [{ value, tolerance }];
        }),
      };
  }
}

/** What the review would say about `answer`: the key, feedback, explanation and the grade. */
export function reviewForm(form: QuestionForm, answer: AnswerValue | null): ReviewView {
  const body = previewBody(form);
  let grade = { fraction: 0, correct: false };
  // An unfinished key (no O/X chosen, a single choice with no correct option yet) grades nothing.
  if (form.type !== 'TRUE_FALSE' || form.trueFalseAnswer !== null) {
    try {
      grade = gradeAnswer(body, answer);
    } catch {
      grade = { fraction: 0, correct: false };
    }
  }
  const key = reviewKeyOf(body);
  const review: ReviewView = {
    correct: grade.correct,
    fraction: grade.fraction,
    score: pointsFor(grade.fraction, form.points ?? 0),
    explanationKo: form.explanationKo,
    explanationEn: form.explanationEn,
    ...key,
    // An O/X draft without an answer yet shows none.
    correctBoolean: body.type === 'TRUE_FALSE' ? form.trueFalseAnswer : key.correctBoolean,
  };
  return review;
}

export type ShortAnswerTest =
  | { accepted: false; normalised: string }
  | { accepted: true; normalised: string; by: 'answer' | 'pattern'; index: number };

/**
 * Whether a learner's short answer would be accepted, and by which accepted answer or pattern
 * (the author's tester). The same comparison as grading: normalised text, whole-match patterns.
 */
export function testShortAnswer(form: QuestionForm, value: string): ShortAnswerTest {
  const normalised = normaliseShortAnswer(value);
  if (normalised === '') return { accepted: false, normalised };
  const answer = form.acceptedAnswers.findIndex(
    (a) => a.value.trim() !== '' && normaliseShortAnswer(a.value) === normalised,
  );
  if (answer >= 0) return { accepted: true, normalised, by: 'answer', index: answer };
  const pattern = form.acceptedPatterns.findIndex(
    (p) => p.value.trim() !== '' && matchesPattern(p.value, value),
  );
  if (pattern >= 0) return { accepted: true, normalised, by: 'pattern', index: pattern };
  return { accepted: false, normalised };
}
