import {
  draftOf,
  parseQuestionDraft,
  QUESTION_TYPES,
  type QuestionBody,
  type QuestionMeta,
  type QuestionType,
} from '@palma/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/database/seeds/demo-organisation.js';
import {
  DEMO_CATEGORY_NAMES_EN,
  DEMO_QUESTIONS,
  DEMO_QUIZ,
  rightAnswerOf,
} from '../../../src/database/seeds/demo-questions.js';
import { DEMO_EVENTS } from '../../../src/database/seeds/demo-events.js';
import { DEMO_LIVE_GAME_ID, DEMO_LIVE_PIN } from '../../../src/database/seeds/demo-live.js';
import { DEMO_IDS } from '../../../src/database/seeds/demo-training.js';
import { DEMO_BADGES } from '../../../src/database/seeds/demo-badges.js';
import { BadgeEvaluatorService } from '../../../src/modules/gamification/badge-evaluator.service.js';
import { SeedService } from '../../../src/database/seeds/seed.service.js';
import { LESSON_QUIZ, SAVE_ANSWER, START_ATTEMPT, SUBMIT_ATTEMPT } from '../../factories/quiz.factory.js';
import type { AnyData } from '../../utils/gql.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { SEED_DEMO: 'true' } });
}, 180_000);
afterAll(() => app?.close());

const QUIZ_LESSON_ID = DEMO_IDS.lessons[DEMO_IDS.lessons.length - 1];

interface QuestionRow extends QuestionMeta {
  id: string;
  type: QuestionType;
  body: QuestionBody;
  category_path: string[];
  category_en: string;
}

async function bank(): Promise<QuestionRow[]> {
  return app.dataSource.query(
    `WITH RECURSIVE up AS (
       SELECT q.id AS question_id, c.id, c.parent_id, c.name_ko, 0 AS depth
         FROM questions q JOIN question_categories c ON c.id = q.category_id
       UNION ALL
       SELECT up.question_id, c.id, c.parent_id, c.name_ko, up.depth + 1
         FROM up JOIN question_categories c ON c.id = up.parent_id)
     SELECT q.id, q.type, q.body, q.prompt_ko AS "promptKo", q.prompt_en AS "promptEn",
            q.explanation_ko AS "explanationKo", q.explanation_en AS "explanationEn", q.image_url AS "imageUrl",
            q.difficulty, q.points, q.tags, c.name_en AS category_en,
            (SELECT array_agg(up.name_ko ORDER BY up.depth DESC) FROM up WHERE up.question_id = q.id) AS category_path
       FROM questions q JOIN question_categories c ON c.id = q.category_id
      ORDER BY q.id`,
  );
}

/** Row counts of everything the demo seed writes. */
async function counts(): Promise<Record<string, number>> {
  const tables = [
    'question_categories',
    'questions',
    'question_versions',
    'quizzes',
    'quiz_slots',
    'quiz_attempts',
    'attempt_questions',
    'courses',
    'course_versions',
    'lessons',
    'course_enrolments',
    'lesson_progress',
    'credit_entries',
    'campaigns',
    'events',
    'event_sessions',
    'event_registrations',
    'event_check_ins',
    'live_games',
    'live_rounds',
    'badges',
    'badge_awards',
  ];
  const result: Record<string, number> = {};
  for (const table of tables) {
    const [{ n }] = await app.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    result[table] = n;
  }
  return result;
}

describe('the demo question bank', () => {
  it('holds every demo question, at least 32, with every type at least three times', async () => {
    const rows = await bank();
    expect(DEMO_QUESTIONS.length).toBeGreaterThanOrEqual(32);
    expect(rows.map((r) => r.id).sort()).toEqual(DEMO_QUESTIONS.map((q) => q.id).sort());
    for (const type of QUESTION_TYPES) {
      expect(rows.filter((r) => r.type === type).length, type).toBeGreaterThanOrEqual(3);
    }
    const byId = new Map(DEMO_QUESTIONS.map((q) => [q.id, q]));
    for (const row of rows) {
      expect(row.category_path, row.id).toEqual(byId.get(row.id)!.categoryPath);
      // Categories the seed made carry English names too.
      expect(row.category_en).toBe(DEMO_CATEGORY_NAMES_EN[row.category_path.at(-1)!]);
    }
  });

  it('stores questions that parse again as drafts, with ko and en explanations', async () => {
    for (const row of await bank()) {
      const { id, type, body, category_path: _path, category_en: _en, ...meta } = row;
      const draft = draftOf(meta, body);
      const parsed = parseQuestionDraft(draft, () => {
        throw new Error(`${id}: every option, item and pair has a stored id`);
      });
      expect(parsed.ok ? [] : parsed.problems, id).toEqual([]);
      expect(draft.type).toBe(type);
      expect(draft.explanationKo?.trim(), id).not.toBe('');
      expect(draft.explanationEn?.trim(), id).not.toBe('');
      expect(draft.tags.length, id).toBeGreaterThan(0);
      // Stored as written: the ids in the file are the ids in the bank.
      expect(body, id).toEqual(
        (() => {
          const source = parseQuestionDraft(DEMO_QUESTIONS.find((q) => q.id === id)!.draft, () => 'new');
          return source.ok ? source.body : null;
        })(),
      );
    }
  });

  it('has a demo quiz with its fixed questions and a draw, last in the published demo course', async () => {
    const [quiz] = await app.dataSource.query(`SELECT * FROM quizzes WHERE id = $1`, [DEMO_QUIZ.id]);
    expect(quiz).toMatchObject({
      title_ko: '청렴 기본 퀴즈',
      title_en: 'Integrity basics quiz',
      pass_percent: 60,
      time_limit_seconds: 600,
      max_attempts: 3,
      grading_method: 'HIGHEST',
      shuffle_questions: true,
      shuffle_options: true,
      feedback_mode: 'AFTER_SUBMIT',
      layout: 'ONE_PER_PAGE',
      credit_minutes: 10,
    });
    const slots: AnyData[] = await app.dataSource.query(
      `SELECT s.position, s.question_id, s.draw_count, q.type, c.name_ko AS category
         FROM quiz_slots s LEFT JOIN questions q ON q.id = s.question_id
         LEFT JOIN question_categories c ON c.id = s.category_id
        WHERE s.quiz_id = $1 ORDER BY s.position`,
      [DEMO_QUIZ.id],
    );
    expect(slots.map((s) => s.question_id).slice(0, -1)).toEqual(DEMO_QUIZ.fixedQuestionIds);
    expect(new Set(slots.slice(0, -1).map((s) => s.type)).size).toBe(DEMO_QUIZ.fixedQuestionIds.length);
    expect(slots.at(-1)).toMatchObject({ question_id: null, draw_count: 3, category: '이해충돌방지법' });
    expect(slots.reduce((n, s) => n + s.draw_count, 0)).toBe(8);

    // The quiz lesson is the last lesson of the last module of the published demo course.
    const lessons: AnyData[] = await app.dataSource.query(
      `SELECT l.id, l.kind, l.content, v.status
         FROM lessons l JOIN course_sections s ON s.id = l.section_id JOIN course_versions v ON v.id = l.version_id
        WHERE v.course_id = $1 ORDER BY s.position, l.position`,
      [DEMO_IDS.course],
    );
    expect(lessons.at(-1)).toMatchObject({
      id: QUIZ_LESSON_ID,
      kind: 'QUIZ',
      status: 'PUBLISHED',
      content: { kind: 'QUIZ', quizId: DEMO_QUIZ.id },
    });
  });

  it('gives every seeded graduate of the demo course a passed quiz and its credit', async () => {
    const rows: AnyData[] = await app.dataSource.query(
      `SELECT e.person_id,
              (SELECT bool_or(a.passed) FROM quiz_attempts a WHERE a.enrolment_id = e.id) AS passed,
              (SELECT count(*)::int FROM quiz_attempts a WHERE a.enrolment_id = e.id) AS attempts,
              (SELECT count(*)::int FROM lesson_progress p WHERE p.enrolment_id = e.id AND p.completed_at IS NOT NULL) AS lessons,
              (SELECT count(*)::int FROM credit_entries c
                WHERE c.person_id = e.person_id AND c.source_kind = 'QUIZ' AND c.source_id = $2) AS quiz_credits
         FROM course_enrolments e WHERE e.course_id = $1 AND e.completed_at IS NOT NULL`,
      [DEMO_IDS.course, DEMO_QUIZ.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ passed: true, lessons: DEMO_IDS.lessons.length, quiz_credits: 1 });
    }
    // Some needed a second attempt; every attempt holds eight questions, graded.
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
    const [{ wrong }] = await app.dataSource.query(
      `SELECT count(*)::int AS wrong FROM quiz_attempts a
        WHERE a.quiz_id = $1 AND (a.status <> 'SUBMITTED'
           OR (SELECT count(*) FROM attempt_questions aq WHERE aq.attempt_id = a.id AND aq.score IS NOT NULL) <> 8)`,
      [DEMO_QUIZ.id],
    );
    expect(wrong).toBe(0);
  });
});

describe('the demo quiz lesson', () => {
  it('lets the demo employee take the quiz; passing it completes the demo course', async () => {
    const employee = await app.client().login('employee@palma.go.kr', DEMO_PASSWORD);
    const { enrolInCourse } = await employee.ok(
      `mutation($c: ID!) { enrolInCourse(courseId: $c) { id completedAt lessonCount } }`,
      { c: DEMO_IDS.course },
    );
    expect(enrolInCourse).toMatchObject({ completedAt: null, lessonCount: DEMO_IDS.lessons.length });

    // The course is sequential: the quiz opens only after the earlier lessons.
    expect(await employee.code(START_ATTEMPT, { e: enrolInCourse.id, l: QUIZ_LESSON_ID })).toBe(
      'LESSON_LOCKED',
    );
    // Skip the reading timer and the video: mark the first lessons done directly.
    await app.dataSource.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id, completed_at)
       SELECT $1, unnest($2::uuid[]), now()`,
      [enrolInCourse.id, DEMO_IDS.lessons.slice(0, -1)],
    );

    const { startQuizAttempt: attempt } = await employee.ok(START_ATTEMPT, {
      e: enrolInCourse.id,
      l: QUIZ_LESSON_ID,
    });
    expect(attempt).toMatchObject({ number: 1, status: 'IN_PROGRESS', quizId: DEMO_QUIZ.id });
    expect(attempt.questions).toHaveLength(8);
    expect(attempt.deadlineAt).not.toBeNull();

    const bodies: { id: string; body: QuestionBody }[] = await app.dataSource.query(
      `SELECT aq.id, v.body FROM attempt_questions aq JOIN question_versions v ON v.id = aq.question_version_id
        WHERE aq.attempt_id = $1`,
      [attempt.id],
    );
    for (const { id, body } of bodies) {
      await employee.ok(SAVE_ANSWER, {
        i: { attemptId: attempt.id, attemptQuestionId: id, ...rightAnswerOf(body) },
      });
    }
    const { submitQuizAttempt: graded } = await employee.ok(SUBMIT_ATTEMPT, { a: attempt.id });
    expect(graded).toMatchObject({ status: 'SUBMITTED', percent: 100, passed: true });
    expect(graded.questions.every((q: AnyData) => q.review?.correct === true)).toBe(true);
    expect(graded.questions.every((q: AnyData) => q.review.explanationKo.length > 0)).toBe(true);

    const { lessonQuiz } = await employee.ok(LESSON_QUIZ, { e: enrolInCourse.id, l: QUIZ_LESSON_ID });
    expect(lessonQuiz).toMatchObject({
      passed: true,
      lessonCompleted: true,
      attemptsLeft: 2,
      questionCount: 8,
    });
    const [{ completed_at }] = await app.dataSource.query(
      `SELECT completed_at FROM course_enrolments WHERE id = $1`,
      [enrolInCourse.id],
    );
    expect(completed_at).not.toBeNull();
  });
});

describe('the demo events', () => {
  it('are published with seats kept by the database, a waitlist, and a past talk whose attendance was credited', async () => {
    const sessions: AnyData[] = await app.dataSource.query(
      `SELECT s.id, s.capacity, s.confirmed_count, s.waitlist_count, s.checked_in_count,
              (SELECT count(*)::int FROM event_registrations r WHERE r.session_id = s.id AND r.status = 'CONFIRMED') AS confirmed,
              (SELECT count(*)::int FROM event_registrations r WHERE r.session_id = s.id AND r.status = 'WAITLISTED') AS waiting
         FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE e.id = ANY($1::uuid[])`,
      [DEMO_EVENTS.map((e) => e.id)],
    );
    expect(sessions).toHaveLength(DEMO_EVENTS.reduce((n, e) => n + e.sessionIds.length, 0));
    for (const s of sessions) {
      expect(s.confirmed_count).toBe(s.confirmed);
      expect(s.waitlist_count).toBe(s.waiting);
    }
    expect(sessions.some((s) => s.waiting > 0 && s.confirmed === s.capacity)).toBe(true);
    const credited = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM credit_entries WHERE source_kind = 'EVENT_ATTENDANCE'`,
    );
    expect(credited[0].n).toBe(sessions.reduce((n, s) => n + s.checked_in_count, 0));
    expect(credited[0].n).toBeGreaterThan(0);
    // The documented employee is left with nothing, so a visitor can try registering from scratch.
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM event_registrations r JOIN people p ON p.id = r.person_id WHERE p.email = 'employee@palma.go.kr'`,
    );
    expect(n).toBe(0);
  });
});

describe('the demo live game', () => {
  it('is a Golden Bell in its lobby at PIN 246810 with a balloon round, and a guest can join it', async () => {
    const [game] = await app.dataSource.query(
      `SELECT g.mode, g.phase, g.round_count AS "roundCount", g.event_session_id AS "sessionId", p.email,
              (SELECT array_agg(r.kind ORDER BY r.position) FROM live_rounds r WHERE r.game_id = g.id) AS kinds
         FROM live_games g JOIN people p ON p.id = g.host_id WHERE g.id = $1`,
      [DEMO_LIVE_GAME_ID],
    );
    expect(game).toMatchObject({ mode: 'GOLDEN_BELL', phase: 'LOBBY', email: 'trainer@palma.go.kr' });
    expect(game.sessionId).not.toBeNull();
    expect(game.kinds).toHaveLength(game.roundCount);
    expect(game.kinds.filter((k: string) => k === 'BALLOON')).toHaveLength(1);
    const lookup = await app
      .client()
      .ok(`query($p: String!) { liveGameByPin(pin: $p) { gameId mode joiningOpen } }`, {
        p: DEMO_LIVE_PIN,
      });
    expect(lookup.liveGameByPin).toEqual({
      gameId: DEMO_LIVE_GAME_ID,
      mode: 'GOLDEN_BELL',
      joiningOpen: true,
    });
  });
});

describe('the demo badges', () => {
  it('are awarded at seeding to the demo people who qualify, as already celebrated', async () => {
    const badges = await app.dataSource.query(`SELECT id FROM badges WHERE status = 'ACTIVE' ORDER BY id`);
    expect(badges.map((b: { id: string }) => b.id)).toEqual(DEMO_BADGES.map((b) => b.id).sort());
    const [{ awards, uncelebrated }] = await app.dataSource.query(
      `SELECT count(*)::int AS awards, count(*) FILTER (WHERE celebrated_at IS NULL)::int AS uncelebrated FROM badge_awards`,
    );
    expect(awards).toBeGreaterThan(0);
    expect(uncelebrated).toBe(0);
    // The employee who passed the quiz above finished the course since: the evaluator awards
    // "first step" to them too, to be celebrated. Then every graduate holds it, nobody else.
    await app.palma.app.get(BadgeEvaluatorService).drain();
    const graduates = await app.dataSource.query(
      `SELECT DISTINCT person_id FROM course_enrolments WHERE completed_at IS NOT NULL ORDER BY person_id`,
    );
    const firstStep = await app.dataSource.query(
      `SELECT person_id FROM badge_awards WHERE badge_id = $1 ORDER BY person_id`,
      [DEMO_BADGES[0].id],
    );
    expect(graduates.length).toBeGreaterThan(1);
    expect(firstStep).toEqual(graduates);
    const [{ fresh }] = await app.dataSource.query(
      `SELECT count(*)::int AS fresh FROM badge_awards WHERE celebrated_at IS NULL AND badge_id = $1`,
      [DEMO_BADGES[0].id],
    );
    expect(fresh).toBe(1);
  });
});

describe('seeding again', () => {
  it('writes nothing: a second start finds the demo data and leaves it alone', async () => {
    const before = await counts();
    await app.palma.app.get(SeedService).seedDemoIfEnabled();
    expect(await counts()).toEqual(before);
  });
});
