import { describe, expect, it } from 'vitest';
import {
  type QuizFeedbackMode,
  percentOf,
  quizGrade,
  quizSettingsSchema,
  reviewAllowed,
  type QuizGradingMethod,
} from './quiz-rules.js';

describe('quizGrade', () => {
  it.each<[QuizGradingMethod, number[], number | null]>([
    ['HIGHEST', [], null],
    ['LAST', [], null],
    ['AVERAGE', [], null],
    ['HIGHEST', [70], 70],
    ['LAST', [70], 70],
    ['AVERAGE', [70], 70],
    ['HIGHEST', [40, 90, 60], 90],
    ['LAST', [40, 90, 60], 60],
    ['AVERAGE', [40, 90, 60], 63.33],
    ['HIGHEST', [0, 0], 0],
    ['LAST', [100, 0], 0],
    ['AVERAGE', [100, 0], 50],
    ['AVERAGE', [0, 0, 100], 33.33],
    ['AVERAGE', [0, 100, 100], 66.67],
    ['AVERAGE', [33.33, 66.67], 50],
    ['AVERAGE', [12.34, 56.78], 34.56],
    ['HIGHEST', [99.99, 100, 12.5], 100],
    ['LAST', [99.99, 100, 12.5], 12.5],
  ])('%s of %j is %s', (method, percents, expected) => {
    expect(quizGrade(method, percents)).toBe(expected);
  });

  it('does not reorder the attempts it is given', () => {
    const percents = [10, 30, 20];
    expect(quizGrade('LAST', percents)).toBe(20);
    expect(quizGrade('HIGHEST', percents)).toBe(30);
    expect(percents).toEqual([10, 30, 20]);
  });
});

describe('percentOf', () => {
  it.each<[number, number, number]>([
    [0, 10, 0],
    [10, 10, 100],
    [5, 10, 50],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [7.5, 8, 93.75],
    [1, 7, 14.29],
    [3, 0, 0],
    [0, 0, 0],
    [3, -1, 0],
  ])('%s of %s is %s%%', (score, max, expected) => {
    expect(percentOf(score, max)).toBe(expected);
  });
});

describe('reviewAllowed', () => {
  const due = new Date('2025-06-30T15:00:00Z');
  const before = new Date('2025-06-30T14:59:59.999Z');
  const after = new Date('2025-07-01T00:00:00Z');
  const quiz = (feedbackMode: QuizFeedbackMode, dueAt: Date | null = null) => ({ feedbackMode, dueAt });

  it.each<[string, QuizFeedbackMode, Date | null, boolean, boolean, Date, boolean]>([
    // mode, dueAt, finished, checked, now, allowed
    ['IMMEDIATE: unchecked, in progress', 'IMMEDIATE', null, false, false, before, false],
    ['IMMEDIATE: checked, in progress', 'IMMEDIATE', null, false, true, before, true],
    ['IMMEDIATE: unchecked, finished', 'IMMEDIATE', null, true, false, before, true],
    ['IMMEDIATE: checked, finished', 'IMMEDIATE', null, true, true, before, true],
    ['IMMEDIATE: unchecked, in progress, after a due date', 'IMMEDIATE', due, false, false, after, false],
    ['AFTER_SUBMIT: in progress', 'AFTER_SUBMIT', null, false, false, after, false],
    ['AFTER_SUBMIT: in progress, even if checked', 'AFTER_SUBMIT', null, false, true, after, false],
    ['AFTER_SUBMIT: finished', 'AFTER_SUBMIT', null, true, false, before, true],
    ['AFTER_SUBMIT: finished, before a due date', 'AFTER_SUBMIT', due, true, false, before, true],
    ['AFTER_DUE: finished, before the due date', 'AFTER_DUE', due, true, false, before, false],
    ['AFTER_DUE: finished, at the due date', 'AFTER_DUE', due, true, false, due, true],
    ['AFTER_DUE: finished, after the due date', 'AFTER_DUE', due, true, false, after, true],
    ['AFTER_DUE: in progress, after the due date', 'AFTER_DUE', due, false, false, after, false],
    ['AFTER_DUE: checked, in progress, after the due date', 'AFTER_DUE', due, false, true, after, false],
    ['AFTER_DUE: checked, finished, before the due date', 'AFTER_DUE', due, true, true, before, false],
    ['AFTER_DUE: finished, no due date', 'AFTER_DUE', null, true, false, after, false],
    ['NEVER: in progress', 'NEVER', null, false, false, after, false],
    ['NEVER: finished and checked', 'NEVER', null, true, true, after, false],
    ['NEVER: finished, after a due date', 'NEVER', due, true, true, after, false],
  ])('%s', (_, mode, dueAt, finished, checked, now, expected) => {
    expect(reviewAllowed(quiz(mode, dueAt), { finished }, { checked }, now)).toBe(expected);
  });

  it('decides AFTER_DUE to the millisecond', () => {
    const q = quiz('AFTER_DUE', due);
    expect(reviewAllowed(q, { finished: true }, { checked: false }, new Date(due.getTime() - 1))).toBe(false);
    expect(reviewAllowed(q, { finished: true }, { checked: false }, new Date(due.getTime()))).toBe(true);
    expect(reviewAllowed(q, { finished: true }, { checked: false }, new Date(due.getTime() + 1))).toBe(true);
  });
});

describe('quizSettingsSchema', () => {
  const valid = {
    titleKo: '청렴 퀴즈',
    titleEn: 'Integrity quiz',
    passPercent: 60,
    gradingMethod: 'HIGHEST',
    shuffleQuestions: true,
    shuffleOptions: false,
    feedbackMode: 'AFTER_SUBMIT',
    layout: 'ONE_PER_PAGE',
    creditMinutes: 10,
  };
  const problemsOf = (input: unknown) => {
    const result = quizSettingsSchema.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  };

  it('accepts minimal settings and fills the defaults', () => {
    expect(quizSettingsSchema.parse(valid)).toEqual({
      ...valid,
      descriptionKo: '',
      descriptionEn: '',
      timeLimitSeconds: null,
      maxAttempts: null,
      dueAt: null,
    });
  });

  it('trims text and keeps given limits', () => {
    expect(
      quizSettingsSchema.parse({
        ...valid,
        titleKo: '  퀴즈  ',
        descriptionEn: ' About ',
        timeLimitSeconds: 600,
        maxAttempts: 3,
      }),
    ).toMatchObject({ titleKo: '퀴즈', descriptionEn: 'About', timeLimitSeconds: 600, maxAttempts: 3 });
  });

  it('needs a due date to show feedback after it', () => {
    expect(problemsOf({ ...valid, feedbackMode: 'AFTER_DUE' })).toEqual([
      { field: 'dueAt', message: 'a due date is needed to show feedback after it' },
    ]);
    expect(problemsOf({ ...valid, feedbackMode: 'AFTER_DUE', dueAt: null })).toEqual([
      { field: 'dueAt', message: 'a due date is needed to show feedback after it' },
    ]);
    expect(
      quizSettingsSchema.parse({ ...valid, feedbackMode: 'AFTER_DUE', dueAt: '2025-06-30T15:00:00Z' }).dueAt,
    ).toEqual(new Date('2025-06-30T15:00:00Z'));
    const dueAt = new Date('2026-01-01T00:00:00Z');
    expect(quizSettingsSchema.parse({ ...valid, feedbackMode: 'AFTER_DUE', dueAt }).dueAt).toEqual(dueAt);
  });

  it('does not need a due date for the other modes', () => {
    for (const feedbackMode of ['IMMEDIATE', 'AFTER_SUBMIT', 'NEVER']) {
      expect(problemsOf({ ...valid, feedbackMode }), feedbackMode).toEqual([]);
    }
  });

  it('refuses out-of-range values with their field', () => {
    const fields = (input: unknown) => problemsOf(input).map((p) => p.field);
    expect(fields({ ...valid, titleKo: ' ' })).toEqual(['titleKo']);
    expect(fields({ ...valid, titleEn: 'x'.repeat(201) })).toEqual(['titleEn']);
    expect(fields({ ...valid, descriptionKo: 'x'.repeat(2001) })).toEqual(['descriptionKo']);
    expect(fields({ ...valid, passPercent: 101 })).toEqual(['passPercent']);
    expect(fields({ ...valid, passPercent: -1 })).toEqual(['passPercent']);
    expect(fields({ ...valid, passPercent: 50.5 })).toEqual(['passPercent']);
    expect(fields({ ...valid, timeLimitSeconds: 29 })).toEqual(['timeLimitSeconds']);
    expect(fields({ ...valid, timeLimitSeconds: 4 * 60 * 60 + 1 })).toEqual(['timeLimitSeconds']);
    expect(fields({ ...valid, maxAttempts: 0 })).toEqual(['maxAttempts']);
    expect(fields({ ...valid, maxAttempts: 101 })).toEqual(['maxAttempts']);
    expect(fields({ ...valid, gradingMethod: 'FIRST' })).toEqual(['gradingMethod']);
    expect(fields({ ...valid, feedbackMode: 'ALWAYS' })).toEqual(['feedbackMode']);
    expect(fields({ ...valid, layout: 'GRID' })).toEqual(['layout']);
    expect(fields({ ...valid, dueAt: 'not a date' })).toEqual(['dueAt']);
    expect(fields({ ...valid, creditMinutes: 601 })).toEqual(['creditMinutes']);
    expect(fields({ ...valid, creditMinutes: -1 })).toEqual(['creditMinutes']);
  });

  it('accepts the edges of the ranges', () => {
    for (const patch of [
      { passPercent: 0 },
      { passPercent: 100 },
      { timeLimitSeconds: 30 },
      { timeLimitSeconds: 4 * 60 * 60 },
      { maxAttempts: 1 },
      { maxAttempts: 100 },
      { creditMinutes: 0 },
      { creditMinutes: 600 },
    ]) {
      expect(problemsOf({ ...valid, ...patch }), JSON.stringify(patch)).toEqual([]);
    }
  });
});
