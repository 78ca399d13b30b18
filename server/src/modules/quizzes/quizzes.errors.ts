import type { AnswerProblem } from '@palma/shared';
import { DomainError } from '../../common/errors/domain-error.js';

export const QuizErrors = {
  categoryNotFound: (id: string) => new DomainError('NOT_FOUND', 'Question category not found', { id }),
  categoryNotEmpty: (id: string) =>
    new DomainError('CATEGORY_NOT_EMPTY', 'Move or archive its questions and subcategories first', { id }),
  categoryCycle: () => new DomainError('CATEGORY_CYCLE', 'A category cannot move under itself'),
  questionNotFound: (id: string) => new DomainError('NOT_FOUND', 'Question not found', { id }),
  quizNotFound: (id: string) => new DomainError('NOT_FOUND', 'Quiz not found', { id }),
  quizInUse: (id: string, lessons: number, attempts: number) =>
    new DomainError('QUIZ_IN_USE', 'This quiz is used by lessons or has attempts', { id, lessons, attempts }),
  quizEmpty: (id: string) => new DomainError('QUIZ_EMPTY', 'This quiz has no questions yet', { id }),
  notEnoughQuestions: (slotPosition: number, wanted: number, available: number) =>
    new DomainError(
      'QUIZ_NOT_ENOUGH_QUESTIONS',
      `Slot ${slotPosition} draws ${wanted} questions but its category has ${available}`,
      { slotPosition, wanted, available },
    ),
  notQuizLesson: (lessonId: string) =>
    new DomainError('WRONG_LESSON_KIND', 'This lesson is not a quiz lesson', { lessonId }),
  /** Also for someone else's attempt. */
  attemptNotFound: (id: string) => new DomainError('NOT_FOUND', 'Attempt not found', { id }),
  limitReached: (maxAttempts: number) =>
    new DomainError('ATTEMPT_LIMIT_REACHED', `This quiz allows ${maxAttempts} attempts`, { maxAttempts }),
  expired: (attemptId: string) =>
    new DomainError(
      'ATTEMPT_EXPIRED',
      'The time for this attempt is over; it was graded with the saved answers',
      {
        attemptId,
      },
    ),
  finished: (attemptId: string) =>
    new DomainError('ATTEMPT_FINISHED', 'This attempt is already submitted', { attemptId }),
  questionNotInAttempt: (questionId: string) =>
    new DomainError('QUESTION_NOT_IN_ATTEMPT', 'This question is not part of the attempt', { questionId }),
  answerInvalid: (questionId: string, problem: AnswerProblem) =>
    new DomainError('ANSWER_INVALID', `The answer does not fit the question (${problem})`, {
      questionId,
      problem,
    }),
  answerLocked: (questionId: string) =>
    new DomainError('ANSWER_LOCKED', 'This answer was checked and can no longer change', { questionId }),
  feedbackNotImmediate: () =>
    new DomainError('FEEDBACK_NOT_IMMEDIATE', 'This quiz shows feedback only after the attempt'),
};
