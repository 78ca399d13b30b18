import { z } from 'zod';

export const QuizGradingMethod = { HIGHEST: 'HIGHEST', LAST: 'LAST', AVERAGE: 'AVERAGE' } as const;
export type QuizGradingMethod = (typeof QuizGradingMethod)[keyof typeof QuizGradingMethod];

/** When a learner may see which answers were right, the key and the explanations. */
export const QuizFeedbackMode = {
  /** Per question, once the learner checks it (the answer is then locked). */
  IMMEDIATE: 'IMMEDIATE',
  AFTER_SUBMIT: 'AFTER_SUBMIT',
  /** After the quiz's due date, for finished attempts. */
  AFTER_DUE: 'AFTER_DUE',
  /** Only the score and whether it passed. */
  NEVER: 'NEVER',
} as const;
export type QuizFeedbackMode = (typeof QuizFeedbackMode)[keyof typeof QuizFeedbackMode];

export const QuizLayout = { ONE_PER_PAGE: 'ONE_PER_PAGE', ALL_ON_ONE_PAGE: 'ALL_ON_ONE_PAGE' } as const;
export type QuizLayout = (typeof QuizLayout)[keyof typeof QuizLayout];

export const AttemptStatus = {
  IN_PROGRESS: 'IN_PROGRESS',
  SUBMITTED: 'SUBMITTED',
  /** Closed by the server at its deadline and graded with what was saved. */
  EXPIRED: 'EXPIRED',
} as const;
export type AttemptStatus = (typeof AttemptStatus)[keyof typeof AttemptStatus];

export const QuizLimits = {
  titleMax: 200,
  descriptionMax: 2_000,
  slotsMax: 100,
  questionsPerAttemptMax: 100,
  drawCountMax: 100,
  timeLimitSecondsMax: 4 * 60 * 60,
  attemptsMax: 100,
  /** Saves and submits this long after the deadline are still taken (the network is not instant). */
  deadlineGraceSeconds: 2,
  /** How often the server closes attempts whose deadline passed. */
  sweepIntervalSeconds: 30,
} as const;

/** XP for quizzes (minutes come from the quiz's own credit minutes). */

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);

export const quizSettingsSchema = z
  .object({
    titleKo: text(QuizLimits.titleMax),
    titleEn: text(QuizLimits.titleMax),
    descriptionKo: z
      .string()
      .trim()
      .max(QuizLimits.descriptionMax)
      .nullish()
      .transform((v) => v ?? ''),
    descriptionEn: z
      .string()
      .trim()
      .max(QuizLimits.descriptionMax)
      .nullish()
      .transform((v) => v ?? ''),
    /** Percent of the maximum score needed to pass. */
    passPercent: z.number().int().min(0).max(100),
    timeLimitSeconds: z
      .number()
      .int()
      .min(30)
      .max(QuizLimits.timeLimitSecondsMax)
      .nullish()
      .transform((v) => v ?? null),
    /** Null: unlimited. */
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(QuizLimits.attemptsMax)
      .nullish()
      .transform((v) => v ?? null),
    gradingMethod: z.enum(['HIGHEST', 'LAST', 'AVERAGE']),
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    feedbackMode: z.enum(['IMMEDIATE', 'AFTER_SUBMIT', 'AFTER_DUE', 'NEVER']),
    layout: z.enum(['ONE_PER_PAGE', 'ALL_ON_ONE_PAGE']),
    dueAt: z.coerce
      .date()
      .nullish()
      .transform((v) => v ?? null),
    creditMinutes: z.number().int().min(0).max(600),
  })
  .superRefine((quiz, ctx) => {
    if (quiz.feedbackMode === 'AFTER_DUE' && !quiz.dueAt)
      ctx.addIssue({
        code: 'custom',
        path: ['dueAt'],
        message: 'a due date is needed to show feedback after it',
      });
  });
export type QuizSettings = z.output<typeof quizSettingsSchema>;

/** The person's grade for a quiz from their finished attempts (percents, oldest first). */
export function quizGrade(method: QuizGradingMethod, percents: readonly number[]): number | null {
  if (percents.length === 0) return null;
  switch (method) {
    case 'HIGHEST':
      return Math.max(...percents);
    case 'LAST':
      return percents[percents.length - 1];
    case 'AVERAGE':
      return Math.round((percents.reduce((a, b) => a + b, 0) / percents.length) * 100) / 100;
  }
}

export function percentOf(score: number, maxScore: number): number {
  return maxScore <= 0 ? 0 : Math.round((score / maxScore) * 10_000) / 100;
}

/**
 * Whether the learner may see correctness, the key and explanations of a question.
 * `checked`: the learner checked this question (IMMEDIATE mode); `finished`: the attempt is closed.
 */
export function reviewAllowed(
  quiz: { feedbackMode: QuizFeedbackMode; dueAt: Date | null },
  attempt: { finished: boolean },
  question: { checked: boolean },
  now: Date,
): boolean {
  switch (quiz.feedbackMode) {
    case 'IMMEDIATE':
      return question.checked || attempt.finished;
    case 'AFTER_SUBMIT':
      return attempt.finished;
    case 'AFTER_DUE':
      return attempt.finished && quiz.dueAt !== null && now.getTime() >= quiz.dueAt.getTime();
    case 'NEVER':
      return false;
  }
}
