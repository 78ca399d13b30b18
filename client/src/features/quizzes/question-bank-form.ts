import {
  parseQuestionDraft,
  QuestionLimits,
  type FieldProblem,
  type MultipleScoring,
  type QuestionDifficulty,
  type QuestionDraft,
  type QuestionType,
} from '@palma/shared';
import type { QuestionBankQuestionFieldsFragment, QuestionInput } from '@/api/graphql';
import { fieldMessage } from '@/app/errors';

/** A question as the bank editor loads it (answer key included). */
export type SavedQuestion = QuestionBankQuestionFieldsFragment;

/*
 * What the question editor holds. Rows carry a `key` of their own (for v-for and for the preview's
 * ids) and the saved `id`, null until the server gives them one. Every type's part is kept while
 * the author switches types, but only the part of `type` is sent.
 */
export interface FormOption {
  key: string;
  id: string | null;
  textKo: string;
  textEn: string;
  correct: boolean;
  feedbackKo: string;
  feedbackEn: string;
}

export interface FormItem {
  key: string;
  id: string | null;
  textKo: string;
  textEn: string;
}

export interface FormPair {
  key: string;
  promptId: string | null;
  promptKo: string;
  promptEn: string;
  matchId: string | null;
  matchKo: string;
  matchEn: string;
}

export interface FormText {
  key: string;
  value: string;
}

/** Numbers stay text while typed ("0.", "-"), and are read when the form is checked. */
export interface FormNumber {
  key: string;
  value: string;
  tolerance: string;
}

export interface QuestionForm {
  type: QuestionType;
  categoryId: string;
  promptKo: string;
  promptEn: string;
  explanationKo: string;
  explanationEn: string;
  imageUrl: string;
  difficulty: QuestionDifficulty;
  points: number | null;
  /** Comma-separated, as typed. */
  tagsText: string;
  options: FormOption[];
  multipleScoring: MultipleScoring;
  trueFalseAnswer: boolean | null;
  /** In the correct order. */
  orderingItems: FormItem[];
  matchingPairs: FormPair[];
  acceptedAnswers: FormText[];
  acceptedPatterns: FormText[];
  numericAnswers: FormNumber[];
}

/**
 * A UUID for a new question, chosen once per form so that a retried create finds the first one.
 * crypto.randomUUID exists only in secure contexts; an intranet served over plain http has just
 * getRandomValues.
 */
export function newQuestionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let keyCount = 0;
/** A row key, unique in this page; also a valid option id for the preview. */
export function newRowKey(): string {
  keyCount += 1;
  return `row${keyCount}`;
}

export function emptyOption(): FormOption {
  return {
    key: newRowKey(),
    id: null,
    textKo: '',
    textEn: '',
    correct: false,
    feedbackKo: '',
    feedbackEn: '',
  };
}
export function emptyItem(): FormItem {
  return { key: newRowKey(), id: null, textKo: '', textEn: '' };
}
export function emptyPair(): FormPair {
  return {
    key: newRowKey(),
    promptId: null,
    promptKo: '',
    promptEn: '',
    matchId: null,
    matchKo: '',
    matchEn: '',
  };
}
export function emptyText(): FormText {
  return { key: newRowKey(), value: '' };
}
export function emptyNumber(): FormNumber {
  return { key: newRowKey(), value: '', tolerance: '0' };
}

const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

/** A new question: four options (the usual 4지선다), three items and pairs, one answer. */
export function emptyQuestionForm(categoryId = '', type: QuestionType = 'SINGLE_CHOICE'): QuestionForm {
  return {
    type,
    categoryId,
    promptKo: '',
    promptEn: '',
    explanationKo: '',
    explanationEn: '',
    imageUrl: '',
    difficulty: 'MEDIUM',
    points: 1,
    tagsText: '',
    options: times(4, emptyOption),
    multipleScoring: 'ALL_OR_NOTHING',
    trueFalseAnswer: null,
    orderingItems: times(3, emptyItem),
    matchingPairs: times(3, emptyPair),
    acceptedAnswers: [emptyText()],
    acceptedPatterns: [],
    numericAnswers: [emptyNumber()],
  };
}

/** The editor's state for a saved question; the parts of other types start empty. */
export function questionFormFrom(saved: SavedQuestion): QuestionForm {
  const form = emptyQuestionForm(saved.categoryId, saved.type);
  Object.assign(form, {
    promptKo: saved.promptKo,
    promptEn: saved.promptEn,
    explanationKo: saved.explanationKo,
    explanationEn: saved.explanationEn,
    imageUrl: saved.imageUrl ?? '',
    difficulty: saved.difficulty,
    points: saved.points,
    tagsText: saved.tags.join(', '),
  });
  switch (saved.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      form.options = saved.options.map((o) => ({ key: newRowKey(), ...o }));
      form.multipleScoring = saved.multipleScoring ?? 'ALL_OR_NOTHING';
      break;
    case 'TRUE_FALSE':
      form.trueFalseAnswer = saved.trueFalseAnswer;
      break;
    case 'ORDERING':
      form.orderingItems = saved.orderingItems.map((i) => ({ key: newRowKey(), ...i }));
      break;
    case 'MATCHING':
      form.matchingPairs = saved.matchingPairs.map((p) => ({ key: newRowKey(), ...p }));
      break;
    case 'SHORT_ANSWER':
      form.acceptedAnswers = saved.acceptedAnswers.map((value) => ({ key: newRowKey(), value }));
      form.acceptedPatterns = saved.acceptedPatterns.map((value) => ({ key: newRowKey(), value }));
      break;
    case 'NUMERIC':
      form.numericAnswers = saved.numericAnswers.map((a) => ({
        key: newRowKey(),
        value: String(a.value),
        tolerance: String(a.tolerance),
      }));
      break;
  }
  return form;
}

/** Tags as typed: split on commas, trimmed, blanks dropped (duplicates are dropped by the schema). */
export function parseTags(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** A decimal as typed ("1.5", "-2", ".5"), or null when it is not one. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** The shared draft of the form: the meta plus exactly the part of its type. */
export function draftOfForm(form: QuestionForm): QuestionDraft {
  const draft: QuestionDraft = {
    type: form.type,
    promptKo: form.promptKo,
    promptEn: form.promptEn,
    explanationKo: form.explanationKo,
    explanationEn: form.explanationEn,
    imageUrl: form.imageUrl.trim() === '' ? null : form.imageUrl.trim(),
    difficulty: form.difficulty,
    // NaN fails the shared schema like any other wrong number; the form reports it as required.
    points: form.points ?? Number.NaN,
    tags: parseTags(form.tagsText),
  };
  switch (form.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      draft.options = form.options.map((o) => ({
        id: o.id,
        textKo: o.textKo,
        textEn: o.textEn,
        correct: o.correct,
        feedbackKo: o.feedbackKo,
        feedbackEn: o.feedbackEn,
      }));
      if (form.type === 'MULTIPLE_CHOICE') draft.multipleScoring = form.multipleScoring;
      break;
    case 'TRUE_FALSE':
      draft.trueFalseAnswer = form.trueFalseAnswer;
      break;
    case 'ORDERING':
      draft.orderingItems = form.orderingItems.map((i) => ({ id: i.id, textKo: i.textKo, textEn: i.textEn }));
      break;
    case 'MATCHING':
      draft.matchingPairs = form.matchingPairs.map((p) => ({
        promptId: p.promptId,
        promptKo: p.promptKo,
        promptEn: p.promptEn,
        matchId: p.matchId,
        matchKo: p.matchKo,
        matchEn: p.matchEn,
      }));
      break;
    case 'SHORT_ANSWER':
      draft.acceptedAnswers = form.acceptedAnswers.map((a) => a.value);
      draft.acceptedPatterns = form.acceptedPatterns.map((p) => p.value);
      break;
    case 'NUMERIC':
      draft.numericAnswers = form.numericAnswers.map((a) => ({
        value: parseDecimal(a.value) ?? Number.NaN,
        tolerance: a.tolerance.trim() === '' ? 0 : (parseDecimal(a.tolerance) ?? Number.NaN),
      }));
      break;
  }
  return draft;
}

/** The problems only the form can see: what the shared schema would report less helpfully. */
function formProblems(form: QuestionForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (form.categoryId === '') problems.push({ field: 'categoryId', message: 'required' });
  if (form.points === null) problems.push({ field: 'points', message: 'required' });
  // The shared rules check the key only once every text is there; say it at once.
  const correct = form.options.filter((o) => o.correct).length;
  if (form.type === 'SINGLE_CHOICE' && correct !== 1)
    problems.push({ field: 'options', message: 'exactly one option must be correct' });
  if (form.type === 'MULTIPLE_CHOICE' && correct === 0)
    problems.push({ field: 'options', message: 'at least one option must be correct' });
  if (form.type === 'NUMERIC') {
    form.numericAnswers.forEach((a, i) => {
      if (parseDecimal(a.value) === null)
        problems.push({ field: `numericAnswers.${i}.value`, message: 'not a number' });
      if (a.tolerance.trim() !== '' && parseDecimal(a.tolerance) === null)
        problems.push({ field: `numericAnswers.${i}.tolerance`, message: 'not a number' });
    });
  }
  return problems;
}

export type QuestionInputResult =
  { ok: true; input: QuestionInput } | { ok: false; problems: FieldProblem[] };

/**
 * Checks the form with the shared rules (the server applies the same ones, so the messages
 * match) and builds the input. Problem fields are draft paths: `options`, `options.1.textEn`,
 * `numericAnswers.0.tolerance`… `id` is the client-chosen id of a new question.
 */
export function buildQuestionInput(form: QuestionForm, id?: string): QuestionInputResult {
  const draft = draftOfForm(form);
  const problems = formProblems(form);
  let count = 0;
  const parsed = parseQuestionDraft(draft, () => `new${++count}`);
  if (!parsed.ok) {
    // The form's own wording wins where both found the same field.
    const seen = new Set(problems.map((p) => p.field));
    problems.push(...parsed.problems.filter((p) => !seen.has(p.field)));
  }
  if (problems.length > 0) return { ok: false, problems };
  const input: QuestionInput = {
    categoryId: form.categoryId,
    ...draft,
    points: draft.points,
    explanationKo: draft.explanationKo ?? '',
    explanationEn: draft.explanationEn ?? '',
  };
  if (id) input.id = id;
  return { ok: true, input };
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The field a problem is shown at: a tag's problem at the tags field, everything else as is. */
function shownAt(field: string): string {
  return field.startsWith('tags.') ? 'tags' : field;
}

/** One problem in the words of the form (the shared schemas speak English). */
export function questionFieldMessage(problem: FieldProblem, t: Translate): string {
  const { field, message } = problem;
  const leaf = field.split('.').pop() ?? field;
  let m: RegExpMatchArray | null;
  if (field === 'categoryId') return t('quizBank.fieldErrors.category');
  if (field === 'points') return t('quizBank.fieldErrors.points', { max: QuestionLimits.pointsMax });
  if (field === 'tags' || field.startsWith('tags.'))
    return t('quizBank.fieldErrors.tags', { max: QuestionLimits.tagsMax, length: QuestionLimits.tagMax });
  if (field === 'imageUrl') return t('quizBank.fieldErrors.url');
  if (field === 'trueFalseAnswer') return t('quizBank.fieldErrors.trueFalse');
  if (field.startsWith('numericAnswers.') && leaf === 'value') return t('quizBank.fieldErrors.number');
  if (field.startsWith('numericAnswers.') && leaf === 'tolerance') return t('quizBank.fieldErrors.tolerance');
  if (message === 'exactly one option must be correct') return t('quizBank.fieldErrors.exactlyOneCorrect');
  if (message === 'at least one option must be correct') return t('quizBank.fieldErrors.atLeastOneCorrect');
  if (message === 'give at least one accepted answer or pattern') return t('quizBank.fieldErrors.noAnswer');
  if (message === 'not a valid regular expression') return t('quizBank.fieldErrors.badPattern');
  if (message === 'ids must be unique') return t('quizBank.fieldErrors.duplicateIds');
  if (message === 'already used in this category') return t('quizBank.fieldErrors.nameTaken');
  if (message.startsWith('not used by a')) return t('quizBank.fieldErrors.notUsed');
  if ((m = message.match(/expected array to have >=(\d+) items?/)))
    return t('quizBank.fieldErrors.minItems', { min: Number(m[1]) });
  if ((m = message.match(/expected array to have <=(\d+) items?/)))
    return t('quizBank.fieldErrors.maxItems', { max: Number(m[1]) });
  return fieldMessage(message, t);
}

/** Translated problems keyed by the field they are shown at (first problem per field). */
export function questionFieldMessages(
  problems: readonly FieldProblem[],
  t: Translate,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of problems) out[shownAt(problem.field)] ??= questionFieldMessage(problem, t);
  return out;
}

/** Moves a row one place up (-1) or down (+1); returns the same list when it cannot move. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[to]] = [out[to], out[index]];
  return out;
}
