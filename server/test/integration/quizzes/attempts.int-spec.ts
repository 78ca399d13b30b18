import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuizAttemptsService } from '../../../src/modules/quizzes/quiz-attempts.service.js';
import { signedIn } from '../../factories/org.factory.js';
import {
  answerAll,
  createQuizLesson,
  enrolIn,
  LESSON_QUIZ,
  READ_ATTEMPT,
  rightAnswer,
  SAVE_ANSWER,
  START_ATTEMPT,
  SUBMIT_ATTEMPT,
  wrongAnswer,
  type QuizLesson,
} from '../../factories/quiz.factory.js';
import type { AnyData, GqlClient } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const CREDITS = `{ myCredits(first: 100) { edges { node { sourceKind sourceId minutes xp } } } }`;

async function learner(
  lesson: QuizLesson,
): Promise<{ client: GqlClient; personId: string; enrolmentId: string }> {
  const { client, person } = await signedIn(app, { roles: ['EMPLOYEE'] });
  return { client, personId: person.id, enrolmentId: await enrolIn(client, lesson) };
}

async function start(client: GqlClient, enrolmentId: string, lesson: QuizLesson): Promise<AnyData> {
  return (await client.ok(START_ATTEMPT, { e: enrolmentId, l: lesson.lessonId })).startQuizAttempt;
}

async function quizCredits(client: GqlClient, quizId: string): Promise<AnyData[]> {
  const { myCredits } = await client.ok(CREDITS);
  return myCredits.edges.map((e: AnyData) => e.node).filter((n: AnyData) => n.sourceId === quizId);
}

describe('the attempt lifecycle', () => {
  it('fixes the questions at start, resumes, grades on submit, completes the lesson and credits once', async () => {
    const lesson = await createQuizLesson(app);
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    expect(attempt).toMatchObject({ number: 1, status: 'IN_PROGRESS', score: null, deadlineAt: null });
    expect(attempt.questions).toHaveLength(7);
    // No key before submitting.
    expect(attempt.questions.every((q: AnyData) => q.review === null)).toBe(true);
    expect(attempt.maxScore).toBe(8);

    // A second start (another device, a retry) resumes the same attempt with the same order.
    const again = await start(client, enrolmentId, lesson);
    expect(again.id).toBe(attempt.id);
    expect(again.questions.map((q: AnyData) => [q.id, q.options.map((o: AnyData) => o.id)])).toEqual(
      attempt.questions.map((q: AnyData) => [q.id, q.options.map((o: AnyData) => o.id)]),
    );

    await answerAll(client, lesson, attempt);
    const saved = (await client.ok(READ_ATTEMPT, { a: attempt.id })).quizAttempt;
    expect(saved.questions.every((q: AnyData) => q.answer !== null && q.review === null)).toBe(true);

    const graded = (await client.ok(SUBMIT_ATTEMPT, { a: attempt.id })).submitQuizAttempt;
    expect(graded).toMatchObject({
      status: 'SUBMITTED',
      score: 8,
      percent: 100,
      passed: true,
      reviewAvailable: true,
    });
    expect(graded.questions.every((q: AnyData) => q.review?.correct === true)).toBe(true);

    // Submitting again returns the same result and grades nothing twice.
    const twice = (await client.ok(SUBMIT_ATTEMPT, { a: attempt.id })).submitQuizAttempt;
    expect(twice).toMatchObject({ status: 'SUBMITTED', score: 8, finishedAt: graded.finishedAt });

    const state = (await client.ok(LESSON_QUIZ, { e: enrolmentId, l: lesson.lessonId })).lessonQuiz;
    expect(state).toMatchObject({ grade: 100, passed: true, lessonCompleted: true, inProgress: null });
    const credits = await quizCredits(client, lesson.quiz.id);
    expect(credits.map((c) => c.sourceKind).sort()).toEqual(['QUIZ', 'QUIZ_PERFECT']);
    expect(credits.find((c) => c.sourceKind === 'QUIZ')).toMatchObject({ minutes: 10, xp: 30 });

    // Passing again with a second perfect attempt credits nothing more.
    const second = await start(client, enrolmentId, lesson);
    expect(second.number).toBe(2);
    await answerAll(client, lesson, second);
    await client.ok(SUBMIT_ATTEMPT, { a: second.id });
    expect(await quizCredits(client, lesson.quiz.id)).toHaveLength(2);
  });

  it('grades partial credit and fails below the pass mark without completing the lesson', async () => {
    const lesson = await createQuizLesson(app, { passPercent: 80 });
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    // Right: single (2 points) and true/false (1); wrong: the rest; matching skipped.
    await answerAll(client, lesson, attempt, (aq) =>
      aq.type === 'SINGLE_CHOICE' || aq.type === 'TRUE_FALSE'
        ? 'right'
        : aq.type === 'MATCHING'
          ? 'skip'
          : 'wrong',
    );
    const graded = (await client.ok(SUBMIT_ATTEMPT, { a: attempt.id })).submitQuizAttempt;
    expect(graded).toMatchObject({ score: 3, percent: 37.5, passed: false });
    const matching = graded.questions.find((q: AnyData) => q.type === 'MATCHING');
    expect(matching).toMatchObject({ answer: null, review: { correct: false, fraction: 0 } });
    const state = (await client.ok(LESSON_QUIZ, { e: enrolmentId, l: lesson.lessonId })).lessonQuiz;
    expect(state).toMatchObject({ passed: false, lessonCompleted: false, grade: 37.5 });
    expect(await quizCredits(client, lesson.quiz.id)).toEqual([]);
  });

  it('keeps the question version the learner saw when the trainer edits it later', async () => {
    const lesson = await createQuizLesson(app);
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    const single = [...lesson.bank.values()].find((q) => q.type === 'SINGLE_CHOICE')!;
    await lesson.trainer.ok(
      `mutation($id: ID!, $i: QuestionInput!) { updateQuestion(id: $id, input: $i) { version } }`,
      {
        id: single.id,
        i: {
          categoryId: lesson.categoryId,
          type: 'SINGLE_CHOICE',
          promptKo: '바뀐 문제',
          promptEn: 'Changed',
          options: single.options.map((o: AnyData) => ({
            ...o,
            correct: !o.correct && o.textKo === '5만 원',
          })),
        },
      },
    );
    const read = (await client.ok(READ_ATTEMPT, { a: attempt.id })).quizAttempt;
    expect(read.questions.find((q: AnyData) => q.type === 'SINGLE_CHOICE').promptKo).toBe(single.promptKo);
    await answerAll(client, lesson, attempt);
    const graded = (await client.ok(SUBMIT_ATTEMPT, { a: attempt.id })).submitQuizAttempt;
    // Graded against the version shown (3만 원 right), not the edited key.
    expect(graded.percent).toBe(100);
  });
});

describe('feedback rules', () => {
  it('AFTER_SUBMIT shows nothing before submitting; NEVER shows only the score', async () => {
    const never = await createQuizLesson(app, { feedbackMode: 'NEVER' });
    const { client, enrolmentId } = await learner(never);
    const attempt = await start(client, enrolmentId, never);
    await answerAll(client, never, attempt);
    const graded = (await client.ok(SUBMIT_ATTEMPT, { a: attempt.id })).submitQuizAttempt;
    expect(graded).toMatchObject({ percent: 100, reviewAvailable: false });
    expect(graded.questions.every((q: AnyData) => q.review === null)).toBe(true);
  });

  it('AFTER_DUE opens the review only once the due date has passed', async () => {
    const due = new Date(Date.now() + 86_400_000).toISOString();
    const lesson = await createQuizLesson(app, { feedbackMode: 'AFTER_DUE', dueAt: due });
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    await answerAll(client, lesson, attempt);
    const graded = (await client.ok(SUBMIT_ATTEMPT, { a: attempt.id })).submitQuizAttempt;
    expect(graded.reviewAvailable).toBe(false);
    expect(graded.questions.every((q: AnyData) => q.review === null)).toBe(true);
    await app.dataSource.query(`UPDATE quizzes SET due_at = now() - interval '1 minute' WHERE id = $1`, [
      lesson.quiz.id,
    ]);
    const later = (await client.ok(READ_ATTEMPT, { a: attempt.id })).quizAttempt;
    expect(later.reviewAvailable).toBe(true);
    expect(later.questions.every((q: AnyData) => q.review?.correct === true)).toBe(true);
  });

  it('IMMEDIATE grades a checked question, shows its key only, and locks its answer', async () => {
    const lesson = await createQuizLesson(app, { feedbackMode: 'IMMEDIATE' });
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    const [first, second] = attempt.questions;
    await client.ok(SAVE_ANSWER, {
      i: { attemptId: attempt.id, attemptQuestionId: first.id, ...wrongAnswer(lesson.bank, first) },
    });
    const checked = (
      await client.ok(
        `mutation($a: ID!, $q: ID!) { checkQuizAnswer(attemptId: $a, attemptQuestionId: $q) { id checked review { correct fraction } } }`,
        {
          a: attempt.id,
          q: first.id,
        },
      )
    ).checkQuizAnswer;
    expect(checked).toMatchObject({ checked: true, review: { correct: false } });
    const read = (await client.ok(READ_ATTEMPT, { a: attempt.id })).quizAttempt;
    expect(read.questions.find((q: AnyData) => q.id === first.id).review).not.toBeNull();
    expect(read.questions.find((q: AnyData) => q.id === second.id).review).toBeNull();
    const code = await client.code(SAVE_ANSWER, {
      i: { attemptId: attempt.id, attemptQuestionId: first.id, ...rightAnswer(lesson.bank, first) },
    });
    expect(code).toBe('ANSWER_LOCKED');
  });

  it('refuses a check on a quiz without immediate feedback', async () => {
    const lesson = await createQuizLesson(app);
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    const [first] = attempt.questions;
    await client.ok(SAVE_ANSWER, {
      i: { attemptId: attempt.id, attemptQuestionId: first.id, ...rightAnswer(lesson.bank, first) },
    });
    expect(
      await client.code(
        `mutation($a: ID!, $q: ID!) { checkQuizAnswer(attemptId: $a, attemptQuestionId: $q) { id } }`,
        {
          a: attempt.id,
          q: first.id,
        },
      ),
    ).toBe('FEEDBACK_NOT_IMMEDIATE');
  });
});

describe('bad input and cheating', () => {
  it('refuses answers outside the attempt, foreign option ids, wrong shapes and other people', async () => {
    const lesson = await createQuizLesson(app);
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    const other = await learner(lesson);
    const othersAttempt = await start(other.client, other.enrolmentId, lesson);
    const single = attempt.questions.find((q: AnyData) => q.type === 'SINGLE_CHOICE');
    const multiple = attempt.questions.find((q: AnyData) => q.type === 'MULTIPLE_CHOICE');
    const save = (i: AnyData) => client.code(SAVE_ANSWER, { i: { attemptId: attempt.id, ...i } });

    expect(await save({ attemptQuestionId: othersAttempt.questions[0].id, booleanValue: true })).toBe(
      'QUESTION_NOT_IN_ATTEMPT',
    );
    expect(await save({ attemptQuestionId: single.id, optionIds: [multiple.options[0].id] })).toBe(
      'ANSWER_INVALID',
    );
    expect(await save({ attemptQuestionId: single.id, text: '3만 원' })).toBe('ANSWER_INVALID');
    expect(
      await save({
        attemptQuestionId: single.id,
        optionIds: single.options.slice(0, 2).map((o: AnyData) => o.id),
      }),
    ).toBe('ANSWER_INVALID');
    // Someone else's attempt is "not found", for every operation.
    expect(await other.client.code(READ_ATTEMPT, { a: attempt.id })).toBe('NOT_FOUND');
    expect(await other.client.code(SUBMIT_ATTEMPT, { a: attempt.id })).toBe('NOT_FOUND');
    expect(
      await other.client.code(SAVE_ANSWER, {
        i: { attemptId: attempt.id, attemptQuestionId: single.id, optionIds: [single.options[0].id] },
      }),
    ).toBe('NOT_FOUND');
    // A score (or any unknown field) in an input is not part of the schema: refused before running.
    const tampered = await client.gql(SAVE_ANSWER, {
      i: {
        attemptId: attempt.id,
        attemptQuestionId: single.id,
        optionIds: [single.options[0].id],
        score: 100,
      },
    });
    expect(tampered.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = (await client.ok(READ_ATTEMPT, { a: attempt.id })).quizAttempt;
    expect(after.questions.every((q: AnyData) => q.answer === null)).toBe(true);
    expect(after.score).toBeNull();
  });

  it('submits after the deadline as expired: graded with what was saved, ATTEMPT_EXPIRED', async () => {
    const lesson = await createQuizLesson(app, { timeLimitSeconds: 60 });
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    expect(new Date(attempt.deadlineAt).getTime() - new Date(attempt.startedAt).getTime()).toBe(60_000);
    await answerAll(client, lesson, attempt, (aq) => (aq.type === 'NUMERIC' ? 'skip' : 'right'));
    // The server clock decides: move the deadline into the past.
    await app.dataSource.query(
      `UPDATE quiz_attempts SET deadline_at = now() - interval '10 seconds' WHERE id = $1`,
      [attempt.id],
    );
    const numeric = attempt.questions.find((q: AnyData) => q.type === 'NUMERIC');
    expect(await client.code(SUBMIT_ATTEMPT, { a: attempt.id })).toBe('ATTEMPT_EXPIRED');
    // Closed for good: a late answer is refused, and the saved ones were graded.
    expect(
      await client.code(SAVE_ANSWER, {
        i: { attemptId: attempt.id, attemptQuestionId: numeric.id, numberValue: 40 },
      }),
    ).toBe('ATTEMPT_FINISHED');
    const closed = (await client.ok(READ_ATTEMPT, { a: attempt.id })).quizAttempt;
    expect(closed).toMatchObject({ status: 'EXPIRED', score: 7, passed: true });
    expect(closed.finishedAt).toBe(new Date(closed.deadlineAt).toISOString());
  });

  it('closes abandoned attempts the same way by sweep and by lazy read', async () => {
    const lesson = await createQuizLesson(app, { timeLimitSeconds: 60, maxAttempts: 3 });
    const a = await learner(lesson);
    const b = await learner(lesson);
    const attemptA = await start(a.client, a.enrolmentId, lesson);
    const attemptB = await start(b.client, b.enrolmentId, lesson);
    const pick = (aq: AnyData) => (aq.type === 'SINGLE_CHOICE' || aq.type === 'ORDERING' ? 'right' : 'wrong');
    await answerAll(a.client, lesson, attemptA, pick);
    await answerAll(b.client, lesson, attemptB, pick);
    await app.dataSource.query(
      `UPDATE quiz_attempts SET deadline_at = now() - interval '1 minute' WHERE id = ANY($1)`,
      [[attemptA.id, attemptB.id]],
    );
    // A never comes back: the sweep closes it. B reads it again: the read closes it.
    const swept = await app.palma.app.get(QuizAttemptsService).sweep();
    expect(swept).toBeGreaterThanOrEqual(1);
    const byRead = (await b.client.ok(READ_ATTEMPT, { a: attemptB.id })).quizAttempt;
    const bySweep = (await a.client.ok(READ_ATTEMPT, { a: attemptA.id })).quizAttempt;
    const outcome = (x: AnyData) => ({
      status: x.status,
      score: x.score,
      percent: x.percent,
      passed: x.passed,
      late: x.finishedAt === x.deadlineAt,
    });
    expect(outcome(bySweep)).toEqual(outcome(byRead));
    expect(outcome(bySweep)).toEqual({
      status: 'EXPIRED',
      score: 3,
      percent: 37.5,
      passed: false,
      late: true,
    });
  });
});

describe('races', () => {
  it('eight concurrent submits grade once and all see the same result', async () => {
    const lesson = await createQuizLesson(app);
    const { client, enrolmentId } = await learner(lesson);
    const attempt = await start(client, enrolmentId, lesson);
    await answerAll(client, lesson, attempt);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => client.ok(SUBMIT_ATTEMPT, { a: attempt.id })),
    );
    const finished = new Set(results.map((r) => r.submitQuizAttempt.finishedAt));
    expect(finished.size).toBe(1);
    expect(results.every((r) => r.submitQuizAttempt.score === 8)).toBe(true);
    expect(await quizCredits(client, lesson.quiz.id)).toHaveLength(2);
    const [{ count }] = await app.dataSource.query(
      `SELECT count(*)::int AS count FROM credit_entries WHERE source_id = $1 AND source_kind = 'LESSON'`,
      [lesson.lessonId],
    );
    expect(count).toBe(1);
  });

  it('concurrent starts make one attempt, and never more than allowed', async () => {
    const lesson = await createQuizLesson(app, { maxAttempts: 2, passPercent: 100 });
    const { client, enrolmentId, personId } = await learner(lesson);
    const first = await Promise.all(Array.from({ length: 6 }, () => start(client, enrolmentId, lesson)));
    expect(new Set(first.map((a) => a.id)).size).toBe(1);
    await answerAll(client, lesson, first[0], () => 'wrong');
    await client.ok(SUBMIT_ATTEMPT, { a: first[0].id });
    const second = await Promise.all(
      Array.from({ length: 6 }, () => client.gql(START_ATTEMPT, { e: enrolmentId, l: lesson.lessonId })),
    );
    expect(new Set(second.map((r) => r.data?.startQuizAttempt?.id)).size).toBe(1);
    await client.ok(SUBMIT_ATTEMPT, { a: second[0].data!.startQuizAttempt.id });
    expect(await client.code(START_ATTEMPT, { e: enrolmentId, l: lesson.lessonId })).toBe(
      'ATTEMPT_LIMIT_REACHED',
    );
    const [{ count }] = await app.dataSource.query(
      `SELECT count(*)::int AS count FROM quiz_attempts WHERE quiz_id = $1 AND person_id = $2`,
      [lesson.quiz.id, personId],
    );
    expect(count).toBe(2);
  });
});

describe('grading methods', () => {
  it('LAST uses the latest attempt, AVERAGE the mean; a completed lesson stays completed', async () => {
    const lesson = await createQuizLesson(app, { gradingMethod: 'AVERAGE', passPercent: 60 });
    const { client, enrolmentId } = await learner(lesson);
    const one = await start(client, enrolmentId, lesson);
    await answerAll(client, lesson, one, () => 'wrong');
    await client.ok(SUBMIT_ATTEMPT, { a: one.id });
    const two = await start(client, enrolmentId, lesson);
    await answerAll(client, lesson, two);
    await client.ok(SUBMIT_ATTEMPT, { a: two.id });
    let state = (await client.ok(LESSON_QUIZ, { e: enrolmentId, l: lesson.lessonId })).lessonQuiz;
    // (0 + 100) / 2 = 50 < 60: not passed yet, though one attempt was perfect.
    expect(state).toMatchObject({ grade: 50, passed: false, lessonCompleted: false });
    const three = await start(client, enrolmentId, lesson);
    await answerAll(client, lesson, three);
    await client.ok(SUBMIT_ATTEMPT, { a: three.id });
    state = (await client.ok(LESSON_QUIZ, { e: enrolmentId, l: lesson.lessonId })).lessonQuiz;
    expect(state.grade).toBeCloseTo(66.67, 2);
    expect(state).toMatchObject({ passed: true, lessonCompleted: true });
  });
});
