import { describe, expect, it } from 'vitest';
import {
  buildQuestionInput,
  emptyQuestionForm,
  moveRow,
  newQuestionId,
  parseDecimal,
  parseTags,
  questionFieldMessages,
  questionFormFrom,
  type QuestionForm,
  type SavedQuestion,
} from './question-bank-form';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key} ${JSON.stringify(named)}` : key);

function singleChoice(): QuestionForm {
  const form = emptyQuestionForm('cat-1');
  form.promptKo = '행동강령 상담을 맡는 사람은?';
  form.promptEn = 'Who advises on the code of conduct?';
  form.options = form.options.slice(0, 2);
  form.options[0] = { ...form.options[0], textKo: '행동강령책임관', textEn: 'Code officer', correct: true };
  form.options[1] = { ...form.options[1], textKo: '감사관', textEn: 'Auditor' };
  return form;
}

function saved(overrides: Partial<SavedQuestion>): SavedQuestion {
  return {
    id: 'q-1',
    categoryId: 'cat-1',
    type: 'SINGLE_CHOICE',
    promptKo: '문제',
    promptEn: 'Question',
    explanationKo: '',
    explanationEn: '',
    imageUrl: null,
    difficulty: 'HARD',
    points: 3,
    tags: ['청탁금지법', '신규자'],
    archived: false,
    version: 2,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    options: [],
    multipleScoring: null,
    trueFalseAnswer: null,
    orderingItems: [],
    matchingPairs: [],
    acceptedAnswers: [],
    acceptedPatterns: [],
    numericAnswers: [],
    usage: { quizzes: 0, attempts: 0 },
    ...overrides,
  };
}

describe('buildQuestionInput', () => {
  it('sends the meta and only the part of the chosen type', () => {
    const form = singleChoice();
    form.tagsText = '청탁금지법,  신규자 , ';
    form.imageUrl = '  ';
    // Parts of other types stay in the form while the author switches, but are not sent.
    form.acceptedAnswers[0].value = '남은 답';
    const built = buildQuestionInput(form, 'b3c1f6d2-0000-4000-8000-000000000001');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input).toMatchObject({
      id: 'b3c1f6d2-0000-4000-8000-000000000001',
      categoryId: 'cat-1',
      type: 'SINGLE_CHOICE',
      imageUrl: null,
      difficulty: 'MEDIUM',
      points: 1,
      tags: ['청탁금지법', '신규자'],
    });
    expect(built.input.options?.map((o) => [o.textKo, o.correct, o.id])).toEqual([
      ['행동강령책임관', true, null],
      ['감사관', false, null],
    ]);
    expect(built.input.acceptedAnswers).toBeUndefined();
    expect(built.input.numericAnswers).toBeUndefined();
  });

  it('leaves out the id when a saved question is updated', () => {
    const built = buildQuestionInput(singleChoice());
    expect(built.ok && 'id' in built.input).toBe(false);
  });

  it('reports the same problems as the server, by draft path', () => {
    const form = singleChoice();
    form.categoryId = '';
    form.options[0].correct = false;
    form.options[1].textEn = ' ';
    form.points = null;
    const built = buildQuestionInput(form);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    const fields = built.problems.map((p) => p.field);
    // The key is checked at once, not only after every text is written (as the shared rules do).
    expect(fields).toEqual(expect.arrayContaining(['categoryId', 'points', 'options.1.textEn', 'options']));
    form.options[1].textEn = 'Auditor';
    form.categoryId = 'cat-1';
    form.points = 1;
    const again = buildQuestionInput(form);
    expect(again.ok ? [] : again.problems).toEqual([
      { field: 'options', message: 'exactly one option must be correct' },
    ]);
  });

  it('reads numeric answers as typed and points at the one that is not a number', () => {
    const form = { ...singleChoice(), type: 'NUMERIC' as const };
    form.numericAnswers = [
      { key: 'a', value: '2.5', tolerance: '' },
      { key: 'b', value: '3', tolerance: '0.5' },
    ];
    const built = buildQuestionInput(form);
    expect(built.ok && built.input.numericAnswers).toEqual([
      { value: 2.5, tolerance: 0 },
      { value: 3, tolerance: 0.5 },
    ]);
    form.numericAnswers[1].value = '삼';
    form.numericAnswers[1].tolerance = '-1';
    const bad = buildQuestionInput(form);
    expect(bad.ok ? [] : bad.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['numericAnswers.1.value', 'numericAnswers.1.tolerance']),
    );
  });

  it('needs an O/X answer to be chosen', () => {
    const form = { ...singleChoice(), type: 'TRUE_FALSE' as const };
    const built = buildQuestionInput(form);
    expect(built.ok ? [] : built.problems.map((p) => p.field)).toEqual(['trueFalseAnswer']);
    form.trueFalseAnswer = false;
    const ok = buildQuestionInput(form);
    expect(ok.ok && ok.input.trueFalseAnswer).toBe(false);
  });
});

describe('questionFormFrom', () => {
  it('round-trips a saved question, keeping the ids of its options', () => {
    const question = saved({
      type: 'MULTIPLE_CHOICE',
      multipleScoring: 'PARTIAL',
      options: [
        { id: 'o1', textKo: '가', textEn: 'A', correct: true, feedbackKo: '좋아요', feedbackEn: 'Good' },
        { id: 'o2', textKo: '나', textEn: 'B', correct: true, feedbackKo: '', feedbackEn: '' },
        { id: 'o3', textKo: '다', textEn: 'C', correct: false, feedbackKo: '', feedbackEn: '' },
      ],
    });
    const form = questionFormFrom(question);
    expect(form.tagsText).toBe('청탁금지법, 신규자');
    const built = buildQuestionInput(form);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.input).toMatchObject({
      type: 'MULTIPLE_CHOICE',
      multipleScoring: 'PARTIAL',
      difficulty: 'HARD',
      points: 3,
      tags: ['청탁금지법', '신규자'],
    });
    expect(built.input.options?.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
    expect(built.input.options?.[0]).toMatchObject({ feedbackKo: '좋아요', feedbackEn: 'Good' });
  });

  it('keeps numbers, answers, patterns, items and pairs of their types', () => {
    expect(
      questionFormFrom(saved({ type: 'NUMERIC', numericAnswers: [{ value: 0.1, tolerance: 0 }] }))
        .numericAnswers,
    ).toMatchObject([{ value: '0.1', tolerance: '0' }]);
    const short = questionFormFrom(
      saved({ type: 'SHORT_ANSWER', acceptedAnswers: ['청탁금지법'], acceptedPatterns: ['김영란\\s*법'] }),
    );
    expect(short.acceptedAnswers.map((a) => a.value)).toEqual(['청탁금지법']);
    expect(short.acceptedPatterns.map((a) => a.value)).toEqual(['김영란\\s*법']);
    const pairs = questionFormFrom(
      saved({
        type: 'MATCHING',
        matchingPairs: [
          { promptId: 'p', promptKo: '가', promptEn: 'a', matchId: 'm', matchKo: '나', matchEn: 'b' },
        ],
      }),
    ).matchingPairs;
    expect(pairs[0]).toMatchObject({ promptId: 'p', matchId: 'm' });
    const tf = questionFormFrom(saved({ type: 'TRUE_FALSE', trueFalseAnswer: false }));
    expect(tf.trueFalseAnswer).toBe(false);
  });
});

describe('questionFieldMessages', () => {
  it('puts each problem at its field, in the form’s words', () => {
    const messages = questionFieldMessages(
      [
        { field: 'options', message: 'exactly one option must be correct' },
        { field: 'options.1.textEn', message: 'required' },
        { field: 'tags.2', message: 'Too big: expected string to have <=40 characters' },
        { field: 'orderingItems', message: 'Too small: expected array to have >=2 items' },
        { field: 'acceptedPatterns.0', message: 'not a valid regular expression' },
        { field: 'promptKo', message: 'at most 2000 characters' },
      ],
      t,
    );
    expect(messages).toEqual({
      options: 'quizBank.fieldErrors.exactlyOneCorrect',
      'options.1.textEn': 'fieldErrors.required',
      tags: 'quizBank.fieldErrors.tags {"max":10,"length":40}',
      orderingItems: 'quizBank.fieldErrors.minItems {"min":2}',
      'acceptedPatterns.0': 'quizBank.fieldErrors.badPattern',
      promptKo: 'fieldErrors.tooLong {"max":2000}',
    });
  });
});

describe('small helpers', () => {
  it('splits tags on commas (also the full-width one) and drops blanks', () => {
    expect(parseTags(' 청탁금지법，신규자,, 행동강령 ')).toEqual(['청탁금지법', '신규자', '행동강령']);
  });

  it('reads decimals as typed and refuses anything else', () => {
    expect(parseDecimal(' -2.5 ')).toBe(-2.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBeNull();
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('1,5')).toBeNull();
  });

  it('moves a row and refuses to move past the ends', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('newQuestionId', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a version 4 UUID, also where randomUUID is missing (plain http)', () => {
    expect(newQuestionId()).toMatch(UUID);
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set([newQuestionId(), newQuestionId()]);
      expect([...ids].every((id) => UUID.test(id))).toBe(true);
      expect(ids.size).toBe(2);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
