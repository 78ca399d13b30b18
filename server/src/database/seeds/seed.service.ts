import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import {
  DEFAULT_XP_RULES,
  gradeAnswer,
  percentOf,
  pointsFor,
  presentationOf,
  quizSettingsSchema,
  seededShuffle,
  type QuestionBody,
} from '@palma/shared';
import { AuthService } from '../../modules/auth/auth.service.js';
import { CampaignsService } from '../../modules/campaigns/campaigns.service.js';
import { parsedDraftOrThrow, QuestionBankService } from '../../modules/quizzes/question-bank.service.js';
import { seedDemoEvents } from './demo-events.js';
import { seedDemoLiveGame } from './demo-live.js';
import { seedDemoBadges } from './demo-badges.js';
import { BadgeEvaluatorService } from '../../modules/gamification/badge-evaluator.service.js';
import { DEMO_DEPARTMENTS, DEMO_PASSWORD, demoPeople } from './demo-organisation.js';
import {
  DEMO_CATEGORY_NAMES_EN,
  DEMO_QUESTIONS,
  DEMO_QUIZ,
  rightAnswerOf,
  wrongAnswerOf,
} from './demo-questions.js';
import { DEMO_COURSE, DEMO_IDS, DEMO_LESSONS } from './demo-training.js';

const DAY = 86_400_000;
/** Staff who finished the demo course, staff half-way through it (the rest have not started). */
const DEMO_DONE = [
  'P0005',
  'P1002',
  'P2001',
  'P2002',
  'P2003',
  'P2004',
  'P2006',
  'P2007',
  'P2009',
  'P2013',
  'P2019',
  'P2025',
];
const DEMO_HALFWAY = ['P2005', 'P2008', 'P2010', 'P2014', 'P2020', 'P2026'];
/** Of those half-way, these got a due-date extension in the first-half campaign. */
const DEMO_EXTENDED = ['P2005', 'P2014'];

/** A question version as an attempt shows it. */
interface DemoVersion {
  id: string;
  points: number;
  body: QuestionBody;
}

/** What the seeded attempts at the demo quiz draw from: its fixed questions and the draw's pool. */
interface DemoQuizMaterial {
  fixed: DemoVersion[];
  pool: DemoVersion[];
}

const pathKey = (path: readonly string[]) => path.join('\u0000');

/**
 * Seeds the demo organisation. Idempotent: rows are keyed by department code and employee number
 * and inserted only when missing, so a restart (or a second run) changes nothing.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly campaigns: CampaignsService,
    private readonly bank: QuestionBankService,
    private readonly badges: BadgeEvaluatorService,
  ) {}

  async seedDemoIfEnabled(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.seedDemo();
    // The bank and quiz first: the demo course ends with a lesson of that quiz.
    await this.seedDemoQuiz();
    await this.seedDemoTraining();
    await this.seedDemoEvents();
    await this.seedDemoLiveGame();
    await this.seedDemoBadges();
  }

  /**
   * Demo badges, awarded at once to the demo people who qualify. Those awards count as already
   * celebrated: the celebration is for badges earned while using Palma.
   */
  async seedDemoBadges(): Promise<void> {
    const created = await this.dataSource.transaction((em) => seedDemoBadges(em));
    if (!created) return;
    const { awarded } = await this.badges.drain();
    await this.dataSource.query(
      `UPDATE badge_awards SET celebrated_at = awarded_at WHERE celebrated_at IS NULL`,
    );
    this.logger.log(`Seeded the demo badges (${awarded} awarded)`);
  }

  /** A Golden Bell in its lobby (PIN 246810), hosted by the demo trainer, for the 골든벨 contest. */
  async seedDemoLiveGame(): Promise<void> {
    const [trainer] = await this.dataSource.query(`SELECT id FROM people WHERE employee_number = 'P0002'`);
    if (!trainer) return;
    const created = await this.dataSource.transaction((em) => seedDemoLiveGame(em, trainer.id));
    if (created) this.logger.log('Seeded the demo live game');
  }

  /** Concerts, a Golden Bell, a play, talks — with registrations, a waitlist and past attendance. */
  async seedDemoEvents(now = new Date()): Promise<void> {
    const people: { id: string; employee_number: string }[] = await this.dataSource.query(
      `SELECT id, employee_number FROM people`,
    );
    const byNumber = new Map(people.map((p) => [p.employee_number, p]));
    const trainer = byNumber.get('P0002');
    if (!trainer) return;
    const created = await this.dataSource.transaction((em) => seedDemoEvents(em, byNumber, trainer.id, now));
    if (created) this.logger.log('Seeded the demo events');
  }

  async seedDemo(): Promise<void> {
    const people = demoPeople();
    const newPeople = await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO departments (code, name_ko, name_en)
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) ON CONFLICT (code) DO NOTHING`,
        [
          DEMO_DEPARTMENTS.map((d) => d.code),
          DEMO_DEPARTMENTS.map((d) => d.nameKo),
          DEMO_DEPARTMENTS.map((d) => d.nameEn),
        ],
      );
      // Parents only for departments that have none yet, so an admin's later moves are kept.
      await em.query(
        `UPDATE departments d SET parent_id = p.id
           FROM unnest($1::varchar[], $2::varchar[]) AS v(code, parent_code)
           JOIN departments p ON p.code = v.parent_code
          WHERE d.code = v.code AND d.parent_id IS NULL`,
        [DEMO_DEPARTMENTS.map((d) => d.code), DEMO_DEPARTMENTS.map((d) => d.parent)],
      );
      const inserted: { id: string; employee_number: string }[] = await em.query(
        `INSERT INTO people (employee_number, name, email, rank, job_title, department_id, roles, locale)
         SELECT v.n, v.nm, v.e, v.r, v.j, d.id, string_to_array(v.ro, ','), v.l
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                       $7::text[], $8::varchar[]) AS v(n, nm, e, r, j, dept, ro, l)
           JOIN departments d ON d.code = v.dept
         ON CONFLICT DO NOTHING
         RETURNING id, employee_number`,
        [
          people.map((p) => p.employeeNumber),
          people.map((p) => p.name),
          people.map((p) => p.email),
          people.map((p) => p.rank),
          people.map((p) => p.jobTitle),
          people.map((p) => p.department),
          people.map((p) => p.roles.join(',')),
          people.map((p) => p.locale),
        ],
      );
      await em.query(
        `UPDATE departments d SET head_id = p.id
           FROM unnest($1::varchar[], $2::varchar[]) AS v(code, head)
           JOIN people p ON p.employee_number = v.head
          WHERE d.code = v.code AND d.head_id IS NULL`,
        [DEMO_DEPARTMENTS.map((d) => d.code), DEMO_DEPARTMENTS.map((d) => d.head)],
      );
      return inserted;
    });
    for (const person of newPeople) await this.auth.setPassword(person.id, DEMO_PASSWORD, false);
    if (newPeople.length > 0) this.logger.log(`Seeded the demo organisation (${newPeople.length} people)`);
  }

  /**
   * A real integrity course (Korean with English) and two campaigns with people in every state:
   * done, in progress, not started, overdue and extended. Dates are relative to the first start.
   * Idempotent: the fixed course id marks it as seeded.
   */
  async seedDemoTraining(now = new Date()): Promise<void> {
    const people: { id: string; employee_number: string; name: string; locale: string }[] =
      await this.dataSource.query(`SELECT id, employee_number, name, locale FROM people`);
    const byNumber = new Map(people.map((p) => [p.employee_number, p]));
    const trainer = byNumber.get('P0002');
    const admin = byNumber.get('P0001');
    if (!trainer || !admin) return;
    const at = (days: number) => new Date(now.getTime() + days * DAY);
    const created = await this.dataSource.transaction(async (em) => {
      const inserted = await em.query(
        `INSERT INTO courses (id, created_by_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [DEMO_IDS.course, trainer.id, at(-200)],
      );
      if (inserted.length === 0) return false;
      await em.query(
        `INSERT INTO course_versions (id, course_id, version, status, title_ko, title_en, description_ko, description_en,
                                      category, credit_minutes, estimated_minutes, tags, sequential, published_at)
         VALUES ($1, $2, 1, 'PUBLISHED', $3, $4, $5, $6, 'INTEGRITY_LAW', 60, 50, $7, true, $8)`,
        [
          DEMO_IDS.version,
          DEMO_IDS.course,
          DEMO_COURSE.titleKo,
          DEMO_COURSE.titleEn,
          DEMO_COURSE.descriptionKo,
          DEMO_COURSE.descriptionEn,
          ['청탁금지법', '금품수수', 'gifts'],
          at(-190),
        ],
      );
      const sections = [
        ['금품등 수수 금지의 원칙', 'The rule'],
        ['실전 상황과 서약', 'Cases and pledge'],
      ];
      for (const [i, [ko, en]] of sections.entries()) {
        await em.query(
          `INSERT INTO course_sections (id, version_id, position, title_ko, title_en) VALUES ($1, $2, $3, $4, $5)`,
          [DEMO_IDS.sections[i], DEMO_IDS.version, i + 1, ko, en],
        );
      }
      for (const [i, lesson] of DEMO_LESSONS.entries()) {
        await em.query(
          `INSERT INTO lessons (id, section_id, version_id, position, kind, title_ko, title_en, content)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            DEMO_IDS.lessons[i],
            DEMO_IDS.sections[lesson.section],
            DEMO_IDS.version,
            i + 1,
            lesson.kind,
            lesson.titleKo,
            lesson.titleEn,
            JSON.stringify(lesson.content),
          ],
        );
      }
      // Learners' history: enrolments, lesson progress, pledges, quiz attempts and the ledger entries
      // they earned. Those who finished passed the final quiz (some at the second attempt).
      const quiz = await this.demoQuizMaterial(em);
      if (!quiz) this.logger.warn('The demo quiz is missing: seeded learners get no quiz attempts');
      const learners = [
        ...DEMO_DONE.map((n, i) => ({ n, lessons: DEMO_LESSONS.length, finishedDaysAgo: 3 + i * 4 })),
        ...DEMO_HALFWAY.map((n, i) => ({ n, lessons: 2, finishedDaysAgo: 2 + i })),
      ];
      for (const [index, learner] of learners.entries()) {
        const person = byNumber.get(learner.n);
        if (!person) continue;
        const done = learner.lessons === DEMO_LESSONS.length;
        const finished = at(-learner.finishedDaysAgo);
        const [{ id: enrolmentId }] = await em.query(
          `INSERT INTO course_enrolments (person_id, course_id, version_id, started_at, completed_at, last_lesson_id)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            person.id,
            DEMO_IDS.course,
            DEMO_IDS.version,
            new Date(finished.getTime() - DAY),
            done ? finished : null,
            DEMO_IDS.lessons[learner.lessons - 1],
          ],
        );
        for (let i = 0; i < learner.lessons; i++) {
          const lessonDone = new Date(finished.getTime() - (learner.lessons - i) * 600_000);
          const state =
            DEMO_LESSONS[i].kind === 'DILEMMA'
              ? { dilemmaPath: ['return', 'explain'] }
              : DEMO_LESSONS[i].kind === 'VIDEO'
                ? { watchedPercent: 100 }
                : {};
          await em.query(
            `INSERT INTO lesson_progress (enrolment_id, lesson_id, started_at, completed_at, state) VALUES ($1, $2, $3, $4, $5)`,
            [
              enrolmentId,
              DEMO_IDS.lessons[i],
              new Date(lessonDone.getTime() - 300_000),
              lessonDone,
              JSON.stringify(state),
            ],
          );
          await em.query(
            `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
             VALUES ($1, 'LESSON', $2, 0, $3, $4, $5)`,
            [
              person.id,
              DEMO_IDS.lessons[i],
              DEFAULT_XP_RULES.LESSON_COMPLETED.xp,
              DEMO_LESSONS[i].titleKo,
              lessonDone,
            ],
          );
          if (DEMO_LESSONS[i].kind === 'QUIZ' && quiz) {
            await this.seedDemoAttempts(em, quiz, index, {
              personId: person.id,
              enrolmentId,
              lessonId: DEMO_IDS.lessons[i],
              passedAt: lessonDone,
            });
          }
          if (DEMO_LESSONS[i].kind === 'PLEDGE' && DEMO_LESSONS[i].content.kind === 'PLEDGE') {
            const content = DEMO_LESSONS[i].content as { textKo: string; textEn: string };
            await em.query(
              `INSERT INTO pledge_signatures (person_id, lesson_id, signed_text, typed_name, signed_at) VALUES ($1, $2, $3, $4, $5)`,
              [
                person.id,
                DEMO_IDS.lessons[i],
                person.locale === 'en' ? content.textEn : content.textKo,
                person.name,
                lessonDone,
              ],
            );
            await em.query(
              `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
               VALUES ($1, 'PLEDGE', $2, 0, $3, $4, $5)`,
              [
                person.id,
                DEMO_IDS.lessons[i],
                DEFAULT_XP_RULES.PLEDGE_SIGNED.xp,
                DEMO_LESSONS[i].titleKo,
                lessonDone,
              ],
            );
          }
        }
        if (done) {
          await em.query(
            `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
             VALUES ($1, 'COURSE_COMPLETION', $2, 60, $3, $4, $5)`,
            [
              person.id,
              DEMO_IDS.version,
              DEFAULT_XP_RULES.COURSE_COMPLETED.xp,
              DEMO_COURSE.titleKo,
              finished,
            ],
          );
        }
      }
      // Two campaigns: the first half is past its due date, the second half is running.
      await em.query(
        `INSERT INTO campaigns (id, name_ko, name_en, description_ko, description_en, period_start, period_end, due_at, status, created_by_id)
         VALUES ($1, '2026년 상반기 청렴교육', '2026 first-half integrity training', $2, $3, $4, $5, $6, 'DRAFT', $7),
                ($8, '2026년 하반기 청렴교육', '2026 second-half integrity training', $9, $10, $11, $12, $13, 'DRAFT', $7)`,
        [
          DEMO_IDS.firstHalf,
          '전 직원 60분, 청탁금지법 핵심 과정 필수',
          'Everyone: 60 minutes, including the Graft Act course',
          at(-120),
          at(30),
          at(-5),
          admin.id,
          DEMO_IDS.secondHalf,
          '전 직원 120분; 5급 이상·계약과는 300분과 필수 과정',
          'Everyone 120 minutes; grade 5 and above and the contracts division 300 minutes and the required course',
          at(-60),
          at(100),
          at(40),
        ],
      );
      const [contracts] = await em.query(`SELECT id FROM departments WHERE code = 'ADM-CON'`);
      await em.query(
        `INSERT INTO campaign_tiers (id, campaign_id, position, name_ko, name_en, everyone, department_ids, include_subdepartments, ranks, roles, minutes_target)
         VALUES ($1, $2, 1, '전 직원', 'Everyone', true, '{}', true, '{}', '{}', 60),
                ($3, $4, 1, '전 직원', 'Everyone', true, '{}', true, '{}', '{}', 120),
                ($5, $4, 2, '5급 이상·계약과', 'Grade 5 and above, contracts', false, $6, true, $7, '{}', 300)`,
        [
          DEMO_IDS.firstHalfTier,
          DEMO_IDS.firstHalf,
          DEMO_IDS.secondHalfTier,
          DEMO_IDS.secondHalf,
          DEMO_IDS.seniorTier,
          contracts ? [contracts.id] : [],
          ['1급', '2급', '3급', '4급', '5급'],
        ],
      );
      await em.query(`INSERT INTO campaign_required_courses (tier_id, course_id) VALUES ($1, $3), ($2, $3)`, [
        DEMO_IDS.firstHalfTier,
        DEMO_IDS.seniorTier,
        DEMO_IDS.course,
      ]);
      return true;
    });
    if (!created) return;
    await this.campaigns.activate(DEMO_IDS.firstHalf);
    await this.campaigns.activate(DEMO_IDS.secondHalf);
    for (const n of DEMO_EXTENDED) {
      const person = byNumber.get(n);
      if (!person) continue;
      const [assignment] = await this.dataSource.query(
        `SELECT id FROM campaign_assignments WHERE campaign_id = $1 AND person_id = $2`,
        [DEMO_IDS.firstHalf, person.id],
      );
      if (!assignment) continue;
      await this.dataSource.query(
        `INSERT INTO due_date_extensions (assignment_id, previous_due_at, new_due_at, reason, granted_by_id)
         VALUES ($1, $2, $3, '병가로 인한 연장 (demo)', $4)`,
        [assignment.id, at(-5), at(20), admin.id],
      );
      await this.dataSource.query(`UPDATE campaign_assignments SET due_at_override = $2 WHERE id = $1`, [
        assignment.id,
        at(20),
      ]);
    }
    this.logger.log('Seeded the demo course and the 2026 campaigns');
  }

  /**
   * The demo question bank (청탁금지법, 이해충돌방지법, 공무원 행동강령) through the bank's own category
   * and question inserts, and the demo quiz with its slots. Idempotent: the fixed quiz id marks it
   * as seeded, so a bank and quiz the trainers have changed since are left alone.
   */
  async seedDemoQuiz(now = new Date()): Promise<void> {
    const [trainer]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM people WHERE employee_number = 'P0002'`,
    );
    if (!trainer) return;
    const settings = quizSettingsSchema.parse(DEMO_QUIZ.settings);
    const createdAt = new Date(now.getTime() - 195 * DAY);
    const seeded = await this.dataSource.transaction(async (em) => {
      const inserted: unknown[] = await em.query(
        `INSERT INTO quizzes (id, title_ko, title_en, description_ko, description_en, pass_percent, time_limit_seconds,
                              max_attempts, grading_method, shuffle_questions, shuffle_options, feedback_mode, layout,
                              due_at, credit_minutes, created_by_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [
          DEMO_QUIZ.id,
          settings.titleKo,
          settings.titleEn,
          settings.descriptionKo,
          settings.descriptionEn,
          settings.passPercent,
          settings.timeLimitSeconds,
          settings.maxAttempts,
          settings.gradingMethod,
          settings.shuffleQuestions,
          settings.shuffleOptions,
          settings.feedbackMode,
          settings.layout,
          settings.dueAt,
          settings.creditMinutes,
          trainer.id,
          createdAt,
        ],
      );
      if (inserted.length === 0) return false;

      // Categories: found by name where trainers already made them, else made (in Korean, then named in English).
      await this.bank.lockCategories(em);
      const categoryIds = new Map<string, string>();
      const named: { id: string; en: string }[] = [];
      for (const path of [...DEMO_QUESTIONS.map((q) => q.categoryPath), DEMO_QUIZ.draw.categoryPath]) {
        for (let depth = 1; depth <= path.length; depth++) {
          const prefix = path.slice(0, depth);
          if (categoryIds.has(pathKey(prefix))) continue;
          const id = await this.bank.ensureCategoryPath(em, null, prefix);
          if (!id) throw new Error(`No category for ${prefix.join(' / ')}`);
          categoryIds.set(pathKey(prefix), id);
          named.push({ id, en: DEMO_CATEGORY_NAMES_EN[prefix[depth - 1]] ?? prefix[depth - 1] });
        }
      }
      await em.query(
        `UPDATE question_categories c SET name_en = v.en
           FROM unnest($1::uuid[], $2::varchar[]) AS v(id, en)
          WHERE c.id = v.id AND c.name_en = c.name_ko`,
        [named.map((c) => c.id), named.map((c) => c.en)],
      );

      await this.bank.insertQuestions(
        em,
        trainer.id,
        DEMO_QUESTIONS.map((q) => ({
          id: q.id,
          categoryId: categoryIds.get(pathKey(q.categoryPath))!,
          ...parsedDraftOrThrow(q.draft),
        })),
      );
      // Written before the learners' history below, like the course.
      const ids = DEMO_QUESTIONS.map((q) => q.id);
      await em.query(
        `UPDATE questions SET created_at = $2, updated_at = $2 WHERE id = ANY($1) AND version = 1 AND created_by_id = $3`,
        [ids, createdAt, trainer.id],
      );
      await em.query(
        `UPDATE question_versions SET created_at = $2 WHERE question_id = ANY($1) AND version = 1`,
        [ids, createdAt],
      );

      const slots = [
        ...DEMO_QUIZ.fixedQuestionIds.map((questionId) => ({ questionId, categoryId: null, drawCount: 1 })),
        {
          questionId: null,
          categoryId: categoryIds.get(pathKey(DEMO_QUIZ.draw.categoryPath))!,
          drawCount: DEMO_QUIZ.draw.count,
        },
      ];
      for (const [i, slot] of slots.entries()) {
        await em.query(
          `INSERT INTO quiz_slots (quiz_id, position, question_id, category_id, draw_count, difficulty, include_subcategories)
           VALUES ($1, $2, $3, $4, $5, NULL, true)`,
          [DEMO_QUIZ.id, i + 1, slot.questionId, slot.categoryId, slot.drawCount],
        );
      }
      return true;
    });
    if (seeded)
      this.logger.log(`Seeded the demo question bank (${DEMO_QUESTIONS.length} questions) and quiz`);
  }

  /** The current versions of the demo quiz's questions, or null when the quiz was not seeded. */
  private async demoQuizMaterial(em: EntityManager): Promise<DemoQuizMaterial | null> {
    const drawPath = pathKey(DEMO_QUIZ.draw.categoryPath);
    const poolIds = DEMO_QUESTIONS.filter(
      (q) => pathKey(q.categoryPath) === drawPath && !DEMO_QUIZ.fixedQuestionIds.includes(q.id),
    ).map((q) => q.id);
    const rows: (DemoVersion & { question_id: string })[] = await em.query(
      `SELECT v.id, v.question_id, v.points, v.body
         FROM question_versions v JOIN questions q ON q.id = v.question_id AND q.version = v.version
        WHERE v.question_id = ANY($1) AND EXISTS (SELECT 1 FROM quizzes WHERE id = $2)`,
      [[...DEMO_QUIZ.fixedQuestionIds, ...poolIds], DEMO_QUIZ.id],
    );
    const byQuestion = new Map(
      rows.map((r) => [r.question_id, { id: r.id, points: r.points, body: r.body }]),
    );
    const fixed = DEMO_QUIZ.fixedQuestionIds.map((id) => byQuestion.get(id));
    const pool = poolIds.flatMap((id) => byQuestion.get(id) ?? []);
    if (fixed.some((v) => !v) || pool.length < DEMO_QUIZ.draw.count) return null;
    return { fixed: fixed as DemoVersion[], pool };
  }

  /**
   * A finished learner's attempts at the demo quiz, graded as the quiz engine grades them: some
   * perfect, some with a miss or two, and every fourth learner failing once before passing.
   * Credits the pass (and a perfect score) like the engine does.
   */
  private async seedDemoAttempts(
    em: EntityManager,
    quiz: DemoQuizMaterial,
    index: number,
    who: { personId: string; enrolmentId: string; lessonId: string; passedAt: Date },
  ): Promise<void> {
    const { passPercent, timeLimitSeconds, shuffleOptions, creditMinutes, titleKo } = DEMO_QUIZ.settings;
    const misses = [[0], [1], [2], [5, 1]][index % 4];
    let perfectAt: Date | null = null;
    for (const [k, planned] of misses.entries()) {
      const seed = 7_919 * (index + 1) + 31 * k;
      const drawn = seededShuffle(quiz.pool, seed).slice(0, DEMO_QUIZ.draw.count);
      const versions = seededShuffle([...quiz.fixed, ...drawn], seed + 1);
      const last = k === misses.length - 1;
      // The first `wrong` questions answered wrong; the passing attempt misses fewer if it must.
      const grade = (wrong: number) => {
        const answers = versions.map((v, i) => (i < wrong ? wrongAnswerOf(v.body) : rightAnswerOf(v.body)));
        const fractions = versions.map((v, i) => gradeAnswer(v.body, answers[i]).fraction);
        const scores = versions.map((v, i) => pointsFor(fractions[i], v.points));
        const maxScore = versions.reduce((sum, v) => sum + v.points, 0);
        const score = Math.round(scores.reduce((a, b) => a + b, 0) * 100) / 100;
        const percent = percentOf(score, maxScore);
        return { answers, fractions, scores, score, maxScore, percent, passed: percent >= passPercent };
      };
      let wrong = planned;
      let result = grade(wrong);
      while (last && !result.passed && wrong > 0) result = grade(--wrong);

      const finishedAt = new Date(who.passedAt.getTime() - (misses.length - 1 - k) * DAY);
      const startedAt = new Date(finishedAt.getTime() - 420_000);
      const [{ id: attemptId }]: { id: string }[] = await em.query(
        `INSERT INTO quiz_attempts (quiz_id, person_id, enrolment_id, lesson_id, number, status, started_at, deadline_at,
                                    finished_at, score, max_score, percent, passed)
         VALUES ($1, $2, $3, $4, $5, 'SUBMITTED', $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          DEMO_QUIZ.id,
          who.personId,
          who.enrolmentId,
          who.lessonId,
          k + 1,
          startedAt,
          new Date(startedAt.getTime() + timeLimitSeconds * 1000),
          finishedAt,
          result.score,
          result.maxScore,
          result.percent,
          result.passed,
        ],
      );
      for (const [i, version] of versions.entries()) {
        await em.query(
          `INSERT INTO attempt_questions (attempt_id, position, question_version_id, points, presentation, answer,
                                          answered_at, fraction, score)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            attemptId,
            i + 1,
            version.id,
            version.points,
            JSON.stringify(presentationOf(version.body, shuffleOptions, seed + 2 + i)),
            JSON.stringify(result.answers[i]),
            new Date(startedAt.getTime() + (i + 1) * 45_000),
            result.fractions[i],
            result.scores[i],
          ],
        );
      }
      if (result.score === result.maxScore) perfectAt ??= finishedAt;
    }
    await em.query(
      `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
       VALUES ($1, 'QUIZ', $2, $3, $4, $5, $6)`,
      [who.personId, DEMO_QUIZ.id, creditMinutes, DEFAULT_XP_RULES.QUIZ_PASSED.xp, titleKo, who.passedAt],
    );
    if (perfectAt) {
      await em.query(
        `INSERT INTO credit_entries (person_id, source_kind, source_id, minutes, xp, label, occurred_at)
         VALUES ($1, 'QUIZ_PERFECT', $2, 0, $3, $4, $5)`,
        [who.personId, DEMO_QUIZ.id, DEFAULT_XP_RULES.QUIZ_PERFECT.xp, titleKo, perfectAt],
      );
    }
  }
}
