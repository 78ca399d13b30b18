import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { walkDilemma, type DilemmaContent, type LessonKind } from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { DomainError } from '../../common/errors/domain-error.js';
import { type Connection, pageByTime } from '../../common/graphql/connection.js';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { LedgerService } from '../ledger/ledger.service.js';
import type { CompleteLessonInput, LessonStateInput } from './dto/learning.inputs.js';
import { CourseVersion } from './entities/course-version.entity.js';
import { Enrolment } from './entities/enrolment.entity.js';
import { LessonProgress } from './entities/lesson-progress.entity.js';
import { Lesson } from './entities/lesson.entity.js';
import { lessonStateOf, type LessonState } from './models/learning.models.js';

// The learning codes live here until courses.errors.ts (owned by authoring) takes them over.
export const LearningErrors = {
  courseNotFound: (id: string) => new DomainError('NOT_FOUND', 'Course not found', { id }),
  notPublished: (courseId: string) =>
    new DomainError('COURSE_NOT_PUBLISHED', 'This course has no published version to enrol in', { courseId }),
  /** Also for someone else's enrolment: whether it exists is not the viewer's business. */
  notEnrolled: (enrolmentId: string) =>
    new DomainError('NOT_ENROLLED', 'You are not enrolled in this course', { enrolmentId }),
  lessonNotInCourse: (lessonId: string) =>
    new DomainError('LESSON_NOT_IN_COURSE', 'This lesson is not part of the course version you take', {
      lessonId,
    }),
  lessonLocked: (lessonId: string, nextLessonId: string) =>
    new DomainError('LESSON_LOCKED', 'Complete the earlier lessons first', { lessonId, nextLessonId }),
  readingTooFast: (secondsLeft: number) =>
    new DomainError('READING_TOO_FAST', `Keep reading for ${secondsLeft} more seconds`, { secondsLeft }),
  videoNotWatched: (watchedPercent: number, requiredWatchPercent: number) =>
    new DomainError('VIDEO_NOT_WATCHED', `Watch at least ${requiredWatchPercent}% of the video`, {
      watchedPercent,
      requiredWatchPercent,
    }),
  dilemmaPathInvalid: () =>
    new DomainError(
      'DILEMMA_PATH_INVALID',
      'The choices do not walk the scenario from its start to an ending',
    ),
  pledgeNameMismatch: () =>
    new DomainError('PLEDGE_NAME_MISMATCH', 'The typed name does not match your name'),
  pledgeAlreadySigned: (lessonId: string) =>
    new DomainError('PLEDGE_ALREADY_SIGNED', 'You have already signed this pledge', { lessonId }),
  wrongKind: (kind: LessonKind, expected: string) =>
    new DomainError('WRONG_LESSON_KIND', `A ${kind} lesson takes ${expected}`, { kind }),
  mustBeTrue: (field: string) =>
    new DomainError('VALIDATION_FAILED', `${field} must be true`, {
      fields: [{ field, message: 'must be true' }],
    }),
};

const percent = z.number().int().min(0).max(100);
const choicePath = z.array(z.string().min(1).max(40)).max(200);

const lessonStateSchema = z.object({
  videoPositionSeconds: z.number().int().min(0).max(86_400).nullish(),
  watchedPercent: percent.nullish(),
  dilemmaPath: choicePath.nullish(),
});

const completionPartsSchema = z.object({
  reading: z.object({ acknowledged: z.boolean() }).nullish(),
  video: z.object({ watchedPercent: percent }).nullish(),
  dilemma: z.object({ path: choicePath }).nullish(),
  pledge: z.object({ typedName: z.string().max(200), confirmed: z.boolean() }).nullish(),
});

/** The input part each lesson kind takes on completion. */
const PART_OF = { READING: 'reading', VIDEO: 'video', DILEMMA: 'dilemma', PLEDGE: 'pledge' } as const;

/**
 * How a typed signature is compared with the person's name: Unicode NFC (a Hangul name typed on
 * a Mac arrives decomposed), outer spaces trimmed, inner runs of spaces (also full-width ones)
 * collapsed, and case folded.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/** Whether the choice ids so far follow the scenario from its start (an unfinished walk is fine). */
function isDilemmaPrefix(content: DilemmaContent, choiceIds: readonly string[]): boolean {
  const byId = new Map(content.nodes.map((n) => [n.id, n]));
  let node = byId.get(content.startNodeId);
  for (const choiceId of choiceIds) {
    const choice = node?.choices.find((c) => c.id === choiceId);
    if (!choice) return false;
    node = choice.next === null ? undefined : byId.get(choice.next);
  }
  return true;
}

interface LessonStatus {
  id: string;
  completed: boolean;
}

interface LessonScope {
  enrolment: Enrolment;
  lesson: Lesson;
  version: CourseVersion;
}

export interface CompletionResult {
  lessonId: string;
  completedAt: Date;
  courseCompleted: boolean;
  enrolment: Enrolment;
  creditedMinutes: number;
  creditedXp: number;
  visitedNodeIds: string[] | null;
}

/**
 * The learner's side of courses: enrolment, progress and completion with credits.
 *
 * Every write about one enrolment starts by locking its row (SELECT … FOR UPDATE), so that
 * concurrent starts and completions of the same learner serialise and always take locks in the
 * same order; unique keys (enrolment per version, progress per lesson, ledger entry per source,
 * signature per pledge) make retries and double clicks harmless.
 */
@Injectable()
export class CourseLearningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Idempotent: an unfinished enrolment in any version of the course is returned as is; otherwise
   * the person enrols in the published version (a concurrent retry lands on the same row).
   */
  async enrol(personId: string, courseId: string): Promise<Enrolment> {
    if (!isUuid(courseId)) throw LearningErrors.courseNotFound(courseId);
    const enrolments = this.dataSource.getRepository(Enrolment);
    const unfinished = await enrolments
      .createQueryBuilder('e')
      .where('e.person_id = :personId AND e.course_id = :courseId AND e.completed_at IS NULL', {
        personId,
        courseId,
      })
      .orderBy('e.started_at', 'DESC')
      .getOne();
    if (unfinished) return unfinished;
    const [course]: { published_id: string | null }[] = await this.dataSource.query(
      `SELECT (SELECT v.id FROM course_versions v WHERE v.course_id = c.id AND v.status = 'PUBLISHED') AS published_id
         FROM courses c WHERE c.id = $1`,
      [courseId],
    );
    if (!course) throw LearningErrors.courseNotFound(courseId);
    if (!course.published_id) throw LearningErrors.notPublished(courseId);
    await this.dataSource.query(
      `INSERT INTO course_enrolments (person_id, course_id, version_id) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, version_id) DO NOTHING`,
      [personId, courseId, course.published_id],
    );
    // Either ours or the one a concurrent request (or an earlier, finished run) inserted.
    return enrolments.findOneByOrFail({ personId, versionId: course.published_id });
  }

  /** The person's enrolments, most recently started first. */
  async list(
    personId: string,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Enrolment>> {
    const qb = this.dataSource
      .getRepository(Enrolment)
      .createQueryBuilder('e')
      .where('e.person_id = :personId', { personId });
    return pageByTime(qb, 'e.started_at', 'DESC', first, after);
  }

  /** The person's latest enrolment in a course, finished or not. */
  async latest(personId: string, courseId: string): Promise<Enrolment | null> {
    if (!isUuid(courseId)) return null;
    return this.dataSource
      .getRepository(Enrolment)
      .findOne({ where: { personId, courseId }, order: { startedAt: 'DESC', id: 'DESC' } });
  }

  /** Progress rows of several enrolments at once (DataLoader batch). */
  async progressOf(enrolmentIds: readonly string[]): Promise<Map<string, LessonProgress[]>> {
    const rows = await this.dataSource
      .getRepository(LessonProgress)
      .createQueryBuilder('p')
      .where('p.enrolment_id = ANY(:ids)', { ids: [...enrolmentIds] })
      .orderBy('p.started_at', 'ASC')
      .getMany();
    const result = new Map<string, LessonProgress[]>(enrolmentIds.map((id) => [id, []]));
    for (const row of rows) result.get(row.enrolmentId)?.push(row);
    return result;
  }

  /** Records that the learner opened a lesson: the first opening's time is kept (server clock). */
  async startLesson(personId: string, enrolmentId: string, lessonId: string): Promise<LessonProgress> {
    return this.dataSource.transaction(async (em) => {
      const scope = await this.scope(em, personId, enrolmentId, lessonId);
      await this.assertUnlocked(em, scope);
      const { enrolment, lesson } = scope;
      const progress = await this.ensureStarted(em, enrolment.id, lesson.id);
      await em.update(Enrolment, { id: enrolment.id }, { lastLessonId: lesson.id });
      return progress;
    });
  }

  /**
   * Saves resume state. The largest watched share ever reported is kept; a completed scenario's
   * path is the record of what was chosen and no longer changes.
   */
  async saveState(
    personId: string,
    enrolmentId: string,
    lessonId: string,
    input: LessonStateInput,
  ): Promise<LessonProgress> {
    const patch = parseInput(lessonStateSchema, input);
    return this.dataSource.transaction(async (em) => {
      const scope = await this.scope(em, personId, enrolmentId, lessonId);
      const { enrolment, lesson } = scope;
      const content = lesson.content;
      if ((patch.videoPositionSeconds != null || patch.watchedPercent != null) && content.kind !== 'VIDEO') {
        throw LearningErrors.wrongKind(content.kind, 'no video state');
      }
      if (patch.dilemmaPath != null) {
        if (content.kind !== 'DILEMMA') throw LearningErrors.wrongKind(content.kind, 'no scenario path');
        if (!isDilemmaPrefix(content, patch.dilemmaPath)) throw LearningErrors.dilemmaPathInvalid();
      }
      await this.assertUnlocked(em, scope);
      const progress = await this.ensureStarted(em, enrolment.id, lesson.id);
      const saved = lessonStateOf(progress.state);
      const state: LessonState = {
        ...saved,
        ...(patch.videoPositionSeconds != null && { videoPositionSeconds: patch.videoPositionSeconds }),
        ...(patch.watchedPercent != null && {
          watchedPercent: Math.max(saved.watchedPercent ?? 0, patch.watchedPercent),
        }),
        ...(patch.dilemmaPath != null && progress.completedAt === null && { dilemmaPath: patch.dilemmaPath }),
      };
      await em.update(LessonProgress, { id: progress.id }, { state });
      return em.findOneByOrFail(LessonProgress, { id: progress.id });
    });
  }

  /**
   * Completes a lesson and credits it; completing the last one completes the course and credits its
   * minutes. One transaction under the enrolment's row lock. A retry of a completed lesson returns
   * the same outcome and writes nothing (a pledge, though, is signed once: PLEDGE_ALREADY_SIGNED).
   */
  async complete(personId: string, input: CompleteLessonInput): Promise<CompletionResult> {
    const parts = parseInput(completionPartsSchema, input);
    return this.dataSource.transaction(async (em) => {
      const { enrolment, lesson, version } = await this.scope(
        em,
        personId,
        input.enrolmentId,
        input.lessonId,
      );
      const content = lesson.content;
      if (content.kind === 'QUIZ') throw LearningErrors.wrongKind(content.kind, 'a passed quiz attempt');
      const expected = PART_OF[content.kind];
      const given = Object.entries(parts).filter(([, value]) => value != null);
      if (given.length !== 1 || given[0][0] !== expected) {
        throw LearningErrors.wrongKind(content.kind, `exactly the "${expected}" part`);
      }

      const progress = await em.findOneBy(LessonProgress, { enrolmentId: enrolment.id, lessonId: lesson.id });
      if (progress?.completedAt && content.kind !== 'PLEDGE') {
        const visited =
          content.kind === 'DILEMMA'
            ? walkDilemma(content, lessonStateOf(progress.state).dilemmaPath ?? [])
            : null;
        return this.outcome(em, lesson.id, progress.completedAt, enrolment.id, 0, 0, visited);
      }
      const statuses = await this.lessonStatuses(em, enrolment);
      if (version.sequential) this.assertPredecessorsCompleted(statuses, lesson.id);

      let state = lessonStateOf(progress?.state ?? {});
      let visitedNodeIds: string[] | null = null;
      let creditedXp = 0;
      switch (content.kind) {
        case 'READING': {
          if (!parts.reading?.acknowledged) throw LearningErrors.mustBeTrue('reading.acknowledged');
          if (content.minReadingSeconds > 0) {
            const elapsed = progress ? await this.secondsSinceStart(em, progress.id) : 0;
            if (!progress || elapsed < content.minReadingSeconds) {
              throw LearningErrors.readingTooFast(Math.ceil(content.minReadingSeconds - elapsed));
            }
          }
          break;
        }
        case 'VIDEO': {
          const watched = Math.max(parts.video!.watchedPercent, state.watchedPercent ?? 0);
          if (watched < content.requiredWatchPercent) {
            throw LearningErrors.videoNotWatched(watched, content.requiredWatchPercent);
          }
          state = { ...state, watchedPercent: watched };
          break;
        }
        case 'DILEMMA': {
          visitedNodeIds = walkDilemma(content, parts.dilemma!.path);
          if (!visitedNodeIds) throw LearningErrors.dilemmaPathInvalid();
          state = { ...state, dilemmaPath: parts.dilemma!.path };
          break;
        }
        case 'PLEDGE': {
          const { typedName, confirmed } = parts.pledge!;
          if (!confirmed) throw LearningErrors.mustBeTrue('pledge.confirmed');
          // Read in this transaction: with a pool of one, another connection would wait forever.
          const [person]: { name: string; locale: string }[] = await em.query(
            `SELECT name, locale FROM people WHERE id = $1`,
            [personId],
          );
          if (normaliseName(typedName) !== normaliseName(person.name))
            throw LearningErrors.pledgeNameMismatch();
          // The unique key (person, lesson) decides, also between concurrent requests.
          const signed: unknown[] = await em.query(
            `INSERT INTO pledge_signatures (person_id, lesson_id, signed_text, typed_name) VALUES ($1, $2, $3, $4)
             ON CONFLICT (person_id, lesson_id) DO NOTHING RETURNING id`,
            [
              personId,
              lesson.id,
              person.locale === 'en' ? content.textEn : content.textKo,
              typedName.trim().normalize('NFC'),
            ],
          );
          if (signed.length === 0) throw LearningErrors.pledgeAlreadySigned(lesson.id);
          const pledge = await this.ledger.credit(em, {
            personId,
            sourceKind: 'PLEDGE',
            sourceId: lesson.id,
            minutes: 0,
            rule: 'PLEDGE_SIGNED',
            label: lesson.titleKo,
          });
          creditedXp += pledge.xp;
          break;
        }
      }

      return this.finishLesson(em, personId, enrolment, lesson, version, progress, statuses, state, {
        creditedXp,
        visitedNodeIds,
      });
    });
  }

  /**
   * Locks the person's enrolment for the caller's transaction: quiz attempts take this lock before
   * their own row, in the same order as lesson completion, so the two never deadlock.
   */
  async lockEnrolment(em: EntityManager, personId: string, enrolmentId: string): Promise<Enrolment> {
    const enrolment = await em
      .createQueryBuilder(Enrolment, 'e')
      .setLock('pessimistic_write')
      .where('e.id = :enrolmentId AND e.person_id = :personId', { enrolmentId, personId })
      .getOne();
    if (!enrolment) throw LearningErrors.notEnrolled(enrolmentId);
    return enrolment;
  }

  /**
   * Opens a quiz lesson for an attempt, in the caller's transaction: locks the viewer's enrolment
   * (the first lock of every write about it) and checks the lesson is a quiz lesson they may take.
   */
  async quizLessonScope(
    em: EntityManager,
    personId: string,
    enrolmentId: string,
    lessonId: string,
  ): Promise<{ enrolment: Enrolment; lesson: Lesson; quizId: string | null; completed: boolean }> {
    const scope = await this.scope(em, personId, enrolmentId, lessonId);
    if (scope.lesson.content.kind !== 'QUIZ')
      throw LearningErrors.wrongKind(scope.lesson.content.kind, 'answers');
    await this.assertUnlocked(em, scope);
    await this.ensureStarted(em, scope.enrolment.id, scope.lesson.id);
    const progress = await em.findOneByOrFail(LessonProgress, {
      enrolmentId: scope.enrolment.id,
      lessonId: scope.lesson.id,
    });
    return {
      enrolment: scope.enrolment,
      lesson: scope.lesson,
      quizId: scope.lesson.content.quizId,
      completed: progress.completedAt !== null,
    };
  }

  /**
   * Completes a quiz lesson once its quiz is passed, in the caller's transaction (the attempt's
   * grading), with the same credits as any lesson. Completing it again writes nothing.
   */
  async completeQuizLesson(
    em: EntityManager,
    personId: string,
    enrolmentId: string,
    lessonId: string,
  ): Promise<CompletionResult> {
    const { enrolment, lesson, version } = await this.scope(em, personId, enrolmentId, lessonId);
    const progress = await em.findOneBy(LessonProgress, { enrolmentId: enrolment.id, lessonId: lesson.id });
    if (progress?.completedAt)
      return this.outcome(em, lesson.id, progress.completedAt, enrolment.id, 0, 0, null);
    const statuses = await this.lessonStatuses(em, enrolment);
    return this.finishLesson(
      em,
      personId,
      enrolment,
      lesson,
      version,
      progress,
      statuses,
      lessonStateOf(progress?.state ?? {}),
      {
        creditedXp: 0,
        visitedNodeIds: null,
      },
    );
  }

  /** Marks the lesson completed and credits it; the last lesson also completes and credits the course. */
  private async finishLesson(
    em: EntityManager,
    personId: string,
    enrolment: Enrolment,
    lesson: Lesson,
    version: CourseVersion,
    progress: LessonProgress | null,
    statuses: LessonStatus[],
    state: LessonState,
    soFar: { creditedXp: number; visitedNodeIds: string[] | null },
  ): Promise<CompletionResult> {
    let creditedXp = soFar.creditedXp;
    const visitedNodeIds = soFar.visitedNodeIds;
    const started = progress ?? (await this.ensureStarted(em, enrolment.id, lesson.id));
    const done: { completed_at: Date } | undefined = (
      await em
        .createQueryBuilder()
        .update(LessonProgress)
        .set({ completedAt: () => 'now()', state })
        .where('id = :id AND completed_at IS NULL', { id: started.id })
        .returning('completed_at')
        .execute()
    ).raw[0];
    if (!done) {
      // Unreachable: a completed lesson returned above (a pledge: its signature was refused), and
      // the enrolment lock keeps concurrent completions out until this transaction ends.
      throw new Error(`lesson_progress ${started.id} completed under the enrolment lock`);
    }
    await em.update(Enrolment, { id: enrolment.id }, { lastLessonId: lesson.id });
    const lessonCredit = await this.ledger.credit(em, {
      personId,
      sourceKind: 'LESSON',
      sourceId: lesson.id,
      minutes: 0,
      rule: 'LESSON_COMPLETED',
      label: lesson.titleKo,
    });
    creditedXp += lessonCredit.xp;

    let creditedMinutes = 0;
    if (statuses.every((s) => s.completed || s.id === lesson.id)) {
      const finished = await em
        .createQueryBuilder()
        .update(Enrolment)
        .set({ completedAt: () => 'now()' })
        .where('id = :id AND completed_at IS NULL', { id: enrolment.id })
        .execute();
      if (finished.affected === 1) {
        const course = await this.ledger.credit(em, {
          personId,
          sourceKind: 'COURSE_COMPLETION',
          sourceId: version.id,
          minutes: version.creditMinutes,
          rule: 'COURSE_COMPLETED',
          label: version.titleKo,
        });
        if (course.created) {
          creditedMinutes += version.creditMinutes;
          creditedXp += course.xp;
        }
      }
    }
    return this.outcome(
      em,
      lesson.id,
      done.completed_at,
      enrolment.id,
      creditedMinutes,
      creditedXp,
      visitedNodeIds,
    );
  }

  private async outcome(
    em: EntityManager,
    lessonId: string,
    completedAt: Date,
    enrolmentId: string,
    creditedMinutes: number,
    creditedXp: number,
    visitedNodeIds: string[] | null,
  ): Promise<CompletionResult> {
    const enrolment = await em.findOneByOrFail(Enrolment, { id: enrolmentId });
    return {
      lessonId,
      completedAt,
      courseCompleted: enrolment.completedAt !== null,
      enrolment,
      creditedMinutes,
      creditedXp,
      visitedNodeIds,
    };
  }

  /**
   * The viewer's enrolment, locked for the rest of the transaction, and a lesson of its version.
   * Someone else's enrolment is reported exactly like a missing one.
   */
  private async scope(
    em: EntityManager,
    personId: string,
    enrolmentId: string,
    lessonId: string,
  ): Promise<LessonScope> {
    const enrolment = isUuid(enrolmentId)
      ? await em
          .createQueryBuilder(Enrolment, 'e')
          .setLock('pessimistic_write')
          .where('e.id = :enrolmentId AND e.person_id = :personId', { enrolmentId, personId })
          .getOne()
      : null;
    if (!enrolment) throw LearningErrors.notEnrolled(enrolmentId);
    const lesson = isUuid(lessonId) ? await em.findOneBy(Lesson, { id: lessonId }) : null;
    if (!lesson || lesson.versionId !== enrolment.versionId) throw LearningErrors.lessonNotInCourse(lessonId);
    const version = await em.findOneByOrFail(CourseVersion, { id: enrolment.versionId });
    return { enrolment, lesson, version };
  }

  /** Every lesson of the enrolment's version in learning order (module, then lesson position). */
  private lessonStatuses(em: EntityManager, enrolment: Enrolment): Promise<LessonStatus[]> {
    return em.query(
      `SELECT l.id, (p.completed_at IS NOT NULL) AS completed
         FROM lessons l
         JOIN course_sections s ON s.id = l.section_id
         LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.enrolment_id = $2
        WHERE l.version_id = $1
        ORDER BY s.position, s.id, l.position, l.id`,
      [enrolment.versionId, enrolment.id],
    );
  }

  private async assertUnlocked(em: EntityManager, scope: LessonScope): Promise<void> {
    if (!scope.version.sequential) return;
    this.assertPredecessorsCompleted(await this.lessonStatuses(em, scope.enrolment), scope.lesson.id);
  }

  /** For a sequential version: every lesson before this one must be completed. */
  private assertPredecessorsCompleted(statuses: LessonStatus[], lessonId: string): void {
    for (const status of statuses) {
      if (status.id === lessonId) return;
      if (!status.completed) throw LearningErrors.lessonLocked(lessonId, status.id);
    }
  }

  private async ensureStarted(
    em: EntityManager,
    enrolmentId: string,
    lessonId: string,
  ): Promise<LessonProgress> {
    await em.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id) VALUES ($1, $2)
       ON CONFLICT (enrolment_id, lesson_id) DO NOTHING`,
      [enrolmentId, lessonId],
    );
    return em.findOneByOrFail(LessonProgress, { enrolmentId, lessonId });
  }

  /** Measured on the database clock, the same clock that stamped started_at. */
  private async secondsSinceStart(em: EntityManager, progressId: string): Promise<number> {
    const [{ seconds }] = await em.query(
      `SELECT extract(epoch FROM (now() - started_at))::float8 AS seconds FROM lesson_progress WHERE id = $1`,
      [progressId],
    );
    return seconds;
  }
}
