import { gradeAnswer, pointsFor, reviewAllowed, reviewKeyOf, type QuestionBody } from '@palma/shared';
import type { AttemptQuestion as AttemptQuestionRow } from './entities/attempt-question.entity.js';
import type { QuestionVersion } from './entities/question-version.entity.js';
import type { QuizAttempt } from './entities/quiz-attempt.entity.js';
import type { Quiz } from './entities/quiz.entity.js';
import type { AttemptQuestion, PresentedChoice, QuestionReview } from './models/quiz.models.js';

/** Whether the attempt as a whole may be reviewed now (finished attempts under the quiz's rule). */
export function attemptReviewAvailable(quiz: Quiz, attempt: QuizAttempt, now: Date): boolean {
  return reviewAllowed(quiz, { finished: attempt.status !== 'IN_PROGRESS' }, { checked: false }, now);
}

/**
 * A question as one learner sees it in one attempt: the material in the attempt's order, their own
 * answer, and — only when the quiz's feedback rule allows — the review with the key. This is the
 * one place that decides what of a key leaves the server.
 */
export function presentAttemptQuestion(
  row: AttemptQuestionRow,
  version: QuestionVersion,
  attempt: QuizAttempt,
  quiz: Quiz,
  now: Date,
): AttemptQuestion {
  const body = version.body;
  const order = row.presentation;
  const choice = (id: string, textKo: string, textEn: string): PresentedChoice => ({ id, textKo, textEn });
  let options: PresentedChoice[] = [];
  let orderingItems: PresentedChoice[] = [];
  let matchPrompts: PresentedChoice[] = [];
  let matchChoices: PresentedChoice[] = [];
  if (body.type === 'SINGLE_CHOICE' || body.type === 'MULTIPLE_CHOICE') {
    const byId = new Map(body.options.map((o) => [o.id, o]));
    options = (order.optionIds ?? []).map((id) => byId.get(id)!).map((o) => choice(o.id, o.textKo, o.textEn));
  } else if (body.type === 'ORDERING') {
    const byId = new Map(body.items.map((i) => [i.id, i]));
    orderingItems = (order.itemIds ?? [])
      .map((id) => byId.get(id)!)
      .map((i) => choice(i.id, i.textKo, i.textEn));
  } else if (body.type === 'MATCHING') {
    const byPrompt = new Map(body.pairs.map((p) => [p.promptId, p]));
    const byMatch = new Map(body.pairs.map((p) => [p.matchId, p]));
    matchPrompts = (order.promptIds ?? [])
      .map((id) => byPrompt.get(id)!)
      .map((p) => choice(p.promptId, p.promptKo, p.promptEn));
    matchChoices = (order.matchIds ?? [])
      .map((id) => byMatch.get(id)!)
      .map((p) => choice(p.matchId, p.matchKo, p.matchEn));
  }
  const allowed = reviewAllowed(
    quiz,
    { finished: attempt.status !== 'IN_PROGRESS' },
    { checked: row.checkedAt !== null },
    now,
  );
  const answer = row.answer
    ? {
        optionIds: row.answer.optionIds ?? null,
        booleanValue: row.answer.booleanValue ?? null,
        itemIds: row.answer.itemIds ?? null,
        matches: row.answer.matches ?? null,
        text: row.answer.text ?? null,
        numberValue: row.answer.numberValue ?? null,
      }
    : null;
  return {
    id: row.id,
    position: row.position,
    type: version.type,
    promptKo: version.promptKo,
    promptEn: version.promptEn,
    imageUrl: version.imageUrl,
    points: row.points,
    options,
    orderingItems,
    matchPrompts,
    matchChoices,
    answer,
    checked: row.checkedAt !== null,
    review: allowed ? reviewOf(body, row, version) : null,
  };
}

function reviewOf(body: QuestionBody, row: AttemptQuestionRow, version: QuestionVersion): QuestionReview {
  // A checked or closed question has its grade stored; grading again gives the same numbers.
  const grade = gradeAnswer(body, row.answer);
  const fraction = row.fraction ?? grade.fraction;
  return {
    correct: grade.correct,
    fraction,
    score: row.score ?? pointsFor(fraction, row.points),
    explanationKo: version.explanationKo,
    explanationEn: version.explanationEn,
    ...reviewKeyOf(body),
  };
}
