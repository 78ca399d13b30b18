import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkAnswer,
  gradeAnswer,
  percentOf,
  pointsFor,
  presentationOf,
  quizGrade,
  QuizLimits,
  seededShuffle,
  type AttemptStatus,
  type LearnerAnswer,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { CourseLearningService } from '../courses/course-learning.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { AttemptQuestion } from './entities/attempt-question.entity.js';
import { QuestionVersion } from './entities/question-version.entity.js';
import { QuizAttempt } from './entities/quiz-attempt.entity.js';
import { QuizSlot } from './entities/quiz-slot.entity.js';
import { Quiz } from './entities/quiz.entity.js';
import { QuizErrors } from './quizzes.errors.js';
import { QuizzesService } from './quizzes.service.js';

/** What a learner sees about a quiz lesson: their attempts and where they stand. */
export interface LessonQuizState {
  quiz: Quiz;
  enrolmentId: string;
  lessonId: string;
  attempts: QuizAttempt[];
  /** Per the quiz's grading method, over finished attempts; null before the first. */
  grade: number | null;
  passed: boolean;
  lessonCompleted: boolean;
  /** Null: unlimited. */
  attemptsLeft: number | null;
  questionCount: number;
}

/** One question of an open attempt after a write, with what presenting it needs. */
export interface AnsweredQuestion {
  row: AttemptQuestion;
  version: QuestionVersion;
  attempt: QuizAttempt;
  quiz: Quiz;
}

export interface AnswerInput {
  attemptId: string;
  attemptQuestionId: string;
  answer: LearnerAnswer;
}

/** Thrown after the transaction that closed the attempt has committed. */
class ExpiredAfterClose {
  constructor(readonly attemptId: string) {}
}

/**
 * The attempt lifecycle, on the server clock only: start (questions, order and deadline fixed and
 * stored), save answers, check one (immediate feedback), submit, and closing at the deadline —
 * by the learner's next request or by the sweep, with the same result either way.
 *
 * Lock order for every write: the enrolment row (as lesson completion does), then the attempt row.
 */
@Injectable()
export class QuizAttemptsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QuizAttemptsService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly learning: CourseLearningService,
    private readonly quizzes: QuizzesService,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv === 'test') return;
    this.timer = setInterval(
      () => void this.sweep().catch((e: unknown) => this.logger.error(String(e))),
      QuizLimits.sweepIntervalSeconds * 1000,
    );
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The learner's standing in a quiz lesson; an attempt past its deadline is closed first. */
  async lessonQuiz(personId: string, enrolmentId: string, lessonId: string): Promise<LessonQuizState> {
    return this.dataSource.transaction(async (em) => {
      const scope = await this.learning.quizLessonScope(em, personId, enrolmentId, lessonId);
      const quiz = await this.quizOfLesson(em, scope.quizId, lessonId);
      await this.closeIfExpired(em, quiz, personId);
      return this.standing(em, quiz, personId, enrolmentId, lessonId);
    });
  }

  /**
   * Starts an attempt, or returns the one in progress (a retry or a second device resumes it).
   * Concurrent starts serialise on the enrolment lock; the unique keys back it up.
   */
  async start(personId: string, enrolmentId: string, lessonId: string): Promise<QuizAttempt> {
    return this.dataSource.transaction(async (em) => {
      const scope = await this.learning.quizLessonScope(em, personId, enrolmentId, lessonId);
      const quiz = await this.quizOfLesson(em, scope.quizId, lessonId);
      await this.closeIfExpired(em, quiz, personId);
      const open = await em.findOneBy(QuizAttempt, { quizId: quiz.id, personId, status: 'IN_PROGRESS' });
      if (open) return open;
      const [{ count }] = await em.query(
        `SELECT count(*)::int AS count FROM quiz_attempts WHERE quiz_id = $1 AND person_id = $2`,
        [quiz.id, personId],
      );
      if (quiz.maxAttempts !== null && count >= quiz.maxAttempts)
        throw QuizErrors.limitReached(quiz.maxAttempts);

      const versions = await this.drawQuestions(em, quiz);
      const ordered = quiz.shuffleQuestions ? seededShuffle(versions, randomInt(2 ** 31)) : versions;
      const maxScore = ordered.reduce((sum, v) => sum + v.points, 0);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO quiz_attempts (quiz_id, person_id, enrolment_id, lesson_id, number, status, deadline_at, max_score)
         VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS',
                 CASE WHEN $6::int IS NULL THEN NULL ELSE now() + make_interval(secs => $6::int) END, $7)
         RETURNING id`,
        [quiz.id, personId, enrolmentId, lessonId, count + 1, quiz.timeLimitSeconds, maxScore],
      );
      await em.insert(
        AttemptQuestion,
        ordered.map((version, i) => ({
          attemptId: id,
          position: i + 1,
          questionVersionId: version.id,
          points: version.points,
          presentation: presentationOf(version.body, quiz.shuffleOptions, randomInt(2 ** 31)),
        })),
      );
      return em.findOneByOrFail(QuizAttempt, { id });
    });
  }

  /** Saves (or, with no answer field, clears) the answer to one question of an open attempt. */
  async saveAnswer(personId: string, input: AnswerInput): Promise<AnsweredQuestion> {
    return this.withOpenAttempt(personId, input.attemptId, async (em, attempt, quiz) => {
      const { question, version } = await this.questionOfAttempt(em, attempt, input.attemptQuestionId);
      if (question.checkedAt) throw QuizErrors.answerLocked(question.id);
      const empty = Object.values(input.answer).every((v) => v == null);
      let answer: LearnerAnswer | null = null;
      if (!empty) {
        const checked = checkAnswer(version.body, input.answer);
        if (!checked.ok) throw QuizErrors.answerInvalid(question.id, checked.problem);
        answer = checked.answer;
      }
      await em.update(
        AttemptQuestion,
        { id: question.id },
        { answer, answeredAt: answer ? new Date() : null },
      );
      return { row: await em.findOneByOrFail(AttemptQuestion, { id: question.id }), version, attempt, quiz };
    });
  }

  /** Immediate feedback: grades one answered question now and locks its answer. Idempotent. */
  async check(personId: string, attemptId: string, attemptQuestionId: string): Promise<AnsweredQuestion> {
    return this.withOpenAttempt(personId, attemptId, async (em, attempt, quiz) => {
      if (quiz.feedbackMode !== 'IMMEDIATE') throw QuizErrors.feedbackNotImmediate();
      const { question, version } = await this.questionOfAttempt(em, attempt, attemptQuestionId);
      if (question.checkedAt) return { row: question, version, attempt, quiz };
      if (!question.answer) throw QuizErrors.answerInvalid(question.id, 'WRONG_SHAPE');
      const grade = gradeAnswer(version.body, question.answer);
      await em.update(
        AttemptQuestion,
        { id: question.id },
        {
          checkedAt: new Date(),
          fraction: grade.fraction,
          score: pointsFor(grade.fraction, question.points),
        },
      );
      return { row: await em.findOneByOrFail(AttemptQuestion, { id: question.id }), version, attempt, quiz };
    });
  }

  /**
   * Submits and grades. A second submit (a retry, another tab, a concurrent click) returns the
   * same graded attempt; only one grading ever happens. After the deadline: ATTEMPT_EXPIRED, and
   * the attempt is closed with what was saved.
   */
  async submit(personId: string, attemptId: string): Promise<QuizAttempt> {
    const result = await this.dataSource.transaction(async (em) => {
      const locked = await this.lockAttempt(em, personId, attemptId);
      if (!locked) throw QuizErrors.attemptNotFound(attemptId);
      const { attempt, quiz } = locked;
      if (attempt.status !== 'IN_PROGRESS') return attempt;
      if (await this.pastDeadline(em, attempt)) {
        await this.close(em, quiz, attempt, 'EXPIRED');
        return new ExpiredAfterClose(attempt.id);
      }
      return this.close(em, quiz, attempt, 'SUBMITTED');
    });
    if (result instanceof ExpiredAfterClose) throw QuizErrors.expired(result.attemptId);
    return result;
  }

  /** The viewer's attempt; one past its deadline is closed first (lazy close). */
  async attempt(personId: string, attemptId: string): Promise<QuizAttempt> {
    const plain = isUuid(attemptId)
      ? await this.dataSource.getRepository(QuizAttempt).findOneBy({ id: attemptId, personId })
      : null;
    if (!plain) throw QuizErrors.attemptNotFound(attemptId);
    if (plain.status !== 'IN_PROGRESS' || plain.deadlineAt === null) return plain;
    return this.dataSource.transaction(async (em) => {
      const locked = await this.lockAttempt(em, personId, attemptId);
      if (!locked) throw QuizErrors.attemptNotFound(attemptId);
      if (locked.attempt.status === 'IN_PROGRESS' && (await this.pastDeadline(em, locked.attempt))) {
        return this.close(em, locked.quiz, locked.attempt, 'EXPIRED');
      }
      return locked.attempt;
    });
  }

  async questionsOf(attemptIds: readonly string[]): Promise<Map<string, AttemptQuestion[]>> {
    const rows = await this.dataSource
      .getRepository(AttemptQuestion)
      .createQueryBuilder('aq')
      .where('aq.attempt_id = ANY(:ids)', { ids: [...attemptIds] })
      .orderBy('aq.position', 'ASC')
      .getMany();
    const result = new Map<string, AttemptQuestion[]>(attemptIds.map((id) => [id, []]));
    for (const row of rows) result.get(row.attemptId)?.push(row);
    return result;
  }

  async versionsByIds(ids: readonly string[]): Promise<QuestionVersion[]> {
    return this.dataSource
      .getRepository(QuestionVersion)
      .createQueryBuilder('v')
      .where('v.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /**
   * Closes every attempt whose deadline (plus grace) has passed; run by a timer on every process.
   * Each attempt is closed in its own transaction under the usual locks, so a sweep racing the
   * learner's own submit or another process's sweep grades it once.
   */
  async sweep(): Promise<number> {
    const due: { id: string; person_id: string }[] = await this.dataSource.query(
      `SELECT id, person_id FROM quiz_attempts
        WHERE status = 'IN_PROGRESS' AND deadline_at + make_interval(secs => $1) < now()
        ORDER BY deadline_at LIMIT 500`,
      [QuizLimits.deadlineGraceSeconds],
    );
    let closed = 0;
    for (const row of due) {
      const done = await this.dataSource.transaction(async (em) => {
        const locked = await this.lockAttempt(em, row.person_id, row.id);
        if (
          !locked ||
          locked.attempt.status !== 'IN_PROGRESS' ||
          !(await this.pastDeadline(em, locked.attempt))
        )
          return false;
        await this.close(em, locked.quiz, locked.attempt, 'EXPIRED');
        return true;
      });
      if (done) closed += 1;
    }
    return closed;
  }

  // ---------------------------------------------------------------------------------------------

  private async withOpenAttempt<T>(
    personId: string,
    attemptId: string,
    work: (em: EntityManager, attempt: QuizAttempt, quiz: Quiz) => Promise<T>,
  ): Promise<T> {
    const result = await this.dataSource.transaction(async (em) => {
      const locked = await this.lockAttempt(em, personId, attemptId);
      if (!locked) throw QuizErrors.attemptNotFound(attemptId);
      const { attempt, quiz } = locked;
      if (attempt.status !== 'IN_PROGRESS') throw QuizErrors.finished(attempt.id);
      if (await this.pastDeadline(em, attempt)) {
        await this.close(em, quiz, attempt, 'EXPIRED');
        return new ExpiredAfterClose(attempt.id);
      }
      return work(em, attempt, quiz);
    });
    if (result instanceof ExpiredAfterClose) throw QuizErrors.expired(result.attemptId);
    return result;
  }

  /** Locks the enrolment, then the attempt (someone else's attempt is "not found"). */
  private async lockAttempt(
    em: EntityManager,
    personId: string,
    attemptId: string,
  ): Promise<{ attempt: QuizAttempt; quiz: Quiz } | null> {
    if (!isUuid(attemptId)) return null;
    const plain = await em.findOneBy(QuizAttempt, { id: attemptId, personId });
    if (!plain) return null;
    await this.learning.lockEnrolment(em, personId, plain.enrolmentId);
    const attempt = await em
      .createQueryBuilder(QuizAttempt, 'a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id: attemptId })
      .getOneOrFail();
    const quiz = await em.findOneByOrFail(Quiz, { id: attempt.quizId });
    return { attempt, quiz };
  }

  /** Measured on the database clock, the clock that set the deadline. */
  private async pastDeadline(em: EntityManager, attempt: QuizAttempt): Promise<boolean> {
    if (attempt.deadlineAt === null) return false;
    const [{ past }] = await em.query(
      `SELECT now() > deadline_at + make_interval(secs => $2) AS past FROM quiz_attempts WHERE id = $1`,
      [attempt.id, QuizLimits.deadlineGraceSeconds],
    );
    return past;
  }

  private async closeIfExpired(em: EntityManager, quiz: Quiz, personId: string): Promise<void> {
    const open = await em
      .createQueryBuilder(QuizAttempt, 'a')
      .setLock('pessimistic_write')
      .where(`a.quiz_id = :quizId AND a.person_id = :personId AND a.status = 'IN_PROGRESS'`, {
        quizId: quiz.id,
        personId,
      })
      .getOne();
    if (open && (await this.pastDeadline(em, open))) await this.close(em, quiz, open, 'EXPIRED');
  }

  private async questionOfAttempt(
    em: EntityManager,
    attempt: QuizAttempt,
    attemptQuestionId: string,
  ): Promise<{ question: AttemptQuestion; version: QuestionVersion }> {
    const question = isUuid(attemptQuestionId)
      ? await em.findOneBy(AttemptQuestion, { id: attemptQuestionId, attemptId: attempt.id })
      : null;
    if (!question) throw QuizErrors.questionNotInAttempt(attemptQuestionId);
    const version = await em.findOneByOrFail(QuestionVersion, { id: question.questionVersionId });
    return { question, version };
  }

  /**
   * Grades every question with what was saved, closes the attempt, and — when the person's grade
   * passes — credits the quiz and completes its lesson, once per person and quiz. An expired
   * attempt's finish time is its deadline, so the sweep and a lazy close give the same record.
   */
  private async close(
    em: EntityManager,
    quiz: Quiz,
    attempt: QuizAttempt,
    status: Exclude<AttemptStatus, 'IN_PROGRESS'>,
  ): Promise<QuizAttempt> {
    const questions = await em.find(AttemptQuestion, { where: { attemptId: attempt.id } });
    const versions = await em
      .createQueryBuilder(QuestionVersion, 'v')
      .where('v.id = ANY(:ids)', { ids: questions.map((q) => q.questionVersionId) })
      .getMany();
    const bodyOf = new Map(versions.map((v) => [v.id, v.body]));
    let score = 0;
    for (const question of questions) {
      const grade = gradeAnswer(bodyOf.get(question.questionVersionId)!, question.answer);
      const points = pointsFor(grade.fraction, question.points);
      score += points;
      await em.update(AttemptQuestion, { id: question.id }, { fraction: grade.fraction, score: points });
    }
    score = Math.round(score * 100) / 100;
    const percent = percentOf(score, attempt.maxScore);
    const passed = percent >= quiz.passPercent;
    await em.query(
      `UPDATE quiz_attempts
          SET status = $2::varchar, score = $3, percent = $4, passed = $5,
              finished_at = CASE WHEN $2::varchar = 'EXPIRED' THEN deadline_at ELSE now() END
        WHERE id = $1 AND status = 'IN_PROGRESS'`,
      [attempt.id, status, score, percent, passed],
    );

    const finished: { percent: string }[] = await em.query(
      `SELECT percent FROM quiz_attempts WHERE quiz_id = $1 AND person_id = $2 AND status <> 'IN_PROGRESS'
        ORDER BY number`,
      [quiz.id, attempt.personId],
    );
    const grade = quizGrade(
      quiz.gradingMethod,
      finished.map((f) => Number(f.percent)),
    );
    const label = quiz.titleKo;
    if (grade !== null && grade >= quiz.passPercent) {
      await this.ledger.credit(em, {
        personId: attempt.personId,
        sourceKind: 'QUIZ',
        sourceId: quiz.id,
        minutes: quiz.creditMinutes,
        rule: 'QUIZ_PASSED',
        label,
      });
      await this.learning.completeQuizLesson(em, attempt.personId, attempt.enrolmentId, attempt.lessonId);
    }
    if (score === attempt.maxScore && attempt.maxScore > 0) {
      await this.ledger.credit(em, {
        personId: attempt.personId,
        sourceKind: 'QUIZ_PERFECT',
        sourceId: quiz.id,
        minutes: 0,
        rule: 'QUIZ_PERFECT',
        label,
      });
    }
    return em.findOneByOrFail(QuizAttempt, { id: attempt.id });
  }

  private async quizOfLesson(em: EntityManager, quizId: string | null, lessonId: string): Promise<Quiz> {
    const quiz = quizId ? await em.findOneBy(Quiz, { id: quizId }) : null;
    if (!quiz) throw new DomainError('LESSON_NOT_READY', 'This lesson has no quiz yet', { lessonId });
    return quiz;
  }

  private async standing(
    em: EntityManager,
    quiz: Quiz,
    personId: string,
    enrolmentId: string,
    lessonId: string,
  ): Promise<LessonQuizState> {
    const attempts = await em.find(QuizAttempt, {
      where: { quizId: quiz.id, personId },
      order: { number: 'ASC' },
    });
    const finished = attempts.filter((a) => a.status !== 'IN_PROGRESS');
    const grade = quizGrade(
      quiz.gradingMethod,
      finished.map((a) => a.percent ?? 0),
    );
    const [{ completed }] = await em.query(
      `SELECT EXISTS (SELECT 1 FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2 AND completed_at IS NOT NULL) AS completed`,
      [enrolmentId, lessonId],
    );
    const slots = await em.find(QuizSlot, { where: { quizId: quiz.id } });
    return {
      quiz,
      enrolmentId,
      lessonId,
      attempts,
      grade,
      passed: grade !== null && grade >= quiz.passPercent,
      lessonCompleted: completed,
      attemptsLeft: quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - attempts.length),
      questionCount: slots.reduce((sum, s) => sum + s.drawCount, 0),
    };
  }

  /**
   * The question versions of a new attempt (or a live game made from the quiz): fixed slots as
   * they are now, draws at random.
   */
  async drawQuestions(em: EntityManager, quiz: Quiz): Promise<QuestionVersion[]> {
    const slots = await em.find(QuizSlot, { where: { quizId: quiz.id }, order: { position: 'ASC' } });
    if (slots.length === 0) throw QuizErrors.quizEmpty(quiz.id);
    // Fixed questions first claim their places; draws (which never pick a fixed question) fill theirs.
    const byPosition = new Map<number, string[]>();
    for (const slot of slots) if (slot.questionId) byPosition.set(slot.position, [slot.questionId]);
    const taken = new Set(slots.flatMap((s) => (s.questionId ? [s.questionId] : [])));
    for (const slot of slots) {
      if (slot.questionId) continue;
      const pool = (await this.quizzes.availableFor(slot, em)).filter((id) => !taken.has(id));
      if (pool.length < slot.drawCount)
        throw QuizErrors.notEnoughQuestions(slot.position, slot.drawCount, pool.length);
      const drawn = seededShuffle(pool, randomInt(2 ** 31)).slice(0, slot.drawCount);
      for (const id of drawn) taken.add(id);
      byPosition.set(slot.position, drawn);
    }
    const chosen = slots.flatMap((s) => byPosition.get(s.position) ?? []);
    const versions: QuestionVersion[] = await em
      .createQueryBuilder(QuestionVersion, 'v')
      .innerJoin('questions', 'q', 'q.id = v.question_id AND q.version = v.version')
      .where('v.question_id = ANY(:ids)', { ids: chosen })
      .getMany();
    const byQuestion = new Map(versions.map((v) => [v.questionId, v]));
    return chosen.map((id) => byQuestion.get(id)!);
  }
}
