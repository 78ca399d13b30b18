import { describe, expect, it } from 'vitest';
import {
  QUESTION_TYPES,
  checkAnswer,
  gradeAnswer,
  matchesPattern,
  normaliseShortAnswer,
  pointsFor,
  presentationOf,
  questionBodyProblems,
  questionBodySchema,
  seededShuffle,
  type BodyOf,
  type LearnerAnswer,
  type QuestionBody,
} from './questions.js';

const option = (id: string, correct: boolean) => ({
  id,
  textKo: `${id} ko`,
  textEn: `${id} en`,
  correct,
  feedbackKo: '',
  feedbackEn: '',
});
const item = (id: string) => ({ id, textKo: `${id} ko`, textEn: `${id} en` });
const pair = (n: number) => ({
  promptId: `p${n}`,
  promptKo: `prompt ${n}`,
  promptEn: `prompt ${n}`,
  matchId: `m${n}`,
  matchKo: `match ${n}`,
  matchEn: `match ${n}`,
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const single: BodyOf<'SINGLE_CHOICE'> = {
  type: 'SINGLE_CHOICE',
  options: [option('a', false), option('b', true), option('c', false)],
};
const multiple = (scoring: 'ALL_OR_NOTHING' | 'PARTIAL'): BodyOf<'MULTIPLE_CHOICE'> => ({
  type: 'MULTIPLE_CHOICE',
  scoring,
  options: [option('a', true), option('b', true), option('c', false), option('d', false)],
});
const trueFalse = (answer: boolean): BodyOf<'TRUE_FALSE'> => ({ type: 'TRUE_FALSE', answer });
const ordering = (n: number): BodyOf<'ORDERING'> => ({
  type: 'ORDERING',
  items: range(n).map((i) => item(`i${i}`)),
});
const matching = (n: number): BodyOf<'MATCHING'> => ({ type: 'MATCHING', pairs: range(n).map(pair) });
const short = (answers: string[], patterns: string[] = []): BodyOf<'SHORT_ANSWER'> => ({
  type: 'SHORT_ANSWER',
  answers,
  patterns,
});
const numeric = (...answers: { value: number; tolerance: number }[]): BodyOf<'NUMERIC'> => ({
  type: 'NUMERIC',
  answers,
});

const RIGHT = { fraction: 1, correct: true };
const NONE = { fraction: 0, correct: false };
const partial = (fraction: number) => ({ fraction, correct: false });

describe('gradeAnswer: single choice', () => {
  it.each<[string, LearnerAnswer | null, { fraction: number; correct: boolean }]>([
    ['the correct option', { optionIds: ['b'] }, RIGHT],
    ['a wrong option', { optionIds: ['a'] }, NONE],
    ['the other wrong option', { optionIds: ['c'] }, NONE],
    ['no option', { optionIds: [] }, NONE],
    ['a null field', { optionIds: null }, NONE],
    ['an empty answer object', {}, NONE],
    ['no answer at all', null, NONE],
    ['two options including the right one', { optionIds: ['b', 'a'] }, NONE],
    ['the right one twice', { optionIds: ['b', 'b'] }, NONE],
    ['an unknown option', { optionIds: ['zzz'] }, NONE],
  ])('%s', (_, answer, expected) => {
    expect(gradeAnswer(single, answer)).toEqual(expected);
  });
});

describe('gradeAnswer: multiple choice, all or nothing', () => {
  const body = multiple('ALL_OR_NOTHING');
  it.each<[string, string[], { fraction: number; correct: boolean }]>([
    ['exactly the correct options', ['a', 'b'], RIGHT],
    ['the correct options in another order', ['b', 'a'], RIGHT],
    ['only some correct options', ['a'], NONE],
    ['all correct options and a wrong one', ['a', 'b', 'c'], NONE],
    ['every option', ['a', 'b', 'c', 'd'], NONE],
    ['only wrong options', ['c', 'd'], NONE],
    ['nothing', [], NONE],
  ])('%s', (_, optionIds, expected) => {
    expect(gradeAnswer(body, { optionIds })).toEqual(expected);
  });

  it('earns nothing without an answer', () => {
    expect(gradeAnswer(body, null)).toEqual(NONE);
    expect(gradeAnswer(body, {})).toEqual(NONE);
  });
});

describe('gradeAnswer: multiple choice, partial', () => {
  const body = multiple('PARTIAL');
  it.each<[string, string[], { fraction: number; correct: boolean }]>([
    ['exactly the correct options', ['a', 'b'], RIGHT],
    ['the correct options in another order', ['b', 'a'], RIGHT],
    ['one of two correct options', ['a'], partial(0.5)],
    ['the other correct option', ['b'], partial(0.5)],
    ['both correct and one of two wrong', ['a', 'b', 'c'], partial(0.5)],
    ['both correct and both wrong', ['a', 'b', 'c', 'd'], NONE],
    ['one correct and one wrong (cancel out)', ['a', 'c'], NONE],
    ['one correct and both wrong (never below zero)', ['a', 'c', 'd'], NONE],
    ['only wrong options (never below zero)', ['c', 'd'], NONE],
    ['nothing', [], NONE],
  ])('%s', (_, optionIds, expected) => {
    expect(gradeAnswer(body, { optionIds })).toEqual(expected);
  });

  it('rounds shares to four decimals', () => {
    const three: BodyOf<'MULTIPLE_CHOICE'> = {
      type: 'MULTIPLE_CHOICE',
      scoring: 'PARTIAL',
      options: [option('a', true), option('b', true), option('c', true), option('x', false)],
    };
    expect(gradeAnswer(three, { optionIds: ['a'] })).toEqual(partial(0.3333));
    expect(gradeAnswer(three, { optionIds: ['a', 'b'] })).toEqual(partial(0.6667));
    expect(gradeAnswer(three, { optionIds: ['a', 'b', 'c'] })).toEqual(RIGHT);
    // 2/3 right, the only wrong option costs a full share.
    expect(gradeAnswer(three, { optionIds: ['a', 'b', 'x'] })).toEqual(NONE);
    expect(gradeAnswer(three, { optionIds: ['a', 'b', 'c', 'x'] })).toEqual(NONE);
  });

  it('weighs wrong picks by the number of wrong options', () => {
    const manyWrong: BodyOf<'MULTIPLE_CHOICE'> = {
      type: 'MULTIPLE_CHOICE',
      scoring: 'PARTIAL',
      options: [option('a', true), option('w1', false), option('w2', false), option('w3', false)],
    };
    expect(gradeAnswer(manyWrong, { optionIds: ['a', 'w1'] })).toEqual(partial(0.6667));
    expect(gradeAnswer(manyWrong, { optionIds: ['a', 'w1', 'w2'] })).toEqual(partial(0.3333));
    expect(gradeAnswer(manyWrong, { optionIds: ['a', 'w1', 'w2', 'w3'] })).toEqual(NONE);
  });

  it('handles a question where every option is correct', () => {
    const allCorrect: BodyOf<'MULTIPLE_CHOICE'> = {
      type: 'MULTIPLE_CHOICE',
      scoring: 'PARTIAL',
      options: [option('a', true), option('b', true)],
    };
    expect(gradeAnswer(allCorrect, { optionIds: ['a'] })).toEqual(partial(0.5));
    expect(gradeAnswer(allCorrect, { optionIds: ['a', 'b'] })).toEqual(RIGHT);
    expect(gradeAnswer(allCorrect, { optionIds: [] })).toEqual(NONE);
  });
});

describe('gradeAnswer: true / false', () => {
  it.each<[boolean, boolean | null | undefined, { fraction: number; correct: boolean }]>([
    [true, true, RIGHT],
    [false, false, RIGHT],
    [true, false, NONE],
    [false, true, NONE],
    [false, null, NONE],
    [false, undefined, NONE],
  ])('key %s, answer %s', (key, booleanValue, expected) => {
    expect(gradeAnswer(trueFalse(key), { booleanValue })).toEqual(expected);
  });

  it('earns nothing without an answer', () => {
    expect(gradeAnswer(trueFalse(false), null)).toEqual(NONE);
  });
});

describe('gradeAnswer: ordering', () => {
  it.each<[string, number, string[], { fraction: number; correct: boolean }]>([
    ['the key order', 4, ['i1', 'i2', 'i3', 'i4'], RIGHT],
    ['the first two swapped', 4, ['i2', 'i1', 'i3', 'i4'], partial(0.5)],
    ['the middle two swapped', 4, ['i1', 'i3', 'i2', 'i4'], partial(0.5)],
    ['reversed', 4, ['i4', 'i3', 'i2', 'i1'], NONE],
    ['rotated by one (nothing in its position)', 4, ['i2', 'i3', 'i4', 'i1'], NONE],
    ['one of three in place', 3, ['i1', 'i3', 'i2'], partial(0.3333)],
    ['none of three in place', 3, ['i3', 'i1', 'i2'], NONE],
    ['reversed of three (middle in place)', 3, ['i3', 'i2', 'i1'], partial(0.3333)],
    ['two items swapped', 2, ['i2', 'i1'], NONE],
    ['a missing last item', 3, ['i1', 'i2'], partial(0.6667)],
    ['nothing', 3, [], NONE],
  ])('%s', (_, n, itemIds, expected) => {
    expect(gradeAnswer(ordering(n), { itemIds })).toEqual(expected);
  });

  it('earns nothing without an answer', () => {
    expect(gradeAnswer(ordering(3), null)).toEqual(NONE);
    expect(gradeAnswer(ordering(3), { itemIds: null })).toEqual(NONE);
  });
});

describe('gradeAnswer: matching', () => {
  const m = (...pairs: [number, number][]) => ({
    matches: pairs.map(([p, q]) => ({ promptId: `p${p}`, matchId: `m${q}` })),
  });
  it.each<[string, LearnerAnswer, { fraction: number; correct: boolean }]>([
    ['every pair', m([1, 1], [2, 2], [3, 3]), RIGHT],
    ['every pair in another order', m([3, 3], [1, 1], [2, 2]), RIGHT],
    ['two swapped', m([1, 1], [2, 3], [3, 2]), partial(0.3333)],
    ['one right, two left out', m([2, 2]), partial(0.3333)],
    ['two right, one left out', m([1, 1], [3, 3]), partial(0.6667)],
    ['all rotated', m([1, 2], [2, 3], [3, 1]), NONE],
    ['nothing', { matches: [] }, NONE],
    ['a null field', { matches: null }, NONE],
  ])('%s', (_, answer, expected) => {
    expect(gradeAnswer(matching(3), answer)).toEqual(expected);
  });

  it('earns nothing without an answer', () => {
    expect(gradeAnswer(matching(2), null)).toEqual(NONE);
  });
});

describe('normaliseShortAnswer', () => {
  it.each<[string, string, string]>([
    ['full-width Latin', 'ＡＢＣ', 'abc'],
    ['full-width digits', '１２３', '123'],
    ['upper case', 'Hello', 'hello'],
    ['Korean spacing', '청탁 금지법', '청탁금지법'],
    ['outer spaces, tabs and newlines', ' \t청렴\n ', '청렴'],
    ['ideographic space', '청탁\u3000금지법', '청탁금지법'],
    ['non-breaking space', '청탁\u00a0금지법', '청탁금지법'],
    ['zero-width space', '청\u200b렴', '청렴'],
    ['byte-order mark', '\ufeff청렴', '청렴'],
    ['Hangul filler', '청렴\u3164', '청렴'],
    ['Hangul filler inside', '청\u3164렴', '청렴'],
    ['half-width Hangul filler', '청렴\uffa0', '청렴'],
    ['NFD Hangul', '청렴'.normalize('NFD'), '청렴'],
    ['compatibility jamo', 'ㄱㅓ', '거'],
    ['a trailing full stop', '청렴.', '청렴'],
    ['a trailing ideographic full stop', '청렴。', '청렴'],
    ['trailing punctuation after a space', 'Integrity !', 'integrity'],
    ['several outer marks', '"청렴!?"', '청렴'],
    ['leading punctuation', '...abc', 'abc'],
    ['outer symbols are kept (C++ is not C)', 'C++', 'c++'],
    ['inner punctuation is kept', 'a.b-c', 'a.b-c'],
    ['only punctuation', '?!.', ''],
    ['only spaces', '   ', ''],
    ['nothing', '', ''],
  ])('%s', (_, input, expected) => {
    expect(normaliseShortAnswer(input)).toBe(expected);
  });

  it('returns NFC so that composed and decomposed Hangul compare equal', () => {
    const nfd = '청탁 금지법'.normalize('NFD');
    expect(nfd).not.toBe('청탁 금지법');
    expect(normaliseShortAnswer(nfd)).toBe('청탁금지법');
    expect(normaliseShortAnswer(nfd).length).toBe(5);
  });
});

describe('matchesPattern', () => {
  it.each<[string, string, boolean]>([
    ['abc', 'abc', true],
    ['abc', 'ABC', true],
    ['ABC', 'abc', true],
    ['abc', 'ＡＢＣ', true],
    ['abc', 'abcd', false],
    ['abc', 'xabc', false],
    ['a|b', 'b', true],
    ['a|b', 'ab', false],
    ['청렴', '청렴교육', false],
    ['청렴(교육)?', '청렴교육', true],
    ['청렴(교육)?', '청렴', true],
    ['청탁금지법', '청탁 금지법', true],
    ['청탁금지법', '청탁금지법.', true],
    ['청렴', '청렴'.normalize('NFD'), true],
    ['\\d{4}', '2016', true],
    ['\\d{4}', '２０１６', true],
    ['\\d{4}', '201', false],
    ['colou?r', 'Colour', true],
    ['colou?r', 'colr', false],
    ['.*', 'anything', true],
  ])('/%s/ against %j is %s', (pattern, value, expected) => {
    expect(matchesPattern(pattern, value)).toBe(expected);
  });

  it('never matches with an invalid pattern', () => {
    expect(matchesPattern('(', '(')).toBe(false);
    expect(matchesPattern('[abc', 'a')).toBe(false);
    expect(matchesPattern('a{2,1}', 'aa')).toBe(false);
    // Valid without the u flag, but not with it.
    expect(matchesPattern('\\-', '-')).toBe(false);
  });

  it('cannot escape the whole-match anchors', () => {
    expect(matchesPattern('a)|(b', 'axxx')).toBe(false);
  });
});

describe('gradeAnswer: short answer', () => {
  const body = short(['청탁금지법', 'Anti-Graft Act', 'ABC']);
  it.each<[string, string | null | undefined, { fraction: number; correct: boolean }]>([
    ['the exact answer', '청탁금지법', RIGHT],
    ['Korean spacing', '청탁 금지법', RIGHT],
    ['NFD Hangul', '청탁금지법'.normalize('NFD'), RIGHT],
    ['a zero-width space', '청탁\u200b금지법', RIGHT],
    ['a trailing full stop', '청탁금지법.', RIGHT],
    ['another accepted answer in other case', 'anti-graft act', RIGHT],
    ['without the inner hyphen', 'antigraft act', NONE],
    ['full-width Latin', 'ａｂｃ', RIGHT],
    ['a wrong answer', '부정청탁', NONE],
    ['a longer answer', '청탁금지법 위반', NONE],
    ['empty', '', NONE],
    ['spaces', '   ', NONE],
    ['null', null, NONE],
    ['undefined', undefined, NONE],
  ])('%s', (_, text, expected) => {
    expect(gradeAnswer(body, { text })).toEqual(expected);
  });

  it('tries patterns as whole, case-insensitive matches', () => {
    const withPattern = short([], ['청렴(교육)?', 'kick-?backs?']);
    expect(gradeAnswer(withPattern, { text: '청렴교육' })).toEqual(RIGHT);
    expect(gradeAnswer(withPattern, { text: '청렴 교육' })).toEqual(RIGHT);
    expect(gradeAnswer(withPattern, { text: 'KICKBACK' })).toEqual(RIGHT);
    expect(gradeAnswer(withPattern, { text: 'Kick-backs.' })).toEqual(RIGHT);
    expect(gradeAnswer(withPattern, { text: '청렴교육원' })).toEqual(NONE);
    expect(gradeAnswer(withPattern, { text: 'kickbacks2' })).toEqual(NONE);
  });

  it('never accepts an empty answer, even when a pattern or an accepted answer would', () => {
    const lax = short(['...'], ['.*', '\\s*']);
    for (const text of ['', ' ', '\u200b', '...', '!?', '\u3164']) {
      expect(gradeAnswer(lax, { text })).toEqual(NONE);
    }
    expect(gradeAnswer(lax, { text: 'x' })).toEqual(RIGHT);
  });

  it('ignores an invalid pattern instead of throwing', () => {
    const broken = short(['정답'], ['(']);
    expect(gradeAnswer(broken, { text: '(' })).toEqual(NONE);
    expect(gradeAnswer(broken, { text: '정답' })).toEqual(RIGHT);
  });
});

describe('gradeAnswer: numeric', () => {
  it.each<[string, BodyOf<'NUMERIC'>, number | null | undefined, { fraction: number; correct: boolean }]>([
    ['exact', numeric({ value: 42, tolerance: 0 }), 42, RIGHT],
    ['off by one with no tolerance', numeric({ value: 42, tolerance: 0 }), 43, NONE],
    ['inside the tolerance', numeric({ value: 10, tolerance: 0.5 }), 10.3, RIGHT],
    ['on the upper edge', numeric({ value: 10, tolerance: 0.5 }), 10.5, RIGHT],
    ['on the lower edge', numeric({ value: 10, tolerance: 0.5 }), 9.5, RIGHT],
    ['just above the tolerance', numeric({ value: 10, tolerance: 0.5 }), 10.51, NONE],
    ['just below the tolerance', numeric({ value: 10, tolerance: 0.5 }), 9.49, NONE],
    ['on a decimal edge', numeric({ value: 1.1, tolerance: 0.1 }), 1.2, RIGHT],
    ['on the other decimal edge', numeric({ value: 1.1, tolerance: 0.1 }), 1.0, RIGHT],
    ['a negative key', numeric({ value: -5, tolerance: 0 }), -5, RIGHT],
    ['the sign flipped', numeric({ value: -5, tolerance: 0 }), 5, NONE],
    ['a negative key with tolerance, above', numeric({ value: -5, tolerance: 0.5 }), -4.5, RIGHT],
    ['a negative key with tolerance, below', numeric({ value: -5, tolerance: 0.5 }), -5.5, RIGHT],
    ['a negative key, outside', numeric({ value: -5, tolerance: 0.5 }), -5.6, NONE],
    ['zero', numeric({ value: 0, tolerance: 0 }), 0, RIGHT],
    ['negative zero', numeric({ value: 0, tolerance: 0 }), -0, RIGHT],
    ['0.1 + 0.2 for 0.3 with tolerance 0', numeric({ value: 0.3, tolerance: 0 }), 0.1 + 0.2, RIGHT],
    ['0.3 + 1e-6 for 0.3 with tolerance 0', numeric({ value: 0.3, tolerance: 0 }), 0.300001, NONE],
    ['a large exact number', numeric({ value: 1_000_000, tolerance: 0 }), 1_000_000, RIGHT],
    ['a large number one off', numeric({ value: 1_000_000, tolerance: 0 }), 1_000_001, NONE],
    [
      'the second accepted answer',
      numeric({ value: 1, tolerance: 0 }, { value: 100, tolerance: 1 }),
      99,
      RIGHT,
    ],
    [
      'between two accepted answers',
      numeric({ value: 1, tolerance: 0 }, { value: 100, tolerance: 1 }),
      50,
      NONE,
    ],
    ['NaN', numeric({ value: 0, tolerance: 1000 }), NaN, NONE],
    ['Infinity', numeric({ value: 0, tolerance: 1000 }), Infinity, NONE],
    ['null', numeric({ value: 0, tolerance: 1000 }), null, NONE],
    ['undefined', numeric({ value: 0, tolerance: 1000 }), undefined, NONE],
  ])('%s', (_, body, numberValue, expected) => {
    expect(gradeAnswer(body, { numberValue })).toEqual(expected);
  });

  it('earns nothing without an answer', () => {
    expect(gradeAnswer(numeric({ value: 0, tolerance: 0 }), null)).toEqual(NONE);
  });
});

describe('pointsFor', () => {
  it.each<[number, number, number]>([
    [1, 5, 5],
    [0, 5, 0],
    [0.5, 3, 1.5],
    [0.3333, 3, 1],
    [0.6667, 10, 6.67],
    [0.3333, 1, 0.33],
    [0.6667, 1, 0.67],
    [0.3333, 100, 33.33],
  ])('%s of %s points is %s', (fraction, points, expected) => {
    expect(pointsFor(fraction, points)).toBe(expected);
  });
});

describe('checkAnswer', () => {
  const ok = (answer: LearnerAnswer) => ({ ok: true, answer });
  const fail = (problem: string) => ({ ok: false, problem });
  const bodies: Record<string, QuestionBody> = {
    single,
    multiple: multiple('PARTIAL'),
    trueFalse: trueFalse(true),
    ordering: ordering(3),
    matching: matching(3),
    short: short(['청렴']),
    numeric: numeric({ value: 1, tolerance: 0 }),
  };

  it.each<[string, keyof typeof bodies, LearnerAnswer, ReturnType<typeof ok> | ReturnType<typeof fail>]>([
    // Single choice
    ['single: one known option', 'single', { optionIds: ['a'] }, ok({ optionIds: ['a'] })],
    ['single: no option', 'single', { optionIds: [] }, ok({ optionIds: [] })],
    ['single: two options', 'single', { optionIds: ['a', 'b'] }, fail('WRONG_SHAPE')],
    ['single: the same option twice', 'single', { optionIds: ['a', 'a'] }, fail('WRONG_SHAPE')],
    ['single: an unknown option', 'single', { optionIds: ['zzz'] }, fail('UNKNOWN_ID')],
    ['single: an item id of another question', 'single', { optionIds: ['i1'] }, fail('UNKNOWN_ID')],
    ['single: a boolean', 'single', { booleanValue: true }, fail('WRONG_SHAPE')],
    ['single: text', 'single', { text: 'b' }, fail('WRONG_SHAPE')],
    ['single: options and text', 'single', { optionIds: ['a'], text: 'a' }, fail('WRONG_SHAPE')],
    ['single: nothing', 'single', {}, fail('WRONG_SHAPE')],
    ['single: a null field', 'single', { optionIds: null }, fail('WRONG_SHAPE')],
    [
      'single: null fields of other types are dropped',
      'single',
      { optionIds: ['c'], text: null, booleanValue: undefined, numberValue: null },
      ok({ optionIds: ['c'] }),
    ],
    // Multiple choice
    ['multiple: several options', 'multiple', { optionIds: ['d', 'a'] }, ok({ optionIds: ['d', 'a'] })],
    ['multiple: no option', 'multiple', { optionIds: [] }, ok({ optionIds: [] })],
    ['multiple: a duplicate', 'multiple', { optionIds: ['a', 'b', 'a'] }, fail('UNKNOWN_ID')],
    ['multiple: an unknown option', 'multiple', { optionIds: ['a', 'e'] }, fail('UNKNOWN_ID')],
    ['multiple: item ids', 'multiple', { itemIds: ['a', 'b'] }, fail('WRONG_SHAPE')],
    // True / false
    ['true/false: true', 'trueFalse', { booleanValue: true }, ok({ booleanValue: true })],
    ['true/false: false is an answer', 'trueFalse', { booleanValue: false }, ok({ booleanValue: false })],
    ['true/false: an option', 'trueFalse', { optionIds: ['true'] }, fail('WRONG_SHAPE')],
    ['true/false: text', 'trueFalse', { text: 'O' }, fail('WRONG_SHAPE')],
    ['true/false: a number', 'trueFalse', { numberValue: 1 }, fail('WRONG_SHAPE')],
    ['true/false: nothing', 'trueFalse', { booleanValue: null }, fail('WRONG_SHAPE')],
    // Ordering
    [
      'ordering: every item',
      'ordering',
      { itemIds: ['i3', 'i1', 'i2'] },
      ok({ itemIds: ['i3', 'i1', 'i2'] }),
    ],
    ['ordering: a missing item', 'ordering', { itemIds: ['i1', 'i2'] }, fail('WRONG_SHAPE')],
    ['ordering: no item', 'ordering', { itemIds: [] }, fail('WRONG_SHAPE')],
    ['ordering: a duplicate', 'ordering', { itemIds: ['i1', 'i1', 'i2'] }, fail('UNKNOWN_ID')],
    ['ordering: an unknown item', 'ordering', { itemIds: ['i1', 'i2', 'i9'] }, fail('UNKNOWN_ID')],
    ['ordering: an extra item', 'ordering', { itemIds: ['i1', 'i2', 'i3', 'i4'] }, fail('UNKNOWN_ID')],
    ['ordering: option ids', 'ordering', { optionIds: ['i1', 'i2', 'i3'] }, fail('WRONG_SHAPE')],
    // Matching
    [
      'matching: every prompt',
      'matching',
      {
        matches: [
          { promptId: 'p1', matchId: 'm2' },
          { promptId: 'p2', matchId: 'm1' },
          { promptId: 'p3', matchId: 'm3' },
        ],
      },
      ok({
        matches: [
          { promptId: 'p1', matchId: 'm2' },
          { promptId: 'p2', matchId: 'm1' },
          { promptId: 'p3', matchId: 'm3' },
        ],
      }),
    ],
    [
      'matching: some prompts',
      'matching',
      { matches: [{ promptId: 'p2', matchId: 'm2' }] },
      ok({ matches: [{ promptId: 'p2', matchId: 'm2' }] }),
    ],
    ['matching: no pair', 'matching', { matches: [] }, ok({ matches: [] })],
    [
      'matching: a prompt twice',
      'matching',
      {
        matches: [
          { promptId: 'p1', matchId: 'm1' },
          { promptId: 'p1', matchId: 'm2' },
        ],
      },
      fail('UNKNOWN_ID'),
    ],
    [
      'matching: an unknown prompt',
      'matching',
      { matches: [{ promptId: 'p9', matchId: 'm1' }] },
      fail('UNKNOWN_ID'),
    ],
    [
      'matching: an unknown match',
      'matching',
      { matches: [{ promptId: 'p1', matchId: 'm9' }] },
      fail('UNKNOWN_ID'),
    ],
    [
      'matching: prompt and match ids swapped',
      'matching',
      { matches: [{ promptId: 'm1', matchId: 'p1' }] },
      fail('UNKNOWN_ID'),
    ],
    ['matching: item ids', 'matching', { itemIds: ['p1'] }, fail('WRONG_SHAPE')],
    // Short answer
    ['short: text', 'short', { text: ' 청렴 ' }, ok({ text: ' 청렴 ' })],
    ['short: empty text is an answer', 'short', { text: '' }, ok({ text: '' })],
    ['short: 200 characters', 'short', { text: '가'.repeat(200) }, ok({ text: '가'.repeat(200) })],
    ['short: 201 characters', 'short', { text: '가'.repeat(201) }, fail('TOO_LONG')],
    ['short: a number', 'short', { numberValue: 1 }, fail('WRONG_SHAPE')],
    ['short: text and a number', 'short', { text: '1', numberValue: 1 }, fail('WRONG_SHAPE')],
    // Numeric
    ['numeric: a number', 'numeric', { numberValue: -1.5 }, ok({ numberValue: -1.5 })],
    ['numeric: zero is an answer', 'numeric', { numberValue: 0 }, ok({ numberValue: 0 })],
    ['numeric: NaN', 'numeric', { numberValue: NaN }, fail('WRONG_SHAPE')],
    ['numeric: Infinity', 'numeric', { numberValue: Infinity }, fail('WRONG_SHAPE')],
    ['numeric: -Infinity', 'numeric', { numberValue: -Infinity }, fail('WRONG_SHAPE')],
    ['numeric: text', 'numeric', { text: '1' }, fail('WRONG_SHAPE')],
    ['numeric: nothing', 'numeric', {}, fail('WRONG_SHAPE')],
  ])('%s', (_, bodyName, answer, expected) => {
    expect(checkAnswer(bodies[bodyName], answer)).toEqual(expected);
  });

  it('drops extra properties of matches', () => {
    const answer = {
      matches: [{ promptId: 'p1', matchId: 'm1', extra: 'x' } as { promptId: string; matchId: string }],
    };
    expect(checkAnswer(matching(2), answer)).toEqual(ok({ matches: [{ promptId: 'p1', matchId: 'm1' }] }));
  });

  it('refuses the option of another question', () => {
    const other: BodyOf<'SINGLE_CHOICE'> = {
      type: 'SINGLE_CHOICE',
      options: [option('x1', true), option('x2', false)],
    };
    expect(checkAnswer(other, { optionIds: ['b'] })).toEqual(fail('UNKNOWN_ID'));
    expect(checkAnswer(single, { optionIds: ['x1'] })).toEqual(fail('UNKNOWN_ID'));
  });

  it('refuses the field of every other type, for every type', () => {
    const answers: Record<string, LearnerAnswer> = {
      optionIds: { optionIds: ['a'] },
      booleanValue: { booleanValue: true },
      itemIds: { itemIds: ['i1', 'i2', 'i3'] },
      matches: { matches: [{ promptId: 'p1', matchId: 'm1' }] },
      text: { text: 'x' },
      numberValue: { numberValue: 1 },
    };
    const own: Record<string, string> = {
      SINGLE_CHOICE: 'optionIds',
      MULTIPLE_CHOICE: 'optionIds',
      TRUE_FALSE: 'booleanValue',
      ORDERING: 'itemIds',
      MATCHING: 'matches',
      SHORT_ANSWER: 'text',
      NUMERIC: 'numberValue',
    };
    for (const body of Object.values(bodies)) {
      for (const [field, answer] of Object.entries(answers)) {
        const result = checkAnswer(body, answer);
        expect(result.ok, `${body.type} with ${field}`).toBe(field === own[body.type]);
        if (!result.ok) expect(result.problem).toBe('WRONG_SHAPE');
      }
    }
  });
});

describe('seededShuffle', () => {
  const ten = range(10);

  it('returns a permutation and leaves the input alone', () => {
    for (let seed = 0; seed < 50; seed++) {
      const input = [...ten];
      const out = seededShuffle(input, seed);
      expect(out).toHaveLength(10);
      expect([...out].sort((a, b) => a - b)).toEqual(ten);
      expect(input).toEqual(ten);
      expect(out).not.toBe(input);
    }
  });

  it('is deterministic for a seed and fixed across releases', () => {
    expect(seededShuffle(ten, 42)).toEqual(seededShuffle(ten, 42));
    expect(seededShuffle(['a', 'b', 'c', 'd', 'e'], 1)).toEqual(seededShuffle(['a', 'b', 'c', 'd', 'e'], 1));
    // Checked against a reference mulberry32 + Fisher–Yates: stored attempt orders must not change.
    expect(seededShuffle(range(5), 42)).toEqual([1, 5, 3, 2, 4]);
    expect(seededShuffle(range(5), 7)).toEqual([4, 2, 3, 5, 1]);
  });

  it('treats seeds as unsigned 32-bit integers', () => {
    expect(seededShuffle(ten, -1)).toEqual(seededShuffle(ten, 0xffffffff));
    expect(seededShuffle(ten, 2 ** 32 + 5)).toEqual(seededShuffle(ten, 5));
  });

  it('gives different orders for different seeds', () => {
    const orders = new Set(range(50).map((seed) => seededShuffle(ten, seed).join(',')));
    expect(orders.size).toBeGreaterThan(45);
  });

  it('puts every item first about equally often', () => {
    const firsts = new Map<number, number>();
    const runs = 3000;
    for (let seed = 0; seed < runs; seed++) {
      const first = seededShuffle([1, 2, 3], seed)[0];
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const value of [1, 2, 3]) {
      expect(firsts.get(value)! / runs).toBeGreaterThan(0.29);
      expect(firsts.get(value)! / runs).toBeLessThan(0.38);
    }
    // The original order must be possible too (not a cyclic-only shuffle).
    const kept = range(200).filter((seed) => seededShuffle([1, 2, 3], seed).join() === '1,2,3').length;
    expect(kept).toBeGreaterThan(0);
  });

  it('handles empty and one-item lists', () => {
    expect(seededShuffle([], 3)).toEqual([]);
    expect(seededShuffle(['only'], 3)).toEqual(['only']);
  });
});

describe('presentationOf', () => {
  const SEEDS = range(300).map((n) => n * 7919 - 1000);
  const options8: BodyOf<'SINGLE_CHOICE'> = {
    type: 'SINGLE_CHOICE',
    options: range(8).map((n) => option(`o${n}`, n === 1)),
  };

  it('keeps the stored option order when options are not shuffled', () => {
    for (const seed of [0, 1, 99]) {
      expect(presentationOf(single, false, seed)).toEqual({ optionIds: ['a', 'b', 'c'] });
      expect(presentationOf(multiple('PARTIAL'), false, seed)).toEqual({ optionIds: ['a', 'b', 'c', 'd'] });
    }
  });

  it('shuffles options with the seed when asked', () => {
    const ids = options8.options.map((o) => o.id);
    const seen = new Set<string>();
    for (const seed of SEEDS.slice(0, 30)) {
      const shown = presentationOf(options8, true, seed);
      expect(Object.keys(shown)).toEqual(['optionIds']);
      expect([...shown.optionIds!].sort()).toEqual(ids);
      expect(shown).toEqual(presentationOf(options8, true, seed));
      expect(shown.optionIds).toEqual(seededShuffle(ids, seed));
      seen.add(shown.optionIds!.join());
    }
    expect(seen.size).toBeGreaterThan(25);
  });

  it('never shows ordering items in the key order, shuffled or not', () => {
    for (const n of [2, 3, 4, 10]) {
      const body = ordering(n);
      const key = body.items.map((i) => i.id);
      for (const seed of SEEDS) {
        for (const shuffleOptions of [true, false]) {
          const { itemIds } = presentationOf(body, shuffleOptions, seed);
          expect([...itemIds!].sort()).toEqual([...key].sort());
          expect(itemIds).not.toEqual(key);
        }
      }
    }
  });

  it('gives the same ordering presentation for the same seed', () => {
    const body = ordering(6);
    expect(presentationOf(body, true, 123)).toEqual(presentationOf(body, true, 123));
    expect(presentationOf(body, true, 123)).toEqual(presentationOf(body, false, 123));
    const orders = new Set(
      SEEDS.slice(0, 40).map((seed) => presentationOf(body, true, seed).itemIds!.join()),
    );
    expect(orders.size).toBeGreaterThan(30);
  });

  it('keeps matching prompts in the stored order unless options are shuffled', () => {
    const body = matching(4);
    for (const seed of SEEDS.slice(0, 20)) {
      expect(presentationOf(body, false, seed).promptIds).toEqual(['p1', 'p2', 'p3', 'p4']);
    }
    const shuffledPrompts = new Set(
      SEEDS.slice(0, 40).map((s) => presentationOf(body, true, s).promptIds!.join()),
    );
    expect(shuffledPrompts.size).toBeGreaterThan(10);
  });

  it('never lines the matches up with their prompts', () => {
    for (const n of [2, 3, 4, 8]) {
      const body = matching(n);
      const matchOf = new Map(body.pairs.map((p) => [p.promptId, p.matchId]));
      for (const seed of SEEDS) {
        for (const shuffleOptions of [true, false]) {
          const { promptIds, matchIds } = presentationOf(body, shuffleOptions, seed);
          expect([...promptIds!].sort()).toEqual(body.pairs.map((p) => p.promptId).sort());
          expect([...matchIds!].sort()).toEqual(body.pairs.map((p) => p.matchId).sort());
          // The match order the prompts as shown would give away.
          expect(matchIds, `n=${n} seed=${seed} shuffle=${shuffleOptions}`).not.toEqual(
            promptIds!.map((id) => matchOf.get(id)),
          );
          if (!shuffleOptions) expect(matchIds).not.toEqual(body.pairs.map((p) => p.matchId));
        }
      }
    }
  });

  it('gives the same matching presentation for the same seed', () => {
    const body = matching(5);
    expect(presentationOf(body, true, 77)).toEqual(presentationOf(body, true, 77));
    expect(presentationOf(body, false, 77)).toEqual(presentationOf(body, false, 77));
  });

  it('has nothing to order for the other types', () => {
    expect(presentationOf(trueFalse(true), true, 1)).toEqual({});
    expect(presentationOf(short(['x']), true, 1)).toEqual({});
    expect(presentationOf(numeric({ value: 1, tolerance: 0 }), true, 1)).toEqual({});
  });
});

describe('questionBodySchema and questionBodyProblems', () => {
  it('covers the seven types', () => {
    expect(QUESTION_TYPES).toEqual([
      'SINGLE_CHOICE',
      'MULTIPLE_CHOICE',
      'TRUE_FALSE',
      'ORDERING',
      'MATCHING',
      'SHORT_ANSWER',
      'NUMERIC',
    ]);
  });

  it('finds no problem in well-formed bodies', () => {
    for (const body of [
      single,
      multiple('ALL_OR_NOTHING'),
      trueFalse(false),
      ordering(3),
      matching(3),
      short(['x'], ['y+']),
      numeric({ value: 1, tolerance: 0 }),
    ]) {
      expect(questionBodySchema.safeParse(body).success, body.type).toBe(true);
      expect(questionBodyProblems(body), body.type).toEqual([]);
    }
  });

  it('lists the problems the shape does not show', () => {
    expect(
      questionBodyProblems({ type: 'SINGLE_CHOICE', options: [option('a', true), option('a', true)] }),
    ).toEqual([
      { field: 'options', message: 'ids must be unique' },
      { field: 'options', message: 'exactly one option must be correct' },
    ]);
    expect(
      questionBodyProblems({ type: 'SINGLE_CHOICE', options: [option('a', false), option('b', false)] }),
    ).toEqual([{ field: 'options', message: 'exactly one option must be correct' }]);
    expect(
      questionBodyProblems({
        type: 'MULTIPLE_CHOICE',
        scoring: 'PARTIAL',
        options: [option('a', false), option('b', false)],
      }),
    ).toEqual([{ field: 'options', message: 'at least one option must be correct' }]);
    expect(questionBodyProblems({ type: 'ORDERING', items: [item('x'), item('x')] })).toEqual([
      { field: 'orderingItems', message: 'ids must be unique' },
    ]);
    expect(
      questionBodyProblems({ type: 'MATCHING', pairs: [pair(1), { ...pair(2), matchId: 'p1' }] }),
    ).toEqual([{ field: 'matchingPairs', message: 'ids must be unique' }]);
    expect(questionBodyProblems(short([], ['ok', '(', '[a-']))).toEqual([
      { field: 'acceptedPatterns.1', message: 'not a valid regular expression' },
      { field: 'acceptedPatterns.2', message: 'not a valid regular expression' },
    ]);
    expect(questionBodyProblems(short([], []))).toEqual([
      { field: 'acceptedAnswers', message: 'give at least one accepted answer or pattern' },
    ]);
  });

  it('refuses malformed bodies', () => {
    const refused = (body: unknown) => questionBodySchema.safeParse(body).success === false;
    expect(refused({ type: 'SINGLE_CHOICE', options: [option('a', true)] })).toBe(true);
    expect(refused({ type: 'SINGLE_CHOICE', options: range(11).map((n) => option(`o${n}`, n === 1)) })).toBe(
      true,
    );
    expect(refused({ type: 'SINGLE_CHOICE', options: [option('a b', true), option('c', false)] })).toBe(true);
    expect(refused({ type: 'MULTIPLE_CHOICE', options: [option('a', true), option('b', false)] })).toBe(true);
    expect(refused({ type: 'TRUE_FALSE', answer: 'true' })).toBe(true);
    expect(refused({ type: 'NUMERIC', answers: [] })).toBe(true);
    expect(refused({ type: 'NUMERIC', answers: [{ value: 1, tolerance: -1 }] })).toBe(true);
    expect(refused({ type: 'NUMERIC', answers: [{ value: Infinity, tolerance: 0 }] })).toBe(true);
    expect(refused({ type: 'SHORT_ANSWER', answers: ['  '], patterns: [] })).toBe(true);
    expect(refused({ type: 'ESSAY' })).toBe(true);
  });
});
