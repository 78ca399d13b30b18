/// <reference types="node" />
// Node's types for fs and import.meta.url: this package's tsconfig (TypeScript 6) loads no global types.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGift, toGift, type GiftExportQuestion, type GiftQuestion } from './gift.js';
import { draftOf, parseQuestionDraft, type DraftOption, type QuestionDraft } from './question-draft.js';
import { seededShuffle } from './questions.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The one question of a file that must read without errors. */
function one(gift: string): GiftQuestion {
  const { questions, errors } = parseGift(gift);
  expect(errors).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0];
}

const errorsOf = (gift: string) => parseGift(gift).errors.map((e) => [e.code, e.line, e.column]);

/** What a question without a palma comment gets. */
const defaults = { imageUrl: null, difficulty: 'MEDIUM', points: 1, tags: [] };

/** Drafts as the exporters get them (through draftOf), without the ids they carry. */
function withoutIds(draft: QuestionDraft): QuestionDraft {
  return {
    ...draft,
    ...(draft.options && { options: draft.options.map(({ id: _, ...o }) => o) }),
    ...(draft.matchingPairs && {
      matchingPairs: draft.matchingPairs.map(({ promptId: _p, matchId: _m, ...p }) => p),
    }),
  };
}

function stored(draft: QuestionDraft): QuestionDraft {
  let n = 0;
  const parsed = parseQuestionDraft(draft, () => `id${++n}`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return draftOf(parsed.meta, parsed.body);
}

const base = {
  promptKo: '질문',
  promptEn: 'Question',
  explanationKo: '',
  explanationEn: '',
  imageUrl: null,
  difficulty: 'MEDIUM',
  points: 1,
  tags: [],
} satisfies Partial<QuestionDraft>;

const option = (textKo: string, correct: boolean, extra: Partial<DraftOption> = {}) => ({
  textKo,
  textEn: textKo,
  correct,
  feedbackKo: '',
  feedbackEn: '',
  ...extra,
});

describe('parseGift: question types', () => {
  it('reads single choice with per-answer feedback, in order, with Palma defaults', () => {
    const q = one('세계 청렴의 날은?{=12월 9일#맞습니다 ~3월 1일#아닙니다 ~10월 9일}');
    expect(q).toEqual({ line: 1, categoryPath: [], title: null, draft: expect.anything() });
    expect(q.draft).toEqual({
      type: 'SINGLE_CHOICE',
      promptKo: '세계 청렴의 날은?',
      promptEn: '세계 청렴의 날은?',
      explanationKo: '',
      explanationEn: '',
      ...defaults,
      options: [
        option('12월 9일', true, { feedbackKo: '맞습니다', feedbackEn: '맞습니다' }),
        option('3월 1일', false, { feedbackKo: '아닙니다', feedbackEn: '아닙니다' }),
        option('10월 9일', false),
      ],
    });
  });

  it('reads ~%weight% answers as multiple choice: positive weights are right, scoring from the weights', () => {
    const partial = one('고르시오{~%50%가 ~%50%나 ~%-100%다 ~라}').draft;
    expect(partial.type).toBe('MULTIPLE_CHOICE');
    expect(partial.options!.map((o) => o.correct)).toEqual([true, true, false, false]);
    expect(partial.multipleScoring).toBe('PARTIAL');

    const whole = one('고르시오{~%100%가 ~%-100%나 ~%0%다}').draft;
    expect(whole.type).toBe('MULTIPLE_CHOICE');
    expect(whole.multipleScoring).toBe('ALL_OR_NOTHING');

    const decimals = one('고르시오{~%33.33333%가 ~%33.33333%나 ~%33.33333%다 ~%-100%라}').draft;
    expect(decimals.options!.filter((o) => o.correct)).toHaveLength(3);
    expect(decimals.multipleScoring).toBe('PARTIAL');
  });

  it('reads several = answers without ~ as a short answer, not as multiple choice', () => {
    const q = one(
      '청탁금지법을 시행한 기관은?{=국민권익위원회 =권익위 =%100%국민 권익 위원회 =%50%감사원#반만 맞음}',
    );
    expect(q.draft).toMatchObject({
      type: 'SHORT_ANSWER',
      acceptedAnswers: ['국민권익위원회', '권익위', '국민 권익 위원회'],
      acceptedPatterns: [],
    });
    // A single answer without = is a short answer too, as in Moodle.
    expect(one('수도는?{서울}').draft.acceptedAnswers).toEqual(['서울']);
  });

  it('reads true/false in all four spellings and keeps only the general feedback', () => {
    expect(one('참?{T}').draft).toMatchObject({ type: 'TRUE_FALSE', trueFalseAnswer: true });
    expect(one('참?{TRUE}').draft.trueFalseAnswer).toBe(true);
    expect(one('거짓?{F}').draft.trueFalseAnswer).toBe(false);
    const q = one('거짓?{FALSE#틀렸어요#맞았어요####5만원 이하라도 목적이 맞아야 합니다.}');
    expect(q.draft).toMatchObject({
      type: 'TRUE_FALSE',
      trueFalseAnswer: false,
      explanationKo: '5만원 이하라도 목적이 맞아야 합니다.',
      explanationEn: '5만원 이하라도 목적이 맞아야 합니다.',
    });
    expect(q.draft.options).toBeUndefined();
    // Moodle compares the words exactly: lower case is a short answer.
    expect(one('참?{true}').draft.type).toBe('SHORT_ANSWER');
  });

  it('reads matching pairs', () => {
    const q = one('연결하시오.{=청탁금지법 -> 2016년 =이해충돌방지법 -> 2022년 =부패방지법 -> 2002년}');
    expect(q.draft).toMatchObject({
      type: 'MATCHING',
      matchingPairs: [
        { promptKo: '청탁금지법', promptEn: '청탁금지법', matchKo: '2016년', matchEn: '2016년' },
        { promptKo: '이해충돌방지법', promptEn: '이해충돌방지법', matchKo: '2022년', matchEn: '2022년' },
        { promptKo: '부패방지법', promptEn: '부패방지법', matchKo: '2002년', matchEn: '2002년' },
      ],
    });
  });

  it('reads numeric answers: value:tolerance, ranges, several answers', () => {
    expect(one('π?{#3.14:0.01}').draft).toMatchObject({
      type: 'NUMERIC',
      numericAnswers: [{ value: 3.14, tolerance: 0.01 }],
    });
    expect(one('범위{#1..5}').draft.numericAnswers).toEqual([{ value: 3, tolerance: 2 }]);
    expect(one('둘 중 하나{#=3:0 =4:1}').draft.numericAnswers).toEqual([
      { value: 3, tolerance: 0 },
      { value: 4, tolerance: 1 },
    ]);
    // Partial credit and the "any other answer" feedback have no place in Palma.
    expect(one('연도{#=%100%2016:0#정답 =%50%2015:0#아깝다 ~#다시 보세요}').draft.numericAnswers).toEqual([
      { value: 2016, tolerance: 0 },
    ]);
    expect(one('음수{#-1.5e3}').draft.numericAnswers).toEqual([{ value: -1500, tolerance: 0 }]);
  });

  it('reads #### as the explanation', () => {
    const q = one(
      '청탁금지법 시행일은?{=2016년 9월 28일 ~2015년 ####2015년 3월 27일 공포, 1년 6개월 뒤 시행.}',
    );
    expect(q.draft.explanationKo).toBe('2015년 3월 27일 공포, 1년 6개월 뒤 시행.');
    expect(q.draft.explanationEn).toBe('2015년 3월 27일 공포, 1년 6개월 뒤 시행.');
    expect(q.draft.options).toHaveLength(2);
  });

  it('reads the missing-word format: the block becomes _____ in the prompt', () => {
    const q = one('공직자는 {=5만원 ~3만원 ~10만원} 이하의 음식물을 제공받을 수 있다.');
    expect(q.draft.promptKo).toBe('공직자는 _____ 이하의 음식물을 제공받을 수 있다.');
    expect(one('{=청탁금지법 ~민법} 은 2016년에 시행되었다.').draft.promptKo).toBe(
      '_____ 은 2016년에 시행되었다.',
    );
    // A block at the end is not a blank.
    expect(one('시행 연도는? {#2016}').draft.promptKo).toBe('시행 연도는?');
  });
});

describe('parseGift: the file format', () => {
  it('undoes every escape and keeps other backslashes', () => {
    const q = one('기호\\: \\~ \\= \\# \\{ \\} \\\\ 줄\\n바꿈, 그대로 \\d{=a\\=b#피드백\\#1 ~c\\~d ~e\\\\}');
    expect(q.draft.promptKo).toBe('기호: ~ = # { } \\ 줄\n바꿈, 그대로 \\d');
    expect(q.draft.options!.map((o) => o.textKo)).toEqual(['a=b', 'c~d', 'e\\']);
    expect(q.draft.options![0].feedbackKo).toBe('피드백#1');
  });

  it('skips // comment lines anywhere, but not // inside a line', () => {
    const gift = [
      '// 머리말',
      '// 여러 줄',
      '',
      '// 문제 앞 주석',
      '자세한 내용은 https://www.acrc.go.kr 참고{',
      '// 답 사이 주석',
      '=예',
      '~아니오',
      '}',
    ].join('\n');
    const q = one(gift);
    expect(q.line).toBe(5);
    expect(q.draft.promptKo).toBe('자세한 내용은 https://www.acrc.go.kr 참고');
    expect(q.draft.options!.map((o) => o.textKo)).toEqual(['예', '아니오']);
  });

  it('reads ::titles:: and strips format prefixes', () => {
    const q = one('::제목 \\:: 하나::[plain]본문{=가 ~나}');
    expect(q.title).toBe('제목 :: 하나');
    expect(q.draft.promptKo).toBe('본문');
    expect(one('::::[markdown]**굵게**{T}').title).toBeNull();
    expect(one('[markdown]**굵게**{T}').draft.promptKo).toBe('**굵게**');
    expect(one('[moodle]본문{=[plain]가 ~[html]<b>나</b>}').draft.options!.map((o) => o.textKo)).toEqual([
      '가',
      '나',
    ]);
    // An unknown name is text.
    expect(one('[안내] 본문{T}').draft.promptKo).toBe('[안내] 본문');
  });

  it('turns [html] texts (what Moodle exports) into plain text', () => {
    const q = one(
      '[html]<p dir\\="ltr">첫 줄<br>둘째 줄</p><p>A &amp; B &lt;C&gt;&nbsp;&#54620;&#xAE00;</p>{=<p>가</p>#<p>좋아요</p> ~나####<p>설명</p>}',
    );
    expect(q.draft.promptKo).toBe('첫 줄\n둘째 줄\nA & B <C> 한글');
    expect(q.draft.options![0]).toMatchObject({ textKo: '가', feedbackKo: '좋아요' });
    expect(q.draft.explanationKo).toBe('설명');
  });

  it('sets categories from $CATEGORY for the questions that follow', () => {
    const gift = [
      '처음{T}',
      '',
      '$CATEGORY: $course$/top/청탁금지법/금품등 수수',
      '',
      '둘째{T}',
      '',
      '셋째{F}',
      '',
      '$CATEGORY: $system$/top/Default for 청렴/식사 // 선물/ 경조사 ',
      '',
      '넷째{T}',
      '',
      '$CATEGORY: 공무원 행동강령',
      '// Moodle wants a blank line here; a question right below is read anyway',
      '다섯째{T}',
      '',
      '$CATEGORY: $course$/top',
      '',
      '여섯째{T}',
    ].join('\n');
    const { questions, errors } = parseGift(gift);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.line, q.categoryPath])).toEqual([
      [1, []],
      [5, ['청탁금지법', '금품등 수수']],
      [7, ['청탁금지법', '금품등 수수']],
      [11, ['Default for 청렴', '식사 / 선물', '경조사']],
      [15, ['공무원 행동강령']],
      [19, []],
    ]);
  });

  it('reads multi-line question texts and answer blocks', () => {
    const gift = [
      '::사례::다음 사례를 읽고 답하시오.',
      '    A 주무관은 인허가 신청인에게서',
      '    3만원 상당의 커피 쿠폰을 받았다.',
      '{',
      '    =위반이다',
      '      #직무관련성이 밀접합니다.',
      '    ~위반이 아니다',
      '    ####인허가 신청인에게서는 가액 기준 이하라도',
      '    받을 수 없습니다.',
      '}',
    ].join('\n');
    const q = one(gift);
    expect(q.draft.promptKo).toBe(
      '다음 사례를 읽고 답하시오.\nA 주무관은 인허가 신청인에게서\n3만원 상당의 커피 쿠폰을 받았다.',
    );
    expect(q.draft.options![0]).toMatchObject({ textKo: '위반이다', feedbackKo: '직무관련성이 밀접합니다.' });
    expect(q.draft.explanationKo).toBe('인허가 신청인에게서는 가액 기준 이하라도\n받을 수 없습니다.');
  });

  it('accepts CRLF, lone CR and a UTF-8 BOM with the same lines', () => {
    const lines = ['// 주석', '', '첫째{T}', '', '', '둘째', '{F}'];
    const expected = parseGift(lines.join('\n'));
    expect(expected.questions.map((q) => q.line)).toEqual([3, 6]);
    for (const text of [`\uFEFF${lines.join('\r\n')}`, lines.join('\r')]) {
      const { questions, errors } = parseGift(text);
      expect(errors).toEqual([]);
      expect(questions).toEqual(expected.questions);
    }
  });

  it('reads Moodle [tag:…] comments as tags', () => {
    const q = one(
      '// question: 12  name: 시행일\n// [id:A-1] [tag:청탁금지법] [tag:기본 \\] 문제]\n시행일?{#2016}',
    );
    expect(q.draft.tags).toEqual(['청탁금지법', '기본 ] 문제']);
  });
});

describe('parseGift: palma comments', () => {
  it('applies the comment before the question', () => {
    const palma = {
      en: {
        prompt: 'Meal limit?',
        explanation: 'Raised in 2024.',
        options: [{ text: 'KRW 50,000', feedback: 'Right.' }, { text: 'KRW 30,000' }],
      },
      difficulty: 'HARD',
      points: 3,
      tags: ['청탁금지법', 'meal'],
      image: 'https://example.com/meal.png',
    };
    const q = one(
      `// palma: ${JSON.stringify(palma)}\n음식물 가액 상한은?{=5만원#정답 ~3만원####2024년 개정}`,
    );
    expect(q.draft).toEqual({
      type: 'SINGLE_CHOICE',
      promptKo: '음식물 가액 상한은?',
      promptEn: 'Meal limit?',
      explanationKo: '2024년 개정',
      explanationEn: 'Raised in 2024.',
      imageUrl: 'https://example.com/meal.png',
      difficulty: 'HARD',
      points: 3,
      tags: ['청탁금지법', 'meal'],
      options: [
        option('5만원', true, { textEn: 'KRW 50,000', feedbackKo: '정답', feedbackEn: 'Right.' }),
        option('3만원', false, { textEn: 'KRW 30,000' }),
      ],
    });
  });

  it('applies a comment in its own block to the next question, and palma tags over Moodle tags', () => {
    const q = one(
      '//palma: {"tags":["palma"],"patterns":["권익\\\\s*위"]}\n\n// [tag:moodle]\n기관?{=권익위}',
    );
    expect(q.draft).toMatchObject({
      tags: ['palma'],
      acceptedAnswers: ['권익위'],
      acceptedPatterns: ['권익\\s*위'],
    });
  });

  it('reports malformed and misplaced comments with their lines', () => {
    const gift = [
      '// palma: {"en": {"prompt": "x"',
      '첫째{T}',
      '',
      '// palma: {"points": "many"}',
      '둘째{T}',
      '',
      '// palma: {"en":{"options":[{},{},{}]}}',
      '셋째{=가 ~나}',
      '',
      '// palma: {"scoring":"PARTIAL"}',
      '넷째{T}',
      '',
      '// palma: {}',
      '// palma: {}',
      '다섯째{T}',
      '',
      '// palma: {"difficulty":"EASY"}',
    ].join('\n');
    const { questions, errors } = parseGift(gift);
    expect(questions).toEqual([]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['BAD_PALMA_COMMENT', 1],
      ['BAD_PALMA_COMMENT', 4],
      ['BAD_PALMA_COMMENT', 7],
      ['BAD_PALMA_COMMENT', 10],
      ['BAD_PALMA_COMMENT', 14],
      ['BAD_PALMA_COMMENT', 17],
    ]);
    expect(errors[1].message).toContain('points');
    expect(errors[2].message).toContain('3 entries but the question has 2 options');
    expect(errors[5].message).toContain('not followed by a question');
  });
});

describe('parseGift: errors', () => {
  it('reports an unclosed { on its own line and column', () => {
    const gift = [
      '// 청탁금지법 퀴즈',
      '',
      '첫째{T}',
      '',
      '둘째{F}',
      '',
      '셋째 문제입니다 {=가',
      '~나',
      '',
      '넷째{T}',
    ].join('\n');
    const { questions, errors } = parseGift(gift);
    expect(errors).toEqual([
      {
        line: 7,
        column: 10,
        code: 'UNCLOSED_ANSWER_BLOCK',
        message: expect.stringContaining('not closed'),
        excerpt: '셋째 문제입니다 {=가',
      },
    ]);
    // The other questions are still read, so that every error can be shown at once.
    expect(questions.map((q) => q.line)).toEqual([3, 5, 10]);
  });

  it('collects all errors of a file, in line order', () => {
    const gift = [
      '에세이{}', // 1
      '',
      '설명만 있는 글', // 3
      '',
      '정답 없음{~가 ~나}', // 5
      '',
      '숫자{#삼}', // 7
      '',
      '짝 하나{=가 -> 나}', // 9
      '',
      '::제목만::{=가 ~나}', // 11
      '',
      '  화살표 없음{=가 -> 나 =다}', // 13
      '',
      '빈 답{=가 ~ ~나}', // 15
      '',
      '가중치{=가 ~%50%나 ~다}', // 17
      '',
      '두 정답{=가 =나 ~다}', // 19
      '',
      '닫는 괄호} 먼저', // 21
      '',
      '빈 줄을 잊은 문제{=가 ~나}', // 23
      '다음 문제{=다 ~라}', // 24
      '',
      '::제목 안 닫힘 {T}', // 26
      '',
      '범위{#5..1}', // 28
      '',
      '부분 점수만{=%50%가}', // 30
    ].join('\n');
    expect(errorsOf(gift)).toEqual([
      ['UNSUPPORTED_TYPE', 1, 4],
      ['UNSUPPORTED_TYPE', 3, 1],
      ['NO_CORRECT_ANSWER', 5, 6],
      ['BAD_NUMBER', 7, 5],
      ['BAD_MATCH', 9, 5],
      ['EMPTY_QUESTION', 11, 8],
      ['BAD_MATCH', 13, 18],
      ['EMPTY_ANSWER', 15, 8],
      ['BAD_WEIGHT', 17, 8],
      ['INVALID_QUESTION', 19, 1],
      ['UNEXPECTED_BRACE', 21, 6],
      ['UNEXPECTED_BRACE', 24, 6],
      ['UNCLOSED_TITLE', 26, 1],
      ['BAD_NUMBER', 28, 5],
      ['NO_CORRECT_ANSWER', 30, 7],
    ]);
    const invalid = parseGift(gift).errors.find((e) => e.code === 'INVALID_QUESTION')!;
    expect(invalid.message).toBe('options: exactly one option must be correct');
  });

  it('turns every problem of parseQuestionDraft into an error', () => {
    const long = '가'.repeat(2_001);
    const { errors } = parseGift(
      `${long}{~%100%하나}\n\n// palma: {"points":0,"tags":["${'t'.repeat(41)}"]}\n점수{T}`,
    );
    expect(errors.map((e) => [e.code, e.line, e.message])).toEqual([
      ['INVALID_QUESTION', 1, 'promptKo: at most 2000 characters'],
      ['INVALID_QUESTION', 1, 'promptEn: at most 2000 characters'],
      ['INVALID_QUESTION', 1, expect.stringMatching(/^options: /)],
      ['INVALID_QUESTION', 4, expect.stringMatching(/^points: /)],
      ['INVALID_QUESTION', 4, expect.stringMatching(/^tags.0: /)],
    ]);
  });

  it('reports category names that are too long', () => {
    expect(errorsOf(`$CATEGORY: top/${'가'.repeat(101)}\n\n문제{T}`)).toEqual([['BAD_CATEGORY', 1, 1]]);
  });

  it('stops with one error past maxQuestions', () => {
    const gift = ['하나{T}', '둘{T}', '셋{T}', '넷{T}'].join('\n\n');
    const { questions, errors } = parseGift(gift, { maxQuestions: 2 });
    expect(questions).toHaveLength(2);
    expect(errors.map((e) => [e.code, e.line])).toEqual([['TOO_MANY_QUESTIONS', 5]]);
    expect(parseGift(gift).errors).toEqual([]);
  });

  it('reads 10,000 questions', () => {
    const kinds = [
      (i: number) => `::문제 ${i}::청탁금지법 문제 ${i}번{=5만원#정답 ~3만원 ~10만원####설명 ${i}}`,
      (i: number) => `// palma: {"en":{"prompt":"Question ${i}"},"points":2}\n공직자 문제 ${i}{TRUE}`,
      (i: number) => `$CATEGORY: $course$/top/묶음 ${i}\n\n숫자 ${i}{#${i}:0.5}`,
      (i: number) => `짝 ${i}{=가 -> 1 =나 -> 2 =다 -> 3}`,
    ];
    const gift = Array.from({ length: 10_000 }, (_, i) => kinds[i % kinds.length](i)).join('\n\n');
    const started = performance.now();
    const { questions, errors } = parseGift(gift);
    const elapsed = performance.now() - started;
    expect(errors).toEqual([]);
    expect(questions).toHaveLength(10_000);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe('toGift', () => {
  it('writes Korean GIFT with a palma comment, categories and titles', () => {
    const questions: GiftExportQuestion[] = [
      {
        categoryPath: ['청탁금지법', '식사/선물'],
        title: '음식물',
        draft: {
          ...base,
          type: 'SINGLE_CHOICE',
          promptKo: '음식물 상한은?',
          promptEn: 'Meal limit?',
          explanationKo: '2024년 개정: 5만원',
          explanationEn: '2024년 개정: 5만원',
          options: [
            option('5만원', true, { feedbackKo: '정답', feedbackEn: '정답' }),
            option('3만원', false),
          ],
        },
      },
      {
        categoryPath: ['청탁금지법', '식사/선물'],
        draft: {
          ...base,
          type: 'TRUE_FALSE',
          promptKo: '참인가?',
          promptEn: '참인가?',
          trueFalseAnswer: true,
        },
      },
      {
        categoryPath: [],
        draft: {
          ...base,
          type: 'MULTIPLE_CHOICE',
          promptKo: '모두 고르시오',
          promptEn: '모두 고르시오',
          multipleScoring: 'PARTIAL',
          options: [option('가', true), option('나', true), option('다', true), option('라', false)],
        },
      },
      {
        categoryPath: [],
        draft: {
          ...base,
          type: 'NUMERIC',
          promptEn: '질문',
          numericAnswers: [{ value: 2016, tolerance: 0 }],
        },
      },
    ];
    expect(toGift(questions)).toEqual({
      skipped: 0,
      text: [
        '$CATEGORY: $course$/top/청탁금지법/식사//선물',
        '',
        '// palma: {"en":{"prompt":"Meal limit?"}}',
        '::음식물::음식물 상한은? {',
        '\t=5만원#정답',
        '\t~3만원',
        '\t####2024년 개정\\: 5만원',
        '}',
        '',
        '참인가? {TRUE}',
        '',
        '$CATEGORY: $course$/top',
        '',
        '// palma: {"scoring":"PARTIAL"}',
        '모두 고르시오 {',
        '\t~%33.33333%가',
        '\t~%33.33333%나',
        '\t~%33.33333%다',
        '\t~%-100%라',
        '}',
        '',
        '질문 {#',
        '\t=2016:0',
        '}',
        '',
      ].join('\n'),
    });
  });

  it('skips ordering questions and short answers with only patterns', () => {
    const { text, skipped } = toGift([
      {
        categoryPath: [],
        draft: {
          ...base,
          type: 'ORDERING',
          orderingItems: [
            { textKo: '신고', textEn: 'Report' },
            { textKo: '조사', textEn: 'Investigate' },
          ],
        },
      },
      {
        categoryPath: [],
        draft: { ...base, type: 'SHORT_ANSWER', acceptedAnswers: [], acceptedPatterns: ['권익\\s*위'] },
      },
      { categoryPath: ['남는 것'], draft: { ...base, type: 'TRUE_FALSE', trueFalseAnswer: false } },
    ]);
    expect(skipped).toBe(2);
    expect(parseGift(text).questions.map((q) => [q.categoryPath, q.draft.type])).toEqual([
      [['남는 것'], 'TRUE_FALSE'],
    ]);
  });
});

describe('round trip: parseGift(toGift(questions))', () => {
  const tricky = '기호 ~ = # { } : \\ \\n %50% -> ####\n두 번째 줄 _____ [html] // 끝';
  const drafts: QuestionDraft[] = [
    {
      ...base,
      type: 'SINGLE_CHOICE',
      promptKo: '음식물 가액 상한은?',
      promptEn: 'What is the limit for meals?',
      explanationKo: '2024년 8월 27일 개정',
      explanationEn: 'Amended on 27 August 2024',
      imageUrl: 'https://example.com/a.png',
      difficulty: 'HARD',
      points: 5,
      tags: ['청탁금지법', '음식물'],
      options: [
        option('5만원', true, { textEn: 'KRW 50,000', feedbackKo: '맞습니다', feedbackEn: 'Right' }),
        option('3만원', false, { textEn: 'KRW 30,000', feedbackKo: '개정 전 기준', feedbackEn: '' }),
        option('%10% 이상', false),
      ],
    },
    {
      ...base,
      type: 'MULTIPLE_CHOICE',
      multipleScoring: 'PARTIAL',
      options: [
        option('가', true),
        option('나', true),
        option('다', true),
        option('라', false),
        option('마', false),
      ],
    },
    {
      ...base,
      type: 'MULTIPLE_CHOICE',
      multipleScoring: 'ALL_OR_NOTHING',
      options: [
        option('가', true, { feedbackKo: '좋아요' }),
        option('나', true),
        option('다', false, { feedbackKo: '아니에요', feedbackEn: 'No' }),
      ],
    },
    {
      ...base,
      type: 'MULTIPLE_CHOICE',
      multipleScoring: 'PARTIAL',
      options: [option('가', true), option('나', false)],
    },
    {
      ...base,
      type: 'MULTIPLE_CHOICE',
      multipleScoring: 'ALL_OR_NOTHING',
      options: [option('가', true), option('나', true)],
    },
    {
      ...base,
      type: 'TRUE_FALSE',
      trueFalseAnswer: true,
      explanationKo: '설명',
      explanationEn: 'Explanation',
    },
    { ...base, type: 'TRUE_FALSE', trueFalseAnswer: false, promptEn: '질문' },
    {
      ...base,
      type: 'MATCHING',
      matchingPairs: [
        { promptKo: '청탁금지법', promptEn: 'Anti-Graft Act', matchKo: '2016년', matchEn: '2016' },
        { promptKo: '이해충돌방지법', promptEn: '이해충돌방지법', matchKo: 'a -> b', matchEn: 'a -> b' },
        { promptKo: '[html]태그', promptEn: '[html]태그', matchKo: '[html] 그대로', matchEn: 'as is' },
      ],
    },
    {
      ...base,
      type: 'SHORT_ANSWER',
      acceptedAnswers: ['권익위', 'TRUE', '%100%'],
      acceptedPatterns: ['국민\\s*권익\\s*위(원회)?'],
    },
    { ...base, type: 'SHORT_ANSWER', acceptedAnswers: ['T'], acceptedPatterns: [] },
    {
      ...base,
      type: 'NUMERIC',
      numericAnswers: [
        { value: 3.14, tolerance: 0.01 },
        { value: -2, tolerance: 0 },
        { value: 0.1 + 0.2, tolerance: 1e-7 },
        { value: 1e21, tolerance: 0.5 },
      ],
    },
    {
      ...base,
      type: 'SINGLE_CHOICE',
      promptKo: tricky,
      promptEn: tricky,
      explanationKo: tricky,
      explanationEn: tricky,
      options: [
        option(tricky, true, { feedbackKo: tricky, feedbackEn: tricky }),
        option(`~${tricky}`, false),
      ],
    },
    {
      ...base,
      type: 'TRUE_FALSE',
      trueFalseAnswer: true,
      promptKo: '// 주석처럼 보이는 질문',
      promptEn: 'x',
    },
    { ...base, type: 'TRUE_FALSE', trueFalseAnswer: true, promptKo: '$CATEGORY: 가짜', promptEn: '::x::' },
    { ...base, type: 'TRUE_FALSE', trueFalseAnswer: true, promptKo: '[plain] 형식처럼 보이는 질문' },
    {
      ...base,
      type: 'SHORT_ANSWER',
      promptKo: '[moodle]',
      acceptedAnswers: ['[markdown]*'],
      acceptedPatterns: [],
    },
  ];
  const categories = [
    ['청탁금지법'],
    ['청탁금지법', '식사/선물'],
    ['/앞', '뒤/', 'top'],
    [],
    ['이해충돌방지법'],
  ];

  it('gives the same drafts back for every type but ordering', () => {
    const questions = drafts.map((draft, i) => ({
      categoryPath: categories[i % categories.length],
      title: i % 3 === 0 ? `제목 ${i} :: {괄호}` : null,
      draft: stored(draft),
    }));
    const { text, skipped } = toGift(questions);
    expect(skipped).toBe(0);
    const { questions: back, errors } = parseGift(text);
    expect(errors).toEqual([]);
    expect(back.map((q) => ({ ...q, line: 0, draft: withoutIds(q.draft) }))).toEqual(
      questions.map((q) => ({ ...q, line: 0, draft: withoutIds(q.draft) })),
    );
    // The file is plain GIFT for Moodle: the extras are only in comments.
    const withoutComments = text
      .split('\n')
      .filter((l) => !l.startsWith('// palma:'))
      .join('\n');
    expect(withoutComments).not.toContain('Anti-Graft Act');
  });

  it('survives random texts full of special characters', () => {
    const bits = [
      '가',
      '나다',
      'a',
      'Z',
      '1',
      ' ',
      '~',
      '=',
      '#',
      '{',
      '}',
      ':',
      '\\',
      'n',
      '\n',
      '%',
      '50',
      '[',
      ']',
      '[html]',
      '//',
      '-',
      '>',
      '_',
      'T',
      '::',
      '####',
      '\t',
      '$CATEGORY:',
      '.',
      '..',
    ];
    let seed = 1;
    const text = () => {
      const n = 1 + (seed % 9);
      const out = seededShuffle([...bits, ...bits], seed++)
        .slice(0, n)
        .join('')
        .trim();
      return out === '' || out.includes('->') ? '가' : out;
    };
    const questions: GiftExportQuestion[] = [];
    for (let i = 0; i < 300; i++) {
      const kind = i % 5;
      const draft: QuestionDraft = {
        ...base,
        promptKo: text(),
        promptEn: text(),
        explanationKo: i % 2 ? text() : '',
        explanationEn: text(),
        ...(kind === 0 && {
          type: 'SINGLE_CHOICE',
          options: [option(text(), false, { feedbackKo: text() }), option(text(), true, { textEn: text() })],
        }),
        ...(kind === 1 && {
          type: 'MULTIPLE_CHOICE',
          multipleScoring: i % 2 ? 'PARTIAL' : 'ALL_OR_NOTHING',
          options: [
            option(text(), true),
            option(text(), false, { feedbackEn: text() }),
            option(text(), true),
          ],
        }),
        ...(kind === 2 && {
          type: 'MATCHING',
          matchingPairs: [0, 1].map(() => ({
            promptKo: text(),
            promptEn: text(),
            matchKo: text(),
            matchEn: text(),
          })),
        }),
        ...(kind === 3 && { type: 'SHORT_ANSWER', acceptedAnswers: [text(), text()], acceptedPatterns: [] }),
        ...(kind === 4 && { type: 'TRUE_FALSE', trueFalseAnswer: i % 2 === 0 }),
      } as QuestionDraft;
      questions.push({ categoryPath: [text().replace(/\s+/g, ' ')], title: text(), draft: stored(draft) });
    }
    const { text: gift, skipped } = toGift(questions);
    expect(skipped).toBe(0);
    const { questions: back, errors } = parseGift(gift);
    expect(errors).toEqual([]);
    expect(back.map((q) => withoutIds(q.draft))).toEqual(questions.map((q) => withoutIds(q.draft)));
    expect(back.map((q) => q.title)).toEqual(questions.map((q) => q.title));
    expect(back.map((q) => q.categoryPath)).toEqual(questions.map((q) => q.categoryPath));
  });
});

describe('fixtures', () => {
  it('reads a trainer’s 청탁금지법 quiz', () => {
    const { questions, errors } = parseGift(fixture('anti-graft-act.gift'));
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.line, q.title, q.draft.type])).toEqual([
      [7, '음식물 가액', 'SINGLE_CHOICE'],
      [15, '시행일', 'SINGLE_CHOICE'],
      [17, '100만원 기준', 'TRUE_FALSE'],
      [20, '연간 한도', 'NUMERIC'],
      [23, '경조사비', 'MULTIPLE_CHOICE'],
      [30, '직무관련자 선물', 'TRUE_FALSE'],
      [32, null, 'TRUE_FALSE'],
      [39, '신고 대상', 'SHORT_ANSWER'],
      [48, '외부강의 사례금', 'SINGLE_CHOICE'],
      [51, '1회 상한', 'NUMERIC'],
    ]);
    expect(questions[0].categoryPath).toEqual(['청탁금지법', '금품등 수수']);
    expect(questions[0].draft.options!.map((o) => [o.textKo, o.correct])).toEqual([
      ['5만원', true],
      ['3만원', false],
      ['10만원', false],
      ['15만원', false],
    ]);
    expect(questions[1].draft.promptKo).toBe('청탁금지법은 _____ 부터 시행되었다.');
    expect(questions[3].draft.promptKo).toContain('(단위: 만원)');
    expect(questions[4].draft.multipleScoring).toBe('PARTIAL');
    expect(questions[6].draft.promptKo.split('\n')).toHaveLength(3);
    expect(questions[7].draft.acceptedAnswers).toEqual(['소속기관장', '소속 기관의 장', '기관장']);
    expect(questions[9]).toMatchObject({
      categoryPath: ['청탁금지법', '외부강의'],
      draft: { numericAnswers: [{ value: 600_000, tolerance: 0 }] },
    });
  });

  it('reads a Moodle 4 export of 이해충돌방지법 questions (HTML texts, tags)', () => {
    const { questions, errors } = parseGift(fixture('conflict-of-interest-act.gift'));
    expect(errors).toEqual([]);
    expect(questions).toHaveLength(6);
    expect(new Set(questions.map((q) => q.categoryPath.join('/')))).toEqual(
      new Set(['Default for 2024 청렴교육/이해충돌방지법']),
    );
    const [start, deadline, duties, matching, retired, senior] = questions;
    expect(start.draft).toMatchObject({
      type: 'SINGLE_CHOICE',
      promptKo: '「공직자의 이해충돌 방지법」의 시행일은?',
      tags: ['이해충돌방지법', '기본'],
      explanationKo: '공포 후 1년이 지난 2022년 5월 19일부터 시행되었습니다.',
    });
    expect(start.draft.options![1]).toMatchObject({
      textKo: '2021년 5월 18일',
      feedbackKo: '법이 공포된 날입니다.',
    });
    expect(deadline.draft).toMatchObject({ type: 'NUMERIC', numericAnswers: [{ value: 14, tolerance: 0 }] });
    expect(duties.draft).toMatchObject({ type: 'MULTIPLE_CHOICE', multipleScoring: 'PARTIAL' });
    expect(duties.draft.options!.map((o) => o.correct)).toEqual([true, true, true, false, false]);
    expect(matching.draft.matchingPairs).toHaveLength(4);
    expect(matching.draft.matchingPairs![0].promptKo).toBe('가족 채용 제한');
    expect(retired.draft).toMatchObject({ type: 'TRUE_FALSE', trueFalseAnswer: true });
    expect(senior.draft).toMatchObject({ type: 'SHORT_ANSWER', acceptedAnswers: ['3년', '3', '삼 년'] });
  });

  it('reads a 공무원 행동강령 quiz saved by Notepad (BOM, CRLF)', () => {
    const text = fixture('code-of-conduct.gift');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const { questions, errors } = parseGift(text);
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.line, q.draft.type])).toEqual([
      [6, 'SINGLE_CHOICE'],
      [8, 'SHORT_ANSWER'],
      [12, 'MULTIPLE_CHOICE'],
      [20, 'MATCHING'],
      [26, 'NUMERIC'],
      [30, 'SHORT_ANSWER'],
    ]);
    expect(questions.every((q) => q.categoryPath.join() === '공무원 행동강령')).toBe(true);
    expect(questions[0].draft.promptKo).toBe(
      '공무원은 직무관련자에게 자신의 경조사를 알려서는 안 된다. 다만 _____ 에는 예외이다.',
    );
    expect(questions[2].draft.multipleScoring).toBe('PARTIAL');
    expect(questions[4].draft.numericAnswers).toEqual([{ value: 2, tolerance: 1 }]);
    expect(questions[4].draft.promptKo).toContain('**미리 신고하지 못한**');
    expect(questions[5].draft.acceptedAnswers).toEqual([':', '콜론', '쌍점']);
  });

  it('exports every fixture question and reads the same drafts back', () => {
    for (const name of ['anti-graft-act.gift', 'conflict-of-interest-act.gift', 'code-of-conduct.gift']) {
      const first = parseGift(fixture(name)).questions;
      const { text, skipped } = toGift(first);
      expect(skipped).toBe(0);
      const again = parseGift(text);
      expect(again.errors).toEqual([]);
      expect(again.questions.map((q) => [q.categoryPath, q.title, q.draft])).toEqual(
        first.map((q) => [q.categoryPath, q.title, q.draft]),
      );
    }
  });
});
