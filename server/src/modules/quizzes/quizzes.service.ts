import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QuizLimits, quizSettingsSchema, type QuestionDifficulty, type QuizSettings } from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { CourseAuthoringService } from '../courses/course-authoring.service.js';
import type { Lesson } from '../courses/entities/lesson.entity.js';
import { QuestionCategory } from './entities/question-category.entity.js';
import { Question } from './entities/question.entity.js';
import { QuizSlot } from './entities/quiz-slot.entity.js';
import { Quiz } from './entities/quiz.entity.js';
import { QuizErrors } from './quizzes.errors.js';

export interface SlotInput {
  questionId?: string | null;
  categoryId?: string | null;
  drawCount?: number | null;
  difficulty?: QuestionDifficulty | null;
  includeSubcategories?: boolean | null;
}

/** Quizzes: settings and slots (fixed questions and random draws), and their place in lessons. */
@Injectable()
export class QuizzesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly authoring: CourseAuthoringService,
  ) {}

  list(): Promise<Quiz[]> {
    return this.dataSource.getRepository(Quiz).find({ order: { updatedAt: 'DESC', id: 'DESC' } });
  }

  async get(id: string): Promise<Quiz> {
    const quiz = isUuid(id) ? await this.dataSource.getRepository(Quiz).findOneBy({ id }) : null;
    if (!quiz) throw QuizErrors.quizNotFound(id);
    return quiz;
  }

  async byIds(ids: readonly string[]): Promise<Quiz[]> {
    return this.dataSource
      .getRepository(Quiz)
      .createQueryBuilder('q')
      .where('q.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** The client may choose the id: a retried create returns the quiz made the first time. */
  async create(authorId: string, input: unknown & { id?: string | null }): Promise<Quiz> {
    const settings = parseInput(quizSettingsSchema, input);
    const id = input.id ?? randomUUID();
    if (!isUuid(id)) {
      throw new DomainError('VALIDATION_FAILED', 'id must be a UUID', {
        fields: [{ field: 'id', message: 'must be a UUID' }],
      });
    }
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Quiz)
      .values({ id, ...settings, createdById: authorId })
      .orIgnore()
      .execute();
    return this.get(id);
  }

  /**
   * Changes the settings. Attempts already started keep their questions and deadline; pass mark,
   * attempts allowed, grading and feedback apply to everyone from now on (as in Moodle).
   */
  async update(id: string, input: unknown): Promise<Quiz> {
    const settings: QuizSettings = parseInput(quizSettingsSchema, input);
    await this.get(id);
    await this.dataSource.getRepository(Quiz).update({ id }, settings);
    return this.get(id);
  }

  /** Replaces every slot at once, in the given order. Draws are checked against the bank now. */
  async setSlots(id: string, slots: SlotInput[]): Promise<Quiz> {
    if (slots.length > QuizLimits.slotsMax) {
      throw new DomainError('VALIDATION_FAILED', `At most ${QuizLimits.slotsMax} slots`, {
        fields: [{ field: 'slots', message: `at most ${QuizLimits.slotsMax}` }],
      });
    }
    const rows = slots.map((slot, i) => slotRow(slot, i));
    return this.dataSource.transaction(async (em) => {
      const quiz = await em
        .createQueryBuilder(Quiz, 'q')
        .setLock('pessimistic_write')
        .where('q.id = :id', { id: isUuid(id) ? id : randomUUID() })
        .getOne();
      if (!quiz) throw QuizErrors.quizNotFound(id);
      const questionIds = rows.flatMap((r) => (r.questionId ? [r.questionId] : []));
      if (new Set(questionIds).size !== questionIds.length) {
        throw new DomainError('VALIDATION_FAILED', 'A question can be in a quiz once', {
          fields: [{ field: 'slots', message: 'a question is used twice' }],
        });
      }
      const found = questionIds.length
        ? await em.createQueryBuilder(Question, 'q').where('q.id = ANY(:ids)', { ids: questionIds }).getMany()
        : [];
      for (const [i, row] of rows.entries()) {
        if (row.questionId) {
          const question = found.find((q) => q.id === row.questionId);
          if (!question) throw QuizErrors.questionNotFound(row.questionId);
          if (question.archivedAt) {
            throw new DomainError('VALIDATION_FAILED', 'An archived question cannot be added', {
              fields: [{ field: `slots.${i}.questionId`, message: 'archived' }],
            });
          }
        } else if (!(await em.findOneBy(QuestionCategory, { id: row.categoryId! }))) {
          throw QuizErrors.categoryNotFound(row.categoryId!);
        }
      }
      if (this.questionCount(rows) > QuizLimits.questionsPerAttemptMax) {
        throw new DomainError('VALIDATION_FAILED', `At most ${QuizLimits.questionsPerAttemptMax} questions`, {
          fields: [{ field: 'slots', message: `at most ${QuizLimits.questionsPerAttemptMax} questions` }],
        });
      }
      await em.delete(QuizSlot, { quizId: quiz.id });
      if (rows.length > 0)
        await em.insert(
          QuizSlot,
          rows.map((r) => ({ ...r, quizId: quiz.id })),
        );
      // Touch the quiz, so lists show it as just changed.
      await em.update(Quiz, { id: quiz.id }, { updatedAt: new Date() });
      return em.findOneByOrFail(Quiz, { id: quiz.id });
    });
  }

  async slotsOf(quizIds: readonly string[]): Promise<Map<string, QuizSlot[]>> {
    const rows = await this.dataSource
      .getRepository(QuizSlot)
      .createQueryBuilder('s')
      .where('s.quiz_id = ANY(:ids)', { ids: [...quizIds] })
      .orderBy('s.position', 'ASC')
      .getMany();
    const result = new Map<string, QuizSlot[]>(quizIds.map((id) => [id, []]));
    for (const row of rows) result.get(row.quizId)?.push(row);
    return result;
  }

  /** How many active questions a draw can choose from (the builder shows it beside the slot). */
  /**
   * The active questions of a draw's category (and subcategories) and difficulty. A new attempt
   * leaves out the quiz's fixed questions from them (never a question twice); the builder shows
   * that overlap itself.
   */
  async availableFor(slot: QuizSlot, em: EntityManager | DataSource = this.dataSource): Promise<string[]> {
    if (slot.questionId) return [slot.questionId];
    const rows: { id: string }[] = await em.query(
      `WITH RECURSIVE down AS (
         SELECT id FROM question_categories WHERE id = $1
         UNION ALL SELECT c.id FROM question_categories c JOIN down ON c.parent_id = down.id AND $2)
       SELECT q.id FROM questions q
        WHERE q.category_id IN (SELECT id FROM down) AND q.archived_at IS NULL
          AND ($3::varchar IS NULL OR q.difficulty = $3)
        ORDER BY q.id`,
      [slot.categoryId, slot.includeSubcategories, slot.difficulty],
    );
    return rows.map((r) => r.id);
  }

  /** Deletes a quiz no lesson uses and nobody has attempted. */
  async delete(id: string): Promise<string> {
    const quiz = await this.get(id);
    const lessons = await this.authoring.lessonsUsingQuiz(quiz.id);
    const [{ attempts }] = await this.dataSource.query(
      `SELECT count(*)::int AS attempts FROM quiz_attempts WHERE quiz_id = $1`,
      [quiz.id],
    );
    if (lessons > 0 || attempts > 0) throw QuizErrors.quizInUse(quiz.id, lessons, attempts);
    await this.dataSource.getRepository(Quiz).delete({ id: quiz.id });
    return quiz.id;
  }

  /** Puts a quiz (with questions) into a quiz lesson of a course draft; null takes it out. */
  async attachToLesson(lessonId: string, quizId: string | null): Promise<Lesson> {
    if (quizId) {
      const quiz = await this.get(quizId);
      const slots = (await this.slotsOf([quiz.id])).get(quiz.id) ?? [];
      if (slots.length === 0) throw QuizErrors.quizEmpty(quiz.id);
    }
    return this.authoring.setLessonQuiz(lessonId, quizId);
  }

  async lessonsUsing(quizId: string): Promise<number> {
    return this.authoring.lessonsUsingQuiz(quizId);
  }

  private questionCount(rows: { drawCount: number }[]): number {
    return rows.reduce((sum, r) => sum + r.drawCount, 0);
  }
}

function slotRow(slot: SlotInput, index: number) {
  const field = (name: string, message: string) =>
    new DomainError('VALIDATION_FAILED', `Slot ${index + 1}: ${name} ${message}`, {
      fields: [{ field: `slots.${index}.${name}`, message }],
    });
  const position = index + 1;
  if (slot.questionId) {
    if (slot.categoryId || slot.difficulty || (slot.drawCount ?? 1) !== 1)
      throw field('questionId', 'a fixed question takes no category, draw count or difficulty');
    if (!isUuid(slot.questionId)) throw QuizErrors.questionNotFound(slot.questionId);
    return {
      position,
      questionId: slot.questionId,
      categoryId: null,
      drawCount: 1,
      difficulty: null,
      includeSubcategories: true,
    };
  }
  if (!slot.categoryId) throw field('categoryId', 'a slot needs a question or a category to draw from');
  if (!isUuid(slot.categoryId)) throw QuizErrors.categoryNotFound(slot.categoryId);
  const drawCount = slot.drawCount ?? 1;
  if (!Number.isInteger(drawCount) || drawCount < 1 || drawCount > QuizLimits.drawCountMax)
    throw field('drawCount', `must be between 1 and ${QuizLimits.drawCountMax}`);
  return {
    position,
    questionId: null,
    categoryId: slot.categoryId,
    drawCount,
    difficulty: slot.difficulty ?? null,
    includeSubcategories: slot.includeSubcategories ?? true,
  };
}
