import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  parseQuestionDraft,
  QuestionLimits,
  type QuestionBody,
  type QuestionDifficulty,
  type QuestionDraft,
  type QuestionMeta,
  type QuestionType,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { DomainError } from '../../common/errors/domain-error.js';
import { type Connection, pageByTime } from '../../common/graphql/connection.js';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { QuestionCategory } from './entities/question-category.entity.js';
import { QuestionVersion } from './entities/question-version.entity.js';
import { Question } from './entities/question.entity.js';
import { QuizErrors } from './quizzes.errors.js';

/** Short ids for options, items and pairs: unique within a question, meaningless to a learner. */
export const newLocalId = (): string => randomBytes(6).toString('base64url');

const categoryNameSchema = z.object({
  nameKo: z.string().trim().min(1, 'required').max(QuestionLimits.categoryNameMax),
  nameEn: z.string().trim().min(1, 'required').max(QuestionLimits.categoryNameMax),
});

export interface QuestionFilter {
  categoryId?: string | null;
  includeSubcategories?: boolean | null;
  type?: QuestionType | null;
  difficulty?: QuestionDifficulty | null;
  tag?: string | null;
  search?: string | null;
  archived?: boolean | null;
}

export interface QuestionUsage {
  quizzes: number;
  attempts: number;
}

/** Whether a draft was accepted; its problems use the draft's field names. */
export function parsedDraftOrThrow(draft: QuestionDraft): { meta: QuestionMeta; body: QuestionBody } {
  const parsed = parseQuestionDraft(draft, newLocalId);
  if (!parsed.ok) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid question: ${parsed.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      { fields: parsed.problems },
    );
  }
  return parsed;
}

/**
 * The question bank: a category tree and versioned questions. Trainers share one bank for the
 * organisation. Every save writes a new immutable version; attempts keep the one they showed.
 */
@Injectable()
export class QuestionBankService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every category (a bank holds tens or hundreds) with its count of active questions. */
  async categoriesWithCounts(): Promise<{ categories: QuestionCategory[]; counts: Map<string, number> }> {
    const categories = await this.dataSource
      .getRepository(QuestionCategory)
      .find({ order: { nameKo: 'ASC', id: 'ASC' } });
    const rows: { category_id: string; count: number }[] = await this.dataSource.query(
      `SELECT category_id, count(*)::int AS count FROM questions WHERE archived_at IS NULL GROUP BY category_id`,
    );
    return { categories, counts: new Map(rows.map((r) => [r.category_id, r.count])) };
  }

  /** Idempotent: the same name under the same parent is the same category (a retry finds it). */
  async createCategory(input: {
    parentId?: string | null;
    nameKo: string;
    nameEn: string;
  }): Promise<QuestionCategory> {
    const names = parseInput(categoryNameSchema, input);
    return this.dataSource.transaction(async (em) => {
      await this.lockCategories(em);
      if (input.parentId) await this.categoryOrFail(em, input.parentId);
      return this.findOrCreateCategory(em, input.parentId ?? null, names.nameKo, names.nameEn);
    });
  }

  async updateCategory(
    id: string,
    input: { parentId?: string | null; nameKo: string; nameEn: string },
  ): Promise<QuestionCategory> {
    const names = parseInput(categoryNameSchema, input);
    return this.dataSource.transaction(async (em) => {
      await this.lockCategories(em);
      await this.categoryOrFail(em, id);
      const parentId = input.parentId ?? null;
      if (parentId) {
        await this.categoryOrFail(em, parentId);
        const [{ cycle }] = await em.query(
          `WITH RECURSIVE up AS (
             SELECT id, parent_id FROM question_categories WHERE id = $1
             UNION ALL SELECT c.id, c.parent_id FROM question_categories c JOIN up ON c.id = up.parent_id)
           SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS cycle`,
          [parentId, id],
        );
        if (cycle) throw QuizErrors.categoryCycle();
      }
      const clash = await em
        .createQueryBuilder(QuestionCategory, 'c')
        .where('c.parent_id IS NOT DISTINCT FROM :parentId AND c.name_ko = :nameKo AND c.id <> :id', {
          parentId,
          nameKo: names.nameKo,
          id,
        })
        .getOne();
      if (clash) {
        throw new DomainError('VALIDATION_FAILED', 'A category with this name already exists here', {
          fields: [{ field: 'nameKo', message: 'already used in this category' }],
        });
      }
      await em.update(QuestionCategory, { id }, { parentId, ...names });
      return em.findOneByOrFail(QuestionCategory, { id });
    });
  }

  /** Only an empty category goes: no subcategories, questions (archived too) or quiz draws. */
  async deleteCategory(id: string): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      await this.lockCategories(em);
      await this.categoryOrFail(em, id);
      const [{ used }] = await em.query(
        `SELECT (EXISTS (SELECT 1 FROM question_categories WHERE parent_id = $1)
              OR EXISTS (SELECT 1 FROM questions WHERE category_id = $1)
              OR EXISTS (SELECT 1 FROM quiz_slots WHERE category_id = $1)) AS used`,
        [id],
      );
      if (used) throw QuizErrors.categoryNotEmpty(id);
      await em.delete(QuestionCategory, { id });
      return id;
    });
  }

  /** The category at a path of Korean names, made as needed (imports). Call under lockCategories. */
  async ensureCategoryPath(em: EntityManager, rootId: string | null, path: string[]): Promise<string | null> {
    let parentId = rootId;
    for (const raw of path) {
      const name = raw.trim().slice(0, QuestionLimits.categoryNameMax);
      if (name === '') continue;
      parentId = (await this.findOrCreateCategory(em, parentId, name, name)).id;
    }
    return parentId;
  }

  /** Category writes are rare; one transaction-scoped lock keeps find-or-create and moves simple. */
  async lockCategories(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('palma:question_categories'))`);
  }

  async categoryOrFail(em: EntityManager, id: string): Promise<QuestionCategory> {
    const category = isUuid(id) ? await em.findOneBy(QuestionCategory, { id }) : null;
    if (!category) throw QuizErrors.categoryNotFound(id);
    return category;
  }

  private async findOrCreateCategory(
    em: EntityManager,
    parentId: string | null,
    nameKo: string,
    nameEn: string,
  ): Promise<QuestionCategory> {
    const existing = await em
      .createQueryBuilder(QuestionCategory, 'c')
      .where('c.parent_id IS NOT DISTINCT FROM :parentId AND c.name_ko = :nameKo', { parentId, nameKo })
      .getOne();
    if (existing) return existing;
    return em.save(em.create(QuestionCategory, { parentId, nameKo, nameEn }));
  }

  /** The ids of a category and all its descendants. */
  async subtreeIds(em: EntityManager | DataSource, categoryId: string): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `WITH RECURSIVE down AS (
         SELECT id FROM question_categories WHERE id = $1
         UNION ALL SELECT c.id FROM question_categories c JOIN down ON c.parent_id = down.id)
       SELECT id FROM down`,
      [categoryId],
    );
    return rows.map((r) => r.id);
  }

  async list(
    filter: QuestionFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<Question>> {
    const qb = this.dataSource.getRepository(Question).createQueryBuilder('q');
    qb.where(filter.archived ? 'q.archived_at IS NOT NULL' : 'q.archived_at IS NULL');
    if (filter.categoryId) {
      if (!isUuid(filter.categoryId)) throw QuizErrors.categoryNotFound(filter.categoryId);
      const ids =
        filter.includeSubcategories === false
          ? [filter.categoryId]
          : await this.subtreeIds(this.dataSource, filter.categoryId);
      qb.andWhere('q.category_id = ANY(:ids)', { ids });
    }
    if (filter.type) qb.andWhere('q.type = :type', { type: filter.type });
    if (filter.difficulty) qb.andWhere('q.difficulty = :difficulty', { difficulty: filter.difficulty });
    if (filter.tag?.trim()) qb.andWhere(':tag = ANY(q.tags)', { tag: filter.tag.trim() });
    const search = filter.search?.trim();
    if (search) {
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        "(q.prompt_ko ILIKE :like OR q.prompt_en ILIKE :like OR array_to_string(q.tags, ' ') ILIKE :like)",
        {
          like,
        },
      );
    }
    return pageByTime(qb, 'q.created_at', 'DESC', first, after);
  }

  async get(id: string): Promise<Question> {
    const question = isUuid(id) ? await this.dataSource.getRepository(Question).findOneBy({ id }) : null;
    if (!question) throw QuizErrors.questionNotFound(id);
    return question;
  }

  async byIds(ids: readonly string[]): Promise<Question[]> {
    return this.dataSource
      .getRepository(Question)
      .createQueryBuilder('q')
      .where('q.id = ANY(:ids)', { ids })
      .getMany();
  }

  /**
   * Creates a question. The client may choose its id: a retry with the same id returns the question
   * made the first time instead of a copy.
   */
  async create(
    authorId: string,
    input: QuestionDraft & { id?: string | null; categoryId: string },
  ): Promise<Question> {
    const { meta, body } = parsedDraftOrThrow(input);
    const id = input.id ?? randomUUID();
    if (!isUuid(id))
      throw new DomainError('VALIDATION_FAILED', 'id must be a UUID', {
        fields: [{ field: 'id', message: 'must be a UUID' }],
      });
    return this.dataSource.transaction(async (em) => {
      await this.categoryOrFail(em, input.categoryId);
      const created = await this.insertQuestions(em, authorId, [
        { id, categoryId: input.categoryId, meta, body },
      ]);
      if (created === 0) {
        const existing = await em.findOneByOrFail(Question, { id });
        if (existing.createdById !== authorId) throw new DomainError('VALIDATION_FAILED', 'This id is taken');
        return existing;
      }
      return em.findOneByOrFail(Question, { id });
    });
  }

  /** Saves a new version; attempts already made keep the version they showed. */
  async update(id: string, input: QuestionDraft & { categoryId: string }): Promise<Question> {
    const { meta, body } = parsedDraftOrThrow(input);
    return this.dataSource.transaction(async (em) => {
      const question = isUuid(id)
        ? await em
            .createQueryBuilder(Question, 'q')
            .setLock('pessimistic_write')
            .where('q.id = :id', { id })
            .getOne()
        : null;
      if (!question) throw QuizErrors.questionNotFound(id);
      await this.categoryOrFail(em, input.categoryId);
      const version = question.version + 1;
      await em.update(
        Question,
        { id },
        { ...meta, type: body.type, body, categoryId: input.categoryId, version },
      );
      await em.insert(QuestionVersion, {
        questionId: id,
        version,
        type: body.type,
        ...versionOf(meta),
        body,
      });
      return em.findOneByOrFail(Question, { id });
    });
  }

  async setArchived(id: string, archived: boolean): Promise<Question> {
    const question = await this.get(id);
    await this.dataSource
      .getRepository(Question)
      .update({ id }, { archivedAt: archived ? (question.archivedAt ?? new Date()) : null });
    return this.get(id);
  }

  /** Quizzes with a fixed slot for the question, and attempts that showed any version of it. */
  async usageOf(ids: readonly string[]): Promise<Map<string, QuestionUsage>> {
    const rows: { id: string; quizzes: number; attempts: number }[] = await this.dataSource.query(
      `SELECT q.id,
              (SELECT count(DISTINCT s.quiz_id) FROM quiz_slots s WHERE s.question_id = q.id)::int AS quizzes,
              (SELECT count(*) FROM attempt_questions aq JOIN question_versions v ON v.id = aq.question_version_id
                WHERE v.question_id = q.id)::int AS attempts
         FROM questions q WHERE q.id = ANY($1)`,
      [[...ids]],
    );
    return new Map(rows.map((r) => [r.id, { quizzes: r.quizzes, attempts: r.attempts }]));
  }

  /** Inserts questions with their first version (ON CONFLICT: a retried id is left alone). */
  async insertQuestions(
    em: EntityManager,
    authorId: string,
    questions: { id: string; categoryId: string; meta: QuestionMeta; body: QuestionBody }[],
  ): Promise<number> {
    let created = 0;
    // Batches keep each statement's parameter count well below PostgreSQL's 65,535.
    for (let i = 0; i < questions.length; i += 500) {
      const batch = questions.slice(i, i + 500);
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(Question)
        .values(
          batch.map((q) => ({
            id: q.id,
            categoryId: q.categoryId,
            type: q.body.type,
            ...q.meta,
            body: q.body,
            version: 1,
            createdById: authorId,
          })),
        )
        .orIgnore()
        .returning('id')
        .execute();
      const inserted = new Set((result.raw as { id: string }[]).map((r) => r.id));
      created += inserted.size;
      const versions = batch
        .filter((q) => inserted.has(q.id))
        .map((q) => ({
          questionId: q.id,
          version: 1,
          type: q.body.type,
          ...versionOf(q.meta),
          body: q.body,
        }));
      if (versions.length > 0)
        await em.createQueryBuilder().insert().into(QuestionVersion).values(versions).execute();
    }
    return created;
  }
}

function versionOf(meta: QuestionMeta) {
  return {
    promptKo: meta.promptKo,
    promptEn: meta.promptEn,
    explanationKo: meta.explanationKo,
    explanationEn: meta.explanationEn,
    imageUrl: meta.imageUrl,
    points: meta.points,
  };
}
