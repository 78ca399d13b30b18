import { describe, expect, it } from 'vitest';
import { DRAFT_FIELDS_OF, draftOf, parseQuestionDraft, type QuestionDraft } from './question-draft.js';
import { QUESTION_TYPES, type QuestionBody } from './questions.js';

/** A newId that counts, so generated ids are predictable. */
const counter = () => {
  let n = 0;
  const newId = () => `new${++n}`;
  return Object.assign(newId, { calls: () => n });
};

const base = {
  promptKo: '질문',
  promptEn: 'Question',
  difficulty: 'MEDIUM',
  points: 2,
  tags: ['ethics'],
} as const;
const draft = (fields: Partial<QuestionDraft> & Pick<QuestionDraft, 'type'>): QuestionDraft => ({
  ...base,
  tags: [...base.tags],
  ...fields,
});
const opt = (id: string | null | undefined, correct: boolean) => ({
  id,
  textKo: `보기 ${id ?? ''}`.trim(),
  textEn: `option ${id ?? ''}`.trim(),
  correct,
});
const storedOpt = (id: string, correct: boolean, textId = id) => ({
  id,
  textKo: `보기 ${textId}`.trim(),
  textEn: `option ${textId}`.trim(),
  correct,
  feedbackKo: '',
  feedbackEn: '',
});
const expectedMeta = {
  promptKo: '질문',
  promptEn: 'Question',
  explanationKo: '',
  explanationEn: '',
  imageUrl: null,
  difficulty: 'MEDIUM',
  points: 2,
  tags: ['ethics'],
};

const problemsOf = (d: QuestionDraft, newId = counter()) => {
  const result = parseQuestionDraft(d, newId);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.body)}`);
  return result.problems;
};
const bodyOf = (d: QuestionDraft, newId = counter()) => {
  const result = parseQuestionDraft(d, newId);
  if (!result.ok) throw new Error(`expected a body, got ${JSON.stringify(result.problems)}`);
  return result.body;
};

describe('parseQuestionDraft: valid drafts of each type', () => {
  it('single choice', () => {
    const newId = counter();
    const result = parseQuestionDraft(
      draft({ type: 'SINGLE_CHOICE', options: [opt('a', false), opt('b', true)] }),
      newId,
    );
    expect(result).toEqual({
      ok: true,
      meta: expectedMeta,
      body: { type: 'SINGLE_CHOICE', options: [storedOpt('a', false), storedOpt('b', true)] },
    });
    expect(newId.calls()).toBe(0);
  });

  it('multiple choice, all or nothing by default', () => {
    expect(
      bodyOf(draft({ type: 'MULTIPLE_CHOICE', options: [opt('a', true), opt('b', true), opt('c', false)] })),
    ).toEqual({
      type: 'MULTIPLE_CHOICE',
      scoring: 'ALL_OR_NOTHING',
      options: [storedOpt('a', true), storedOpt('b', true), storedOpt('c', false)],
    });
  });

  it('multiple choice, partial', () => {
    expect(
      bodyOf(
        draft({
          type: 'MULTIPLE_CHOICE',
          multipleScoring: 'PARTIAL',
          options: [opt('a', true), opt('b', false)],
        }),
      ),
    ).toEqual({
      type: 'MULTIPLE_CHOICE',
      scoring: 'PARTIAL',
      options: [storedOpt('a', true), storedOpt('b', false)],
    });
  });

  it('true / false, including false', () => {
    expect(bodyOf(draft({ type: 'TRUE_FALSE', trueFalseAnswer: true }))).toEqual({
      type: 'TRUE_FALSE',
      answer: true,
    });
    expect(bodyOf(draft({ type: 'TRUE_FALSE', trueFalseAnswer: false }))).toEqual({
      type: 'TRUE_FALSE',
      answer: false,
    });
  });

  it('ordering', () => {
    expect(
      bodyOf(
        draft({
          type: 'ORDERING',
          orderingItems: [
            { id: 'first', textKo: '하나', textEn: 'one' },
            { id: 'second', textKo: '둘', textEn: 'two' },
          ],
        }),
      ),
    ).toEqual({
      type: 'ORDERING',
      items: [
        { id: 'first', textKo: '하나', textEn: 'one' },
        { id: 'second', textKo: '둘', textEn: 'two' },
      ],
    });
  });

  it('matching', () => {
    const pairs = [
      { promptId: 'p1', promptKo: '가', promptEn: 'a', matchId: 'm1', matchKo: '1', matchEn: '1' },
      { promptId: 'p2', promptKo: '나', promptEn: 'b', matchId: 'm2', matchKo: '2', matchEn: '2' },
    ];
    expect(bodyOf(draft({ type: 'MATCHING', matchingPairs: pairs }))).toEqual({ type: 'MATCHING', pairs });
  });

  it('short answer with answers, patterns or both', () => {
    expect(bodyOf(draft({ type: 'SHORT_ANSWER', acceptedAnswers: [' 청탁금지법 '] }))).toEqual({
      type: 'SHORT_ANSWER',
      answers: ['청탁금지법'],
      patterns: [],
    });
    expect(bodyOf(draft({ type: 'SHORT_ANSWER', acceptedPatterns: ['청렴(교육)?'] }))).toEqual({
      type: 'SHORT_ANSWER',
      answers: [],
      patterns: ['청렴(교육)?'],
    });
    expect(bodyOf(draft({ type: 'SHORT_ANSWER', acceptedAnswers: ['a'], acceptedPatterns: ['b+'] }))).toEqual(
      { type: 'SHORT_ANSWER', answers: ['a'], patterns: ['b+'] },
    );
  });

  it('numeric', () => {
    expect(
      bodyOf(
        draft({
          type: 'NUMERIC',
          numericAnswers: [
            { value: -3.5, tolerance: 0 },
            { value: 100, tolerance: 0.5 },
          ],
        }),
      ),
    ).toEqual({
      type: 'NUMERIC',
      answers: [
        { value: -3.5, tolerance: 0 },
        { value: 100, tolerance: 0.5 },
      ],
    });
  });
});

describe('parseQuestionDraft: ids', () => {
  it('makes ids for options that have none, and trims given ones', () => {
    const newId = counter();
    expect(
      bodyOf(
        draft({
          type: 'MULTIPLE_CHOICE',
          options: [
            opt(null, true),
            opt(undefined, false),
            opt('', false),
            opt('   ', true),
            { ...opt('keep', false), id: ' keep ' },
          ],
        }),
        newId,
      ),
    ).toEqual({
      type: 'MULTIPLE_CHOICE',
      scoring: 'ALL_OR_NOTHING',
      options: [
        storedOpt('new1', true, ''),
        storedOpt('new2', false, ''),
        storedOpt('new3', false, ''),
        storedOpt('new4', true, ''),
        storedOpt('keep', false, 'keep'),
      ],
    });
    expect(newId.calls()).toBe(4);
  });

  it('makes ids for ordering items and for both sides of matching pairs', () => {
    expect(
      bodyOf(
        draft({
          type: 'ORDERING',
          orderingItems: [
            { textKo: '하나', textEn: 'one' },
            { id: 'b', textKo: '둘', textEn: 'two' },
            { id: null, textKo: '셋', textEn: 'three' },
          ],
        }),
      ),
    ).toEqual({
      type: 'ORDERING',
      items: [
        { id: 'new1', textKo: '하나', textEn: 'one' },
        { id: 'b', textKo: '둘', textEn: 'two' },
        { id: 'new2', textKo: '셋', textEn: 'three' },
      ],
    });
    const newId = counter();
    expect(
      bodyOf(
        draft({
          type: 'MATCHING',
          matchingPairs: [
            { promptKo: '가', promptEn: 'a', matchKo: '1', matchEn: '1' },
            { promptId: 'p', promptKo: '나', promptEn: 'b', matchId: '', matchKo: '2', matchEn: '2' },
          ],
        }),
        newId,
      ),
    ).toEqual({
      type: 'MATCHING',
      pairs: [
        { promptId: 'new1', promptKo: '가', promptEn: 'a', matchId: 'new2', matchKo: '1', matchEn: '1' },
        { promptId: 'p', promptKo: '나', promptEn: 'b', matchId: 'new3', matchKo: '2', matchEn: '2' },
      ],
    });
    expect(newId.calls()).toBe(3);
  });

  it('refuses duplicate ids', () => {
    expect(
      problemsOf(
        draft({ type: 'SINGLE_CHOICE', options: [opt('a', true), opt('b', false), opt('a', false)] }),
      ),
    ).toEqual([{ field: 'options', message: 'ids must be unique' }]);
    // Trimmed ids collide too.
    expect(
      problemsOf(draft({ type: 'MULTIPLE_CHOICE', options: [opt('a', true), opt(' a ', false)] })),
    ).toEqual([{ field: 'options', message: 'ids must be unique' }]);
    expect(
      problemsOf(
        draft({
          type: 'ORDERING',
          orderingItems: [
            { id: 'x', textKo: '하나', textEn: 'one' },
            { id: 'x', textKo: '둘', textEn: 'two' },
          ],
        }),
      ),
    ).toEqual([{ field: 'orderingItems', message: 'ids must be unique' }]);
    expect(
      problemsOf(
        draft({
          type: 'MATCHING',
          matchingPairs: [
            { promptId: 'p1', promptKo: '가', promptEn: 'a', matchId: 'x', matchKo: '1', matchEn: '1' },
            { promptId: 'x', promptKo: '나', promptEn: 'b', matchId: 'm2', matchKo: '2', matchEn: '2' },
          ],
        }),
      ),
    ).toEqual([{ field: 'matchingPairs', message: 'ids must be unique' }]);
  });

  it('refuses ids with other characters, with their path', () => {
    expect(
      problemsOf(draft({ type: 'SINGLE_CHOICE', options: [opt('a', true), opt('b c', false)] })),
    ).toEqual([{ field: 'options.1.id', message: 'letters, digits, - and _ only' }]);
    expect(
      problemsOf(
        draft({
          type: 'ORDERING',
          orderingItems: [
            { id: 'ok', textKo: '하나', textEn: 'one' },
            { id: '한', textKo: '둘', textEn: 'two' },
          ],
        }),
      ),
    ).toEqual([{ field: 'orderingItems.1.id', message: 'letters, digits, - and _ only' }]);
  });
});

describe('parseQuestionDraft: problems with their draft field paths', () => {
  it('single choice needs exactly one correct option', () => {
    expect(problemsOf(draft({ type: 'SINGLE_CHOICE', options: [opt('a', true), opt('b', true)] }))).toEqual([
      { field: 'options', message: 'exactly one option must be correct' },
    ]);
    expect(problemsOf(draft({ type: 'SINGLE_CHOICE', options: [opt('a', false), opt('b', false)] }))).toEqual(
      [{ field: 'options', message: 'exactly one option must be correct' }],
    );
  });

  it('multiple choice needs at least one correct option', () => {
    expect(
      problemsOf(draft({ type: 'MULTIPLE_CHOICE', options: [opt('a', false), opt('b', false)] })),
    ).toEqual([{ field: 'options', message: 'at least one option must be correct' }]);
  });

  it('needs two to ten options', () => {
    expect(problemsOf(draft({ type: 'SINGLE_CHOICE', options: [opt('a', true)] }))).toEqual([
      { field: 'options', message: 'Too small: expected array to have >=2 items' },
    ]);
    expect(problemsOf(draft({ type: 'SINGLE_CHOICE' }))).toEqual([
      { field: 'options', message: 'Too small: expected array to have >=2 items' },
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => opt(`o${i}`, i === 0));
    expect(problemsOf(draft({ type: 'SINGLE_CHOICE', options: eleven }))).toEqual([
      { field: 'options', message: 'Too big: expected array to have <=10 items' },
    ]);
  });

  it('points into options, items and pairs', () => {
    expect(
      problemsOf(
        draft({
          type: 'SINGLE_CHOICE',
          options: [opt('a', true), { ...opt('b', false), textEn: '  ' }, { ...opt('c', false), textKo: '' }],
        }),
      ),
    ).toEqual([
      { field: 'options.1.textEn', message: 'required' },
      { field: 'options.2.textKo', message: 'required' },
    ]);
    expect(
      problemsOf(
        draft({
          type: 'SINGLE_CHOICE',
          options: [opt('a', true), { ...opt('b', false), feedbackEn: 'x'.repeat(501) }],
        }),
      ),
    ).toEqual([{ field: 'options.1.feedbackEn', message: 'at most 500 characters' }]);
    expect(
      problemsOf(
        draft({
          type: 'ORDERING',
          orderingItems: [
            { textKo: '하나', textEn: 'one' },
            { textKo: '', textEn: 'two' },
          ],
        }),
      ),
    ).toEqual([{ field: 'orderingItems.1.textKo', message: 'required' }]);
    expect(
      problemsOf(
        draft({
          type: 'MATCHING',
          matchingPairs: [
            { promptKo: '가', promptEn: 'a', matchKo: '1', matchEn: '' },
            { promptKo: '나', promptEn: 'b', matchKo: '2', matchEn: '2' },
          ],
        }),
      ),
    ).toEqual([{ field: 'matchingPairs.0.matchEn', message: 'required' }]);
    expect(
      problemsOf(
        draft({
          type: 'MATCHING',
          matchingPairs: [{ promptKo: '가', promptEn: 'a', matchKo: '1', matchEn: '1' }],
        }),
      ),
    ).toEqual([{ field: 'matchingPairs', message: 'Too small: expected array to have >=2 items' }]);
  });

  it('true / false needs its answer', () => {
    expect(problemsOf(draft({ type: 'TRUE_FALSE' }))).toEqual([
      { field: 'trueFalseAnswer', message: 'Invalid input: expected boolean, received undefined' },
    ]);
    expect(problemsOf(draft({ type: 'TRUE_FALSE', trueFalseAnswer: null }))).toEqual([
      { field: 'trueFalseAnswer', message: 'Invalid input: expected boolean, received null' },
    ]);
  });

  it('short answer needs an answer or a valid pattern', () => {
    expect(problemsOf(draft({ type: 'SHORT_ANSWER' }))).toEqual([
      { field: 'acceptedAnswers', message: 'give at least one accepted answer or pattern' },
    ]);
    expect(problemsOf(draft({ type: 'SHORT_ANSWER', acceptedAnswers: [], acceptedPatterns: [] }))).toEqual([
      { field: 'acceptedAnswers', message: 'give at least one accepted answer or pattern' },
    ]);
    expect(
      problemsOf(draft({ type: 'SHORT_ANSWER', acceptedPatterns: ['fine', '(unclosed', 'a)|(b', '\\-'] })),
    ).toEqual([
      { field: 'acceptedPatterns.1', message: 'not a valid regular expression' },
      { field: 'acceptedPatterns.2', message: 'not a valid regular expression' },
      { field: 'acceptedPatterns.3', message: 'not a valid regular expression' },
    ]);
  });

  it('names short-answer and numeric fields as in the draft', () => {
    expect(problemsOf(draft({ type: 'SHORT_ANSWER', acceptedAnswers: ['ok', '  '] }))).toEqual([
      { field: 'acceptedAnswers.1', message: 'required' },
    ]);
    expect(problemsOf(draft({ type: 'SHORT_ANSWER', acceptedPatterns: ['x'.repeat(201)] }))).toEqual([
      { field: 'acceptedPatterns.0', message: 'at most 200 characters' },
    ]);
    expect(
      problemsOf(
        draft({ type: 'SHORT_ANSWER', acceptedAnswers: Array.from({ length: 21 }, (_, i) => `a${i}`) }),
      ),
    ).toEqual([{ field: 'acceptedAnswers', message: 'Too big: expected array to have <=20 items' }]);
    expect(problemsOf(draft({ type: 'NUMERIC' }))).toEqual([
      { field: 'numericAnswers', message: 'Too small: expected array to have >=1 items' },
    ]);
    expect(problemsOf(draft({ type: 'NUMERIC', numericAnswers: [{ value: 1, tolerance: -0.1 }] }))).toEqual([
      { field: 'numericAnswers.0.tolerance', message: 'Too small: expected number to be >=0' },
    ]);
    expect(
      problemsOf(draft({ type: 'NUMERIC', numericAnswers: [{ value: Number.NaN, tolerance: 0 }] })),
    ).toEqual([{ field: 'numericAnswers.0.value', message: 'Invalid input: expected number, received NaN' }]);
  });

  it('refuses fields of another type', () => {
    expect(
      problemsOf(
        draft({
          type: 'SINGLE_CHOICE',
          options: [opt('a', true), opt('b', false)],
          trueFalseAnswer: false,
          multipleScoring: 'PARTIAL',
          acceptedAnswers: ['x'],
        }),
      ),
    ).toEqual([
      { field: 'multipleScoring', message: 'not used by a SINGLE_CHOICE question' },
      { field: 'trueFalseAnswer', message: 'not used by a SINGLE_CHOICE question' },
      { field: 'acceptedAnswers', message: 'not used by a SINGLE_CHOICE question' },
    ]);
    expect(
      problemsOf(
        draft({
          type: 'NUMERIC',
          numericAnswers: [{ value: 1, tolerance: 0 }],
          options: [opt('a', true), opt('b', false)],
          orderingItems: [{ textKo: 'a', textEn: 'a' }],
          matchingPairs: [{ promptKo: '가', promptEn: 'a', matchKo: '1', matchEn: '1' }],
          acceptedPatterns: ['x'],
        }),
      ),
    ).toEqual([
      { field: 'options', message: 'not used by a NUMERIC question' },
      { field: 'orderingItems', message: 'not used by a NUMERIC question' },
      { field: 'matchingPairs', message: 'not used by a NUMERIC question' },
      { field: 'acceptedPatterns', message: 'not used by a NUMERIC question' },
    ]);
    expect(
      problemsOf(
        draft({ type: 'TRUE_FALSE', trueFalseAnswer: true, numericAnswers: [{ value: 1, tolerance: 0 }] }),
      ),
    ).toEqual([{ field: 'numericAnswers', message: 'not used by a TRUE_FALSE question' }]);
  });

  it('accepts empty or null fields of other types', () => {
    expect(
      bodyOf(
        draft({
          type: 'TRUE_FALSE',
          trueFalseAnswer: true,
          options: [],
          multipleScoring: null,
          orderingItems: null,
          matchingPairs: [],
          acceptedAnswers: [],
          acceptedPatterns: null,
          numericAnswers: undefined,
        }),
      ),
    ).toEqual({ type: 'TRUE_FALSE', answer: true });
  });

  it('checks the parts outside the body', () => {
    expect(
      problemsOf(
        draft({
          type: 'TRUE_FALSE',
          trueFalseAnswer: true,
          promptKo: '  ',
          promptEn: 'x'.repeat(2001),
          points: 0,
          imageUrl: 'ftp://example.com/a.png',
        }),
      ),
    ).toEqual([
      { field: 'promptKo', message: 'required' },
      { field: 'promptEn', message: 'at most 2000 characters' },
      { field: 'imageUrl', message: 'an http(s) URL' },
      { field: 'points', message: 'Too small: expected number to be >=1' },
    ]);
    expect(problemsOf(draft({ type: 'TRUE_FALSE', trueFalseAnswer: true, points: 101 }))).toEqual([
      { field: 'points', message: 'Too big: expected number to be <=100' },
    ]);
    expect(problemsOf(draft({ type: 'TRUE_FALSE', trueFalseAnswer: true, points: 1.5 }))).toEqual([
      { field: 'points', message: 'Invalid input: expected int, received number' },
    ]);
    expect(
      problemsOf(
        draft({
          type: 'TRUE_FALSE',
          trueFalseAnswer: true,
          tags: Array.from({ length: 11 }, (_, i) => `t${i}`),
        }),
      ),
    ).toEqual([{ field: 'tags', message: 'Too big: expected array to have <=10 items' }]);
  });

  it('cleans the parts outside the body', () => {
    const result = parseQuestionDraft(
      draft({
        type: 'TRUE_FALSE',
        trueFalseAnswer: true,
        promptKo: '  질문  ',
        explanationKo: ' 해설 ',
        explanationEn: null,
        imageUrl: 'https://example.com/a.png',
        tags: [' ethics ', 'ethics', 'law'],
        difficulty: 'HARD',
      }),
      counter(),
    );
    expect(result).toEqual({
      ok: true,
      meta: {
        promptKo: '질문',
        promptEn: 'Question',
        explanationKo: '해설',
        explanationEn: '',
        imageUrl: 'https://example.com/a.png',
        difficulty: 'HARD',
        points: 2,
        tags: ['ethics', 'law'],
      },
      body: { type: 'TRUE_FALSE', answer: true },
    });
  });

  it('lists meta, shape and type problems together', () => {
    expect(
      problemsOf(
        draft({
          type: 'ORDERING',
          promptEn: '',
          orderingItems: [{ textKo: '하나', textEn: '' }],
          trueFalseAnswer: true,
        }),
      ),
    ).toEqual([
      { field: 'trueFalseAnswer', message: 'not used by a ORDERING question' },
      { field: 'promptEn', message: 'required' },
      { field: 'orderingItems.0.textEn', message: 'required' },
      { field: 'orderingItems', message: 'Too small: expected array to have >=2 items' },
    ]);
  });

  it('refuses an unknown type', () => {
    const problems = problemsOf(draft({ type: 'ESSAY' as QuestionDraft['type'] }));
    expect(problems.map((p) => p.field)).toEqual(['type']);
  });
});

describe('DRAFT_FIELDS_OF', () => {
  it('names the draft fields of every type', () => {
    expect(Object.keys(DRAFT_FIELDS_OF).sort()).toEqual([...QUESTION_TYPES].sort());
  });
});

describe('draftOf', () => {
  const meta = {
    promptKo: '질문',
    promptEn: 'Question',
    explanationKo: '해설',
    explanationEn: '',
    imageUrl: 'https://example.com/q.png',
    difficulty: 'EASY' as const,
    points: 5,
    tags: ['a', 'b'],
  };
  const bodies: QuestionBody[] = [
    {
      type: 'SINGLE_CHOICE',
      options: [
        { ...storedOpt('a', false), feedbackKo: '아니요' },
        { ...storedOpt('b', true), feedbackEn: 'Yes' },
      ],
    },
    { type: 'MULTIPLE_CHOICE', scoring: 'PARTIAL', options: [storedOpt('a', true), storedOpt('b', false)] },
    {
      type: 'MULTIPLE_CHOICE',
      scoring: 'ALL_OR_NOTHING',
      options: [storedOpt('a', true), storedOpt('b', true)],
    },
    { type: 'TRUE_FALSE', answer: false },
    {
      type: 'ORDERING',
      items: [
        { id: 'x', textKo: '하나', textEn: 'one' },
        { id: 'y', textKo: '둘', textEn: 'two' },
      ],
    },
    {
      type: 'MATCHING',
      pairs: [
        { promptId: 'p1', promptKo: '가', promptEn: 'a', matchId: 'm1', matchKo: '1', matchEn: '1' },
        { promptId: 'p2', promptKo: '나', promptEn: 'b', matchId: 'm2', matchKo: '2', matchEn: '2' },
      ],
    },
    { type: 'SHORT_ANSWER', answers: ['청렴'], patterns: ['청렴(교육)?'] },
    { type: 'NUMERIC', answers: [{ value: -1.25, tolerance: 0.25 }] },
  ];

  it.each(bodies.map((body) => [body.type, body] as const))('round-trips a %s question', (_, body) => {
    const newId = counter();
    const d = draftOf(meta, body);
    expect(d.type).toBe(body.type);
    expect(parseQuestionDraft(d, newId)).toEqual({ ok: true, meta, body });
    expect(newId.calls()).toBe(0);
  });

  it('fills only the fields of the type', () => {
    expect(draftOf(meta, { type: 'TRUE_FALSE', answer: false })).toEqual({
      ...meta,
      type: 'TRUE_FALSE',
      trueFalseAnswer: false,
    });
    expect(draftOf(meta, { type: 'SHORT_ANSWER', answers: ['x'], patterns: [] })).toEqual({
      ...meta,
      type: 'SHORT_ANSWER',
      acceptedAnswers: ['x'],
      acceptedPatterns: [],
    });
    expect(draftOf(meta, bodies[1])).toEqual({
      ...meta,
      type: 'MULTIPLE_CHOICE',
      options: [storedOpt('a', true), storedOpt('b', false)],
      multipleScoring: 'PARTIAL',
    });
  });
});
