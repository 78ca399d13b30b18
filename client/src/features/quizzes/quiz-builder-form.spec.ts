import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import {
  emptyQuizSettingsForm,
  fromSeoulDateTime,
  newQuizId,
  quizFieldMessages,
  quizSettingsFormFrom,
  seoulDateTime,
  toQuizInput,
  type QuizSettingsForm,
  type SavedQuizSettings,
} from './quiz-builder-form';

const titled = (changes: Partial<QuizSettingsForm> = {}): QuizSettingsForm => ({
  ...emptyQuizSettingsForm(),
  titleKo: ' 청탁금지법 확인 퀴즈 ',
  titleEn: 'Anti-graft act check',
  ...changes,
});

const saved: SavedQuizSettings = {
  titleKo: '이해충돌 퀴즈',
  titleEn: 'Conflict of interest quiz',
  descriptionKo: '10문항',
  descriptionEn: '10 questions',
  passPercent: 70,
  timeLimitSeconds: 1200,
  maxAttempts: 2,
  gradingMethod: 'LAST',
  shuffleQuestions: true,
  shuffleOptions: false,
  feedbackMode: 'AFTER_DUE',
  layout: 'ALL_ON_ONE_PAGE',
  dueAt: '2026-06-30T09:00:00.000Z',
  creditMinutes: 30,
};

describe('quiz settings form → QuizInput', () => {
  it('sends the time limit in seconds and nulls for "no limit", trimmed by the shared schema', () => {
    const result = toQuizInput(titled({ timeLimited: true, timeLimitMinutes: 15 }));
    expect(result).toEqual({
      ok: true,
      input: {
        titleKo: '청탁금지법 확인 퀴즈',
        titleEn: 'Anti-graft act check',
        descriptionKo: '',
        descriptionEn: '',
        passPercent: 60,
        timeLimitSeconds: 900,
        maxAttempts: null,
        gradingMethod: 'HIGHEST',
        shuffleQuestions: false,
        shuffleOptions: true,
        feedbackMode: 'AFTER_SUBMIT',
        layout: 'ONE_PER_PAGE',
        dueAt: null,
        creditMinutes: 0,
      },
    });
  });

  it('ignores the numbers behind an unticked limit, even invalid ones', () => {
    const result = toQuizInput(titled({ timeLimited: false, timeLimitMinutes: null, maxAttempts: 0 }));
    expect(result.ok && [result.input.timeLimitSeconds, result.input.maxAttempts]).toEqual([null, null]);
  });

  it('reads a due date as Seoul time and needs one for feedback after it', () => {
    const late = toQuizInput(titled({ feedbackMode: 'AFTER_DUE', dueAt: '2026-06-30T18:00' }));
    expect(late.ok && late.input.dueAt).toBe('2026-06-30T18:00:00+09:00');

    const missing = toQuizInput(titled({ feedbackMode: 'AFTER_DUE', dueAt: '' }));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.problems.map((p) => p.field)).toEqual(['dueAt']);
  });

  it('reports problems under the form’s own field names', () => {
    const result = toQuizInput(
      titled({
        titleEn: ' ',
        passPercent: 120,
        timeLimited: true,
        timeLimitMinutes: 300,
        creditMinutes: null,
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field).sort()).toEqual([
      'creditMinutes',
      'passPercent',
      'timeLimitMinutes',
      'titleEn',
    ]);
  });

  it('marks an empty limit field as required instead of treating it as unlimited', () => {
    const result = toQuizInput(titled({ attemptsLimited: true, maxAttempts: null }));
    expect(!result.ok && result.problems).toEqual([{ field: 'maxAttempts', message: 'required' }]);
  });

  it('refuses a due date that does not exist', () => {
    const result = toQuizInput(titled({ dueAt: '2026-02-30T10:00' }));
    expect(!result.ok && result.problems).toEqual([{ field: 'dueAt', message: 'invalid date' }]);
  });

  it('turns problems into sentences that say what to enter', () => {
    const { t } = createAppI18n('ko').global;
    const messages = quizFieldMessages(
      [
        { field: 'timeLimitSeconds', message: 'Too big: expected number to be <=14400' },
        { field: 'titleKo', message: 'required' },
        { field: 'dueAt', message: 'a due date is needed to show feedback after it' },
      ],
      t,
      (m) => (m === 'required' ? t('fieldErrors.required') : m),
    );
    expect(messages).toEqual({
      timeLimitMinutes: '1~240 사이의 정수로 입력해 주세요.',
      titleKo: '필수 항목입니다.',
      dueAt: '‘마감 후 공개’를 고르면 마감 일시를 꼭 입력해야 합니다.',
    });
  });
});

describe('saved quiz → settings form', () => {
  it('shows seconds as minutes, limits as ticked boxes and the due date in Seoul time', () => {
    expect(quizSettingsFormFrom(saved)).toEqual({
      titleKo: '이해충돌 퀴즈',
      titleEn: 'Conflict of interest quiz',
      descriptionKo: '10문항',
      descriptionEn: '10 questions',
      passPercent: 70,
      timeLimited: true,
      timeLimitMinutes: 20,
      attemptsLimited: true,
      maxAttempts: 2,
      gradingMethod: 'LAST',
      shuffleQuestions: true,
      shuffleOptions: false,
      feedbackMode: 'AFTER_DUE',
      layout: 'ALL_ON_ONE_PAGE',
      dueAt: '2026-06-30T18:00',
      creditMinutes: 30,
    });
  });

  it('comes back as the same input it was made from', () => {
    const result = toQuizInput(quizSettingsFormFrom(saved));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ ...result.input, dueAt: new Date(result.input.dueAt ?? '').toISOString() }).toEqual(saved);
  });

  it('keeps sensible defaults behind unticked limits', () => {
    const form = quizSettingsFormFrom({ ...saved, timeLimitSeconds: null, maxAttempts: null, dueAt: null });
    expect(form).toMatchObject({
      timeLimited: false,
      timeLimitMinutes: 20,
      attemptsLimited: false,
      dueAt: '',
    });
  });
});

describe('Seoul wall-clock times', () => {
  it('converts both ways across midnight UTC', () => {
    expect(seoulDateTime('2026-01-31T15:30:00Z')).toBe('2026-02-01T00:30');
    expect(fromSeoulDateTime('2026-02-01T00:30')).toBe('2026-02-01T00:30:00+09:00');
    expect(fromSeoulDateTime('2026-02-01 00:30')).toBeNull();
    expect(seoulDateTime('not a date')).toBe('');
  });
});

describe('newQuizId', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a version 4 UUID, also where randomUUID is missing (plain http)', () => {
    expect(newQuizId()).toMatch(UUID_V4);
    const insecure = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => crypto.getRandomValues(a) };
    const ids = new Set(Array.from({ length: 20 }, () => newQuizId(insecure)));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
