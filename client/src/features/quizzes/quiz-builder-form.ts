import {
  QuizLimits,
  quizSettingsSchema,
  toFieldProblems,
  type FieldProblem,
  type QuizFeedbackMode,
  type QuizGradingMethod,
  type QuizLayout,
} from '@palma/shared';
import type { QuizInput } from '@/api/graphql';

/** Quiz times are set in Korea: a due date and time means that wall-clock time in Seoul. */
export const QUIZ_TIME_ZONE = 'Asia/Seoul';
/** Korea keeps one offset all year (no summer time). */
const SEOUL_OFFSET = '+09:00';

export const GRADING_METHODS: readonly QuizGradingMethod[] = ['HIGHEST', 'LAST', 'AVERAGE'];
export const FEEDBACK_MODES: readonly QuizFeedbackMode[] = [
  'AFTER_SUBMIT',
  'IMMEDIATE',
  'AFTER_DUE',
  'NEVER',
];
export const QUIZ_LAYOUTS: readonly QuizLayout[] = ['ONE_PER_PAGE', 'ALL_ON_ONE_PAGE'];

/** Ranges the number fields accept, as the form shows them (the time limit in minutes). */
export const QUIZ_FORM_RANGES = {
  passPercent: [0, 100],
  timeLimitMinutes: [1, QuizLimits.timeLimitSecondsMax / 60],
  maxAttempts: [1, QuizLimits.attemptsMax],
  // The shared schema's bound for credit minutes (it has no named limit).
  creditMinutes: [0, 600],
} as const satisfies Record<string, readonly [number, number]>;

/**
 * What the settings form holds. Number fields are null while empty or not a whole number; the
 * time limit is in minutes, and "no limit" is a checkbox, so an empty field never means unlimited
 * by accident.
 */
export interface QuizSettingsForm {
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  passPercent: number | null;
  timeLimited: boolean;
  timeLimitMinutes: number | null;
  attemptsLimited: boolean;
  maxAttempts: number | null;
  gradingMethod: QuizGradingMethod;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  feedbackMode: QuizFeedbackMode;
  layout: QuizLayout;
  /** `YYYY-MM-DDTHH:mm` as a datetime-local input gives it, in Seoul time; '' for none. */
  dueAt: string;
  creditMinutes: number | null;
}

/** The saved settings a form starts from. */
export interface SavedQuizSettings {
  titleKo: string;
  titleEn: string;
  descriptionKo: string;
  descriptionEn: string;
  passPercent: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  gradingMethod: QuizGradingMethod;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  feedbackMode: QuizFeedbackMode;
  layout: QuizLayout;
  dueAt: string | null;
  creditMinutes: number;
}

/** A new quiz: the common choices of integrity training (pass at 60 %, answers after submitting). */
export function emptyQuizSettingsForm(): QuizSettingsForm {
  return {
    titleKo: '',
    titleEn: '',
    descriptionKo: '',
    descriptionEn: '',
    passPercent: 60,
    timeLimited: false,
    timeLimitMinutes: 20,
    attemptsLimited: false,
    maxAttempts: 3,
    gradingMethod: 'HIGHEST',
    shuffleQuestions: false,
    shuffleOptions: true,
    feedbackMode: 'AFTER_SUBMIT',
    layout: 'ONE_PER_PAGE',
    dueAt: '',
    creditMinutes: 0,
  };
}

/** An instant as the `YYYY-MM-DDTHH:mm` it reads in Seoul (for a datetime-local input). */
export function seoulDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: QUIZ_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** `2026-05-31T18:00` (Seoul) → `2026-05-31T18:00:00+09:00`; null for anything else. */
export function fromSeoulDateTime(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${SEOUL_OFFSET}`;
  const date = new Date(iso);
  // Reject dates that roll over (2026-02-30) by reading the wall-clock time back.
  return Number.isNaN(date.getTime()) || seoulDateTime(iso) !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}`
    ? null
    : iso;
}

export function quizSettingsFormFrom(saved: SavedQuizSettings): QuizSettingsForm {
  const empty = emptyQuizSettingsForm();
  return {
    titleKo: saved.titleKo,
    titleEn: saved.titleEn,
    descriptionKo: saved.descriptionKo,
    descriptionEn: saved.descriptionEn,
    passPercent: saved.passPercent,
    timeLimited: saved.timeLimitSeconds !== null,
    // The server counts seconds; a limit set elsewhere in odd seconds shows as whole minutes.
    timeLimitMinutes:
      saved.timeLimitSeconds === null
        ? empty.timeLimitMinutes
        : Math.max(1, Math.round(saved.timeLimitSeconds / 60)),
    attemptsLimited: saved.maxAttempts !== null,
    maxAttempts: saved.maxAttempts ?? empty.maxAttempts,
    gradingMethod: saved.gradingMethod,
    shuffleQuestions: saved.shuffleQuestions,
    shuffleOptions: saved.shuffleOptions,
    feedbackMode: saved.feedbackMode,
    layout: saved.layout,
    dueAt: saved.dueAt ? seoulDateTime(saved.dueAt) : '',
    creditMinutes: saved.creditMinutes,
  };
}

export type QuizInputResult = { ok: true; input: QuizInput } | { ok: false; problems: FieldProblem[] };

/** Where a problem of the shared schema (or the server) shows in the form. */
const FORM_FIELD: Record<string, keyof QuizSettingsForm> = { timeLimitSeconds: 'timeLimitMinutes' };

export function formField(field: string): string {
  const top = field.split('.')[0];
  return FORM_FIELD[top] ?? top;
}

/**
 * The form as QuizInput, checked by the shared schema the server applies too. Problems are keyed
 * by form field (`timeLimitMinutes`, not `timeLimitSeconds`).
 */
export function toQuizInput(form: QuizSettingsForm): QuizInputResult {
  const problems: FieldProblem[] = [];
  const dueAt = form.dueAt.trim() ? fromSeoulDateTime(form.dueAt) : null;
  if (form.dueAt.trim() && dueAt === null) problems.push({ field: 'dueAt', message: 'invalid date' });
  if (form.timeLimited && form.timeLimitMinutes === null)
    problems.push({ field: 'timeLimitMinutes', message: 'required' });
  if (form.attemptsLimited && form.maxAttempts === null)
    problems.push({ field: 'maxAttempts', message: 'required' });

  const candidate = {
    titleKo: form.titleKo,
    titleEn: form.titleEn,
    descriptionKo: form.descriptionKo,
    descriptionEn: form.descriptionEn,
    passPercent: form.passPercent,
    timeLimitSeconds: form.timeLimited && form.timeLimitMinutes !== null ? form.timeLimitMinutes * 60 : null,
    maxAttempts: form.attemptsLimited ? form.maxAttempts : null,
    gradingMethod: form.gradingMethod,
    shuffleQuestions: form.shuffleQuestions,
    shuffleOptions: form.shuffleOptions,
    feedbackMode: form.feedbackMode,
    layout: form.layout,
    dueAt,
    creditMinutes: form.creditMinutes,
  };
  const parsed = quizSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const p of toFieldProblems(parsed.error)) {
      const field = formField(p.field);
      // The date problem found above is the more precise one.
      if (!problems.some((known) => known.field === field)) problems.push({ field, message: p.message });
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  const s = parsed.data;
  return {
    ok: true,
    input: {
      titleKo: s.titleKo,
      titleEn: s.titleEn,
      descriptionKo: s.descriptionKo,
      descriptionEn: s.descriptionEn,
      passPercent: s.passPercent,
      timeLimitSeconds: s.timeLimitSeconds,
      maxAttempts: s.maxAttempts,
      gradingMethod: s.gradingMethod,
      shuffleQuestions: s.shuffleQuestions,
      shuffleOptions: s.shuffleOptions,
      feedbackMode: s.feedbackMode,
      layout: s.layout,
      // The checked string, not the parsed Date: it keeps the Seoul offset the author meant.
      dueAt,
      creditMinutes: s.creditMinutes,
    },
  };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/**
 * One translated message per form field. Number fields say the range to enter; the rest use the
 * shared messages (`required`, `at most N characters`) or the due-date rule.
 */
export function quizFieldMessages(
  problems: readonly FieldProblem[],
  t: Translate,
  fallback: (message: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const field = formField(p.field);
    if (out[field]) continue;
    const range = (QUIZ_FORM_RANGES as Record<string, readonly [number, number]>)[field];
    if (range) out[field] = t('quizBuilder.fieldErrors.range', { min: range[0], max: range[1] });
    else if (field === 'dueAt')
      out[field] =
        p.message === 'invalid date'
          ? t('quizBuilder.fieldErrors.date')
          : t('quizBuilder.fieldErrors.dueNeeded');
    else out[field] = fallback(p.message);
  }
  return out;
}

/** The title in the viewer's language, falling back to the other one. */
export function quizTitle(
  quiz: { titleKo: string; titleEn: string } | null | undefined,
  locale: string,
): string {
  if (!quiz) return '';
  const [first, second] = locale === 'en' ? [quiz.titleEn, quiz.titleKo] : [quiz.titleKo, quiz.titleEn];
  return first.trim() || second;
}

/**
 * A fresh id for a quiz to create (the server makes a retried create with it return the same
 * quiz). `crypto.randomUUID` exists only on secure pages; over plain http (an intranet address)
 * the id is built from `getRandomValues`, which is there everywhere.
 */
export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

export function newQuizId(random: RandomSource = crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
