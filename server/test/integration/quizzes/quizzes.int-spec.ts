import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedCourse } from '../../factories/course.factory.js';
import { signedIn } from '../../factories/org.factory.js';
import {
  answerAll,
  createQuizLesson,
  enrolIn,
  START_ATTEMPT,
  SUBMIT_ATTEMPT,
} from '../../factories/quiz.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
let trainer: GqlClient;
beforeAll(async () => {
  app = await startTestApp();
  trainer = (await signedIn(app, { roles: ['TRAINER'] })).client;
});
afterAll(() => app?.close());

const SETTINGS = {
  titleKo: '퀴즈',
  titleEn: 'Quiz',
  passPercent: 60,
  gradingMethod: 'HIGHEST',
  shuffleQuestions: false,
  shuffleOptions: false,
  feedbackMode: 'AFTER_SUBMIT',
  layout: 'ALL_ON_ONE_PAGE',
  creditMinutes: 0,
};
const CREATE_QUIZ = `mutation($i: QuizInput!) { createQuiz(input: $i) { id titleKo } }`;
const SET_SLOTS = `mutation($id: ID!, $s: [QuizSlotInput!]!) {
  setQuizSlots(id: $id, slots: $s) { id questionCount slots { position questionId categoryId drawCount difficulty availableCount } }
}`;
const RESULTS = `query($q: ID!) {
  quizResults(quizId: $q) {
    attempts finishedAttempts people peoplePassed averagePercent scoreDistribution
    questions { questionId type shown answered correctPercent averageFraction options { optionId correct chosen } }
    recentAttempts { personName number status percent passed }
  }
}`;

async function categoryWith(n: number, difficulty: (i: number) => string = () => 'MEDIUM'): Promise<string> {
  const name = `분류 ${randomUUID().slice(0, 6)}`;
  const { createQuestionCategory } = await trainer.ok(
    `mutation($i: QuestionCategoryInput!) { createQuestionCategory(input: $i) { id } }`,
    { i: { nameKo: name, nameEn: name } },
  );
  for (let i = 0; i < n; i++) {
    await trainer.ok(`mutation($i: QuestionInput!) { createQuestion(input: $i) { id } }`, {
      i: {
        categoryId: createQuestionCategory.id,
        type: 'TRUE_FALSE',
        promptKo: `${name} 문제 ${i}`,
        promptEn: `Q ${i}`,
        trueFalseAnswer: true,
        difficulty: difficulty(i),
      },
    });
  }
  return createQuestionCategory.id;
}

describe('quiz building', () => {
  it('creates idempotently, validates settings, and checks draws against the bank', async () => {
    const id = randomUUID();
    const first = (await trainer.ok(CREATE_QUIZ, { i: { ...SETTINGS, id } })).createQuiz;
    expect((await trainer.ok(CREATE_QUIZ, { i: { ...SETTINGS, id } })).createQuiz).toEqual(first);
    const bad = await trainer.gql(CREATE_QUIZ, {
      i: { ...SETTINGS, feedbackMode: 'AFTER_DUE', passPercent: 120 },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect((bad.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'dueAt',
      'passPercent',
    ]);

    const categoryId = await categoryWith(5, (i) => (i < 2 ? 'HARD' : 'EASY'));
    const quiz = (
      await trainer.ok(SET_SLOTS, {
        id,
        s: [
          { categoryId, drawCount: 2, difficulty: 'HARD' },
          { categoryId, drawCount: 3, difficulty: 'EASY' },
        ],
      })
    ).setQuizSlots;
    expect(quiz.questionCount).toBe(5);
    expect(quiz.slots.map((s: AnyData) => [s.drawCount, s.availableCount])).toEqual([
      [2, 2],
      [3, 3],
    ]);
    expect(await trainer.code(SET_SLOTS, { id, s: [{ categoryId, questionId: randomUUID() }] })).toBe(
      'VALIDATION_FAILED',
    );
    expect(await trainer.code(SET_SLOTS, { id, s: [{ categoryId: randomUUID() }] })).toBe('NOT_FOUND');
  });

  it('draws the asked number per difficulty, and refuses to start when a draw cannot be filled', async () => {
    const categoryId = await categoryWith(4, (i) => (i < 2 ? 'HARD' : 'EASY'));
    const lesson = await createQuizLesson(app, {}, { questions: [] });
    await lesson.trainer.ok(SET_SLOTS, {
      id: lesson.quiz.id,
      s: [{ categoryId, drawCount: 2, difficulty: 'HARD' }],
    });
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    const enrolmentId = await enrolIn(client, lesson);
    const attempt = (await client.ok(START_ATTEMPT, { e: enrolmentId, l: lesson.lessonId })).startQuizAttempt;
    expect(attempt.questions).toHaveLength(2);
    const [{ hard }] = await app.dataSource.query(
      `SELECT count(*)::int AS hard FROM attempt_questions aq JOIN question_versions v ON v.id = aq.question_version_id
         JOIN questions q ON q.id = v.question_id WHERE aq.attempt_id = $1 AND q.difficulty = 'HARD'`,
      [attempt.id],
    );
    expect(hard).toBe(2);
    await client.ok(SUBMIT_ATTEMPT, { a: attempt.id });

    await lesson.trainer.ok(SET_SLOTS, {
      id: lesson.quiz.id,
      s: [{ categoryId, drawCount: 3, difficulty: 'HARD' }],
    });
    const other = (await signedIn(app, { roles: ['EMPLOYEE'] })).client;
    const otherEnrolment = await enrolIn(other, lesson);
    const refused = await other.gql(START_ATTEMPT, { e: otherEnrolment, l: lesson.lessonId });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'QUIZ_NOT_ENOUGH_QUESTIONS',
      wanted: 3,
      available: 2,
    });
  });

  it('never draws a fixed question of the quiz, wherever the fixed slot stands', async () => {
    const categoryId = await categoryWith(3);
    const lesson = await createQuizLesson(app, {}, { questions: [] });
    const { questions } = await lesson.trainer.ok(
      `query($c: ID!) { questions(filter: { categoryId: $c }) { edges { node { id } } } }`,
      { c: categoryId },
    );
    const fixed = questions.edges[0].node.id;
    // The draw comes first and could pick the fixed question; it must take the other two.
    await lesson.trainer.ok(SET_SLOTS, {
      id: lesson.quiz.id,
      s: [{ categoryId, drawCount: 2 }, { questionId: fixed }],
    });
    for (let i = 0; i < 4; i++) {
      const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
      const attempt = (
        await client.ok(START_ATTEMPT, { e: await enrolIn(client, lesson), l: lesson.lessonId })
      ).startQuizAttempt;
      expect(attempt.questions).toHaveLength(3);
      expect(new Set(attempt.questions.map((q: AnyData) => q.promptKo)).size).toBe(3);
    }
    // Three questions in the category, one fixed: a draw of three cannot be filled.
    await lesson.trainer.ok(SET_SLOTS, {
      id: lesson.quiz.id,
      s: [{ questionId: fixed }, { categoryId, drawCount: 3 }],
    });
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    expect(await client.code(START_ATTEMPT, { e: await enrolIn(client, lesson), l: lesson.lessonId })).toBe(
      'QUIZ_NOT_ENOUGH_QUESTIONS',
    );
  });

  it('attaches only a quiz with questions to a draft lesson, and keeps used quizzes from deletion', async () => {
    const empty = (await trainer.ok(CREATE_QUIZ, { i: SETTINGS })).createQuiz;
    const { createCourse } = await trainer.ok(
      `mutation($i: CourseDetailsInput!) { createCourse(input: $i) { id } }`,
      {
        i: {
          titleKo: '퀴즈 과정',
          titleEn: 'Quiz course',
          category: 'INTEGRITY_LAW',
          creditMinutes: 30,
          estimatedMinutes: 20,
          tags: [],
          sequential: false,
        },
      },
    );
    const { addCourseSection } = await trainer.ok(
      `mutation($c: ID!, $i: SectionInput!) { addCourseSection(courseId: $c, input: $i) { id } }`,
      { c: createCourse.id, i: { titleKo: '1부', titleEn: 'Part 1' } },
    );
    const { addLesson } = await trainer.ok(
      `mutation($s: ID!, $i: LessonInput!) { addLesson(sectionId: $s, input: $i) { id } }`,
      { s: addCourseSection.id, i: { kind: 'QUIZ', titleKo: '확인 퀴즈', titleEn: 'Check' } },
    );
    const ATTACH = `mutation($l: ID!, $q: ID) { attachQuizToLesson(lessonId: $l, quizId: $q) { id content { ... on QuizContent { quizId } } } }`;
    expect(await trainer.code(ATTACH, { l: addLesson.id, q: empty.id })).toBe('QUIZ_EMPTY');
    expect(
      await trainer.code(`mutation($c: ID!) { publishCourse(courseId: $c) { id } }`, { c: createCourse.id }),
    ).toBe('LESSON_NOT_READY');
    const categoryId = await categoryWith(1);
    await trainer.ok(SET_SLOTS, { id: empty.id, s: [{ categoryId }] });
    const attached = (await trainer.ok(ATTACH, { l: addLesson.id, q: empty.id })).attachQuizToLesson;
    expect(attached.content.quizId).toBe(empty.id);
    await trainer.ok(`mutation($c: ID!) { publishCourse(courseId: $c) { id } }`, { c: createCourse.id });
    expect(await trainer.code(`mutation($id: ID!) { deleteQuiz(id: $id) }`, { id: empty.id })).toBe(
      'QUIZ_IN_USE',
    );
    const unused = (await trainer.ok(CREATE_QUIZ, { i: SETTINGS })).createQuiz;
    expect(
      (await trainer.ok(`mutation($id: ID!) { deleteQuiz(id: $id) }`, { id: unused.id })).deleteQuiz,
    ).toBe(unused.id);
  });

  it('a published quiz lesson cannot be completed by the lesson mutation, only by passing', async () => {
    const lesson = await createQuizLesson(app);
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    const enrolmentId = await enrolIn(client, lesson);
    const code = await client.code(
      `mutation($i: CompleteLessonInput!) { completeLesson(input: $i) { lessonId } }`,
      { i: { enrolmentId, lessonId: lesson.lessonId, reading: { acknowledged: true } } },
    );
    expect(code).toBe('WRONG_LESSON_KIND');
    // And a quiz lesson of a course the person is not enrolled in cannot be started.
    const other = await createPublishedCourse(app, { lessons: [{ kind: 'READING' }] });
    expect(await client.code(START_ATTEMPT, { e: enrolmentId, l: other.lessons[0].id })).toBe(
      'LESSON_NOT_IN_COURSE',
    );
  });
});

describe('results', () => {
  it('counts attempts, spreads scores into bands and analyses each question and option', async () => {
    const lesson = await createQuizLesson(app, { shuffleQuestions: false });
    const runs: ('right' | 'wrong')[] = ['right', 'wrong', 'right'];
    for (const kind of runs) {
      const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
      const enrolmentId = await enrolIn(client, lesson);
      const attempt = (await client.ok(START_ATTEMPT, { e: enrolmentId, l: lesson.lessonId }))
        .startQuizAttempt;
      await answerAll(client, lesson, attempt, () => kind);
      await client.ok(SUBMIT_ATTEMPT, { a: attempt.id });
    }
    // An unfinished attempt counts as an attempt but not in the analysis.
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    await client.ok(START_ATTEMPT, { e: await enrolIn(client, lesson), l: lesson.lessonId });

    const results = (await lesson.trainer.ok(RESULTS, { q: lesson.quiz.id })).quizResults;
    expect(results).toMatchObject({ attempts: 4, finishedAttempts: 3, people: 4, peoplePassed: 2 });
    expect(results.averagePercent).toBeCloseTo(66.67, 2);
    expect(results.scoreDistribution).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(results.questions).toHaveLength(7);
    for (const q of results.questions) expect(q).toMatchObject({ shown: 3, answered: 3 });
    const single = results.questions.find((q: AnyData) => q.type === 'SINGLE_CHOICE');
    expect(single.correctPercent).toBeCloseTo(66.67, 2);
    const picks = Object.fromEntries(single.options.map((o: AnyData) => [String(o.correct), o.chosen]));
    expect(picks.true).toBe(2);
    expect(results.recentAttempts).toHaveLength(4);
    const { client: learner } = await signedIn(app, { roles: ['EMPLOYEE'] });
    expect(await learner.code(RESULTS, { q: lesson.quiz.id })).toBe('FORBIDDEN');
  });
});
