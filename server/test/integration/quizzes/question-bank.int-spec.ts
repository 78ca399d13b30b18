import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../factories/org.factory.js';
import { QUESTION_FIELDS, sampleQuestions } from '../../factories/quiz.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { onRealPostgres, startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

const CATEGORY = `mutation($i: QuestionCategoryInput!) { createQuestionCategory(input: $i) { id parentId nameKo } }`;
const CREATE = `mutation($i: QuestionInput!) { createQuestion(input: $i) { ${QUESTION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: QuestionInput!) { updateQuestion(id: $id, input: $i) { ${QUESTION_FIELDS} } }`;
const IMPORT = `mutation($i: QuestionImportInput!) {
  importQuestions(input: $i) { format dryRun applied totalQuestions created unchanged categories errors { line column code message excerpt } }
}`;
const EXPORT = `query($f: QuestionImportFormat!, $c: ID) { exportQuestions(format: $f, categoryId: $c) { filename content count skipped } }`;
const LIST = `query($f: QuestionFilterInput, $first: Int, $after: String) {
  questions(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id type promptKo tags usage { quizzes attempts } } }
  }
}`;

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../shared/src/quiz/fixtures/${name}`, import.meta.url));

async function category(name = `분류 ${randomUUID().slice(0, 6)}`, parentId?: string): Promise<string> {
  return (await trainer.ok(CATEGORY, { i: { nameKo: name, nameEn: name, parentId } })).createQuestionCategory
    .id;
}

async function questionCount(categoryId: string): Promise<number> {
  return (await trainer.ok(LIST, { f: { categoryId }, first: 1 })).questions.totalCount;
}

describe('questions', () => {
  it('creates every type, retries idempotently and saves a new version per edit', async () => {
    const categoryId = await category();
    for (const q of sampleQuestions('bank')) {
      const id = randomUUID();
      const first = (await trainer.ok(CREATE, { i: { ...q, id, categoryId } })).createQuestion;
      const retry = (await trainer.ok(CREATE, { i: { ...q, id, categoryId } })).createQuestion;
      expect(retry).toEqual(first);
      expect(first).toMatchObject({ type: q.type, version: 1, promptKo: q.promptKo });
    }
    expect(await questionCount(categoryId)).toBe(7);
    const { edges } = (await trainer.ok(LIST, { f: { categoryId, type: 'TRUE_FALSE' } })).questions;
    const tf = edges[0].node;
    const edited = (
      await trainer.ok(UPDATE, {
        id: tf.id,
        i: {
          categoryId,
          type: 'TRUE_FALSE',
          promptKo: '수정된 문제',
          promptEn: 'Edited',
          trueFalseAnswer: true,
        },
      })
    ).updateQuestion;
    expect(edited).toMatchObject({ version: 2, trueFalseAnswer: true, promptKo: '수정된 문제' });
    const [{ count }] = await app.dataSource.query(
      `SELECT count(*)::int AS count FROM question_versions WHERE question_id = $1`,
      [tf.id],
    );
    expect(count).toBe(2);
  });

  it('reports every problem of a question by field, and writes nothing', async () => {
    const categoryId = await category();
    const res = await trainer.gql(CREATE, {
      i: {
        categoryId,
        type: 'SINGLE_CHOICE',
        promptKo: '',
        promptEn: 'x',
        options: [
          { textKo: 'a', textEn: 'a', correct: true },
          { textKo: 'b', textEn: '', correct: true },
        ],
        trueFalseAnswer: true,
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const fields = (res.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['options.1.textEn', 'promptKo', 'trueFalseAnswer']);
    expect(await questionCount(categoryId)).toBe(0);
  });

  it('searches, filters by tag and archives', async () => {
    const categoryId = await category();
    const word = `검색어${randomUUID().slice(0, 4)}`;
    const created = (
      await trainer.ok(CREATE, {
        i: {
          categoryId,
          type: 'TRUE_FALSE',
          promptKo: `${word} 문제`,
          promptEn: 'x',
          trueFalseAnswer: true,
          tags: ['청탁'],
        },
      })
    ).createQuestion;
    expect((await trainer.ok(LIST, { f: { search: word } })).questions.totalCount).toBe(1);
    expect((await trainer.ok(LIST, { f: { categoryId, tag: '청탁' } })).questions.totalCount).toBe(1);
    await trainer.ok(`mutation($id: ID!) { setQuestionArchived(id: $id, archived: true) { archived } }`, {
      id: created.id,
    });
    expect((await trainer.ok(LIST, { f: { search: word } })).questions.totalCount).toBe(0);
    expect((await trainer.ok(LIST, { f: { search: word, archived: true } })).questions.totalCount).toBe(1);
  });

  it('pages through a category with cursors', async () => {
    const categoryId = await category();
    for (let i = 0; i < 5; i++) {
      await trainer.ok(CREATE, {
        i: {
          categoryId,
          type: 'TRUE_FALSE',
          promptKo: `문제 ${i}`,
          promptEn: `Q ${i}`,
          trueFalseAnswer: i % 2 === 0,
        },
      });
    }
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: AnyData = (await trainer.ok(LIST, { f: { categoryId }, first: 2, after })).questions;
      seen.push(...page.edges.map((e: AnyData) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(seen).size).toBe(5);
    expect(await trainer.code(LIST, { f: { categoryId }, after: 'bm9wZQ' })).toBe('BAD_CURSOR');
  });

  it('keeps categories a tree and deletes only empty ones', async () => {
    const parent = await category();
    const child = await category('하위', parent);
    expect(
      await trainer.code(
        `mutation($id: ID!, $i: QuestionCategoryInput!) { updateQuestionCategory(id: $id, input: $i) { id } }`,
        {
          id: parent,
          i: { nameKo: '상위', nameEn: 'Top', parentId: child },
        },
      ),
    ).toBe('CATEGORY_CYCLE');
    expect(await trainer.code(`mutation($id: ID!) { deleteQuestionCategory(id: $id) }`, { id: parent })).toBe(
      'CATEGORY_NOT_EMPTY',
    );
    // The same name under the same parent is the same category (a retried create).
    expect(await category('하위', parent)).toBe(child);
    await trainer.ok(`mutation($id: ID!) { deleteQuestionCategory(id: $id) }`, { id: child });
    await trainer.ok(`mutation($id: ID!) { deleteQuestionCategory(id: $id) }`, { id: parent });
  });

  it('is closed to learners', async () => {
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    expect(await client.code(LIST, {})).toBe('FORBIDDEN');
    expect(await client.code(EXPORT, { f: 'GIFT' })).toBe('FORBIDDEN');
  });
});

describe('GIFT and CSV', () => {
  it('imports real-world GIFT files with categories, escapes and comments', async () => {
    const root = await category();
    for (const file of ['anti-graft-act.gift', 'conflict-of-interest-act.gift', 'code-of-conduct.gift']) {
      const dry = (
        await trainer.ok(IMPORT, {
          i: { format: 'GIFT', contentBase64: b64(fixture(file)), dryRun: true, categoryId: root },
        })
      ).importQuestions;
      expect(dry.errors, file).toEqual([]);
      expect(dry.totalQuestions, file).toBeGreaterThan(3);
      expect(dry.applied).toBe(false);
      const applied = (
        await trainer.ok(IMPORT, {
          i: { format: 'GIFT', contentBase64: b64(fixture(file)), dryRun: false, categoryId: root },
        })
      ).importQuestions;
      expect(applied).toMatchObject({ applied: true, created: dry.totalQuestions, unchanged: 0 });
      // A retry of the same import (a double click, a lost response) creates nothing more.
      const again = (
        await trainer.ok(IMPORT, {
          i: { format: 'GIFT', contentBase64: b64(fixture(file)), dryRun: false, categoryId: root },
        })
      ).importQuestions;
      expect(again).toMatchObject({ applied: true, created: 0, unchanged: dry.totalQuestions });
    }
    const { questions } = await trainer.ok(LIST, { f: { categoryId: root }, first: 100 });
    expect(new Set(questions.edges.map((e: AnyData) => e.node.type)).size).toBeGreaterThanOrEqual(5);
  });

  it('refuses a malformed file whole, with line numbers, and writes nothing', async () => {
    const root = await category();
    const gift = [
      '::Q1:: 음식물 가액 기준은? {=5만 원 ~3만 원 ~10만 원}',
      '',
      '::Q2:: 경조사비는 언제나 금지된다. {F}',
      '',
      '// 다음 문항은 닫는 괄호가 없습니다',
      '::Q3:: 외부강의 사례금 상한은? {#40',
      '',
      '::Q4:: 에세이를 쓰시오. {}',
    ].join('\n');
    const report = (
      await trainer.ok(IMPORT, {
        i: { format: 'GIFT', contentBase64: b64(gift), dryRun: false, categoryId: root },
      })
    ).importQuestions;
    expect(report.applied).toBe(false);
    expect(report.errors.map((e: AnyData) => [e.line, e.code])).toEqual([
      [6, 'UNCLOSED_ANSWER_BLOCK'],
      [8, 'UNSUPPORTED_TYPE'],
    ]);
    expect(await questionCount(root)).toBe(0);
  });

  it('round-trips an export through an import to the same questions', async () => {
    const source = await category();
    for (const q of sampleQuestions('trip')) await trainer.ok(CREATE, { i: { ...q, categoryId: source } });
    const exported = (await trainer.ok(EXPORT, { f: 'GIFT', c: source })).exportQuestions;
    // Ordering cannot be written in GIFT.
    expect(exported).toMatchObject({ count: 6, skipped: 1 });
    const target = await category();
    const report = (
      await trainer.ok(IMPORT, {
        i: { format: 'GIFT', contentBase64: b64(exported.content), dryRun: false, categoryId: target },
      })
    ).importQuestions;
    expect(report).toMatchObject({ applied: true, created: 6, errors: [] });
    const strip = (q: AnyData): AnyData => ({
      ...q,
      id: undefined,
      categoryId: undefined,
      options: q.options.map((o: AnyData) => ({ ...o, id: undefined })),
      matchingPairs: q.matchingPairs.map((p: AnyData) => ({ ...p, promptId: undefined, matchId: undefined })),
    });
    const all = async (categoryId: string) => {
      const ids = (await trainer.ok(LIST, { f: { categoryId }, first: 50 })).questions.edges.map(
        (e: AnyData) => e.node.id,
      );
      const full = await Promise.all(
        ids.map(
          async (id: string) =>
            (await trainer.ok(`query($id: ID!) { question(id: $id) { ${QUESTION_FIELDS} } }`, { id }))
              .question,
        ),
      );
      return full
        .filter((q) => q.type !== 'ORDERING')
        .map(strip)
        .sort((a, b) => a.promptKo.localeCompare(b.promptKo));
    };
    expect(await all(target)).toEqual(await all(source));
  });

  it('imports single, multiple and O/X questions from a Korean CSV and reports bad rows by line', async () => {
    const root = await category();
    const good = [
      '유형,분류,문제,보기1,보기2,보기3,정답,해설,난이도,배점,태그',
      '단일,법령/청탁금지법,음식물 가액 기준은?,3만 원,5만 원,10만 원,2,시행령 개정,보통,2,청탁;가액',
      '복수,법령/이해충돌,신고 대상을 고르시오,가족,지인,과거 재직 법인,"1,3",,어려움,3,',
      'OX,법령,경조사비는 항상 금지된다,,,,X,,쉬움,1,',
    ].join('\n');
    const report = (
      await trainer.ok(IMPORT, {
        i: { format: 'CSV', contentBase64: b64(good), dryRun: false, categoryId: root },
      })
    ).importQuestions;
    expect(report).toMatchObject({ applied: true, created: 3, errors: [] });
    expect(report.categories.sort()).toEqual(['법령', '법령/이해충돌', '법령/청탁금지법']);

    const bad = [
      'type,prompt_ko,option1,option2,answer',
      'single_choice,ok,a,b,1',
      'essay,nope,a,b,1',
      'single_choice,out of range,a,b,5',
      'true_false,yes?,,,maybe',
    ].join('\n');
    const refused = (
      await trainer.ok(IMPORT, {
        i: { format: 'CSV', contentBase64: b64(bad), dryRun: false, categoryId: root },
      })
    ).importQuestions;
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e: AnyData) => [e.line, e.code])).toEqual([
      [3, 'UNKNOWN_TYPE'],
      [4, 'BAD_ANSWER'],
      [5, 'BAD_ANSWER'],
    ]);
    expect(await questionCount(root)).toBe(3);
  });

  it('imports 10,000 questions in one go, and refuses one more', async (ctx) => {
    if (!onRealPostgres) {
      console.warn('10,000-question import runs on PostgreSQL only (DATABASE_URL); skipped on PGlite');
      ctx.skip();
    }
    const root = await category();
    const lines = (n: number) =>
      Array.from({ length: n }, (_, i) => `::Q${i}:: 대량 문항 ${i} {T}\n`).join('\n');
    const tooMany = (
      await trainer.ok(IMPORT, {
        i: { format: 'GIFT', contentBase64: b64(lines(10_001)), dryRun: false, categoryId: root },
      })
    ).importQuestions;
    expect(tooMany.errors.map((e: AnyData) => e.code)).toContain('TOO_MANY_QUESTIONS');
    expect(await questionCount(root)).toBe(0);
    const ok = (
      await trainer.ok(IMPORT, {
        i: { format: 'GIFT', contentBase64: b64(lines(10_000)), dryRun: false, categoryId: root },
      })
    ).importQuestions;
    expect(ok).toMatchObject({ applied: true, created: 10_000 });
    expect(await questionCount(root)).toBe(10_000);
  }, 120_000);
});
