import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  courseDetailsSchema,
  dilemmaContentSchema,
  pledgeContentSchema,
  readingContentSchema,
  sectionTitleSchema,
  videoContentSchema,
  type LessonContent,
} from '@palma/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error.js';
import { isUuid } from '../../common/ids.js';
import { parseInput } from '../../common/validation.js';
import { CourseErrors } from './courses.errors.js';
import type {
  CourseDetailsInput,
  LessonInput,
  SectionInput,
  SectionOrderInput,
} from './dto/course.inputs.js';
import { isUnsafeMarkdown } from './content/lesson-rendering.js';
import { CourseSection } from './entities/course-section.entity.js';
import { CourseVersion } from './entities/course-version.entity.js';
import { Course } from './entities/course.entity.js';
import { Lesson } from './entities/lesson.entity.js';

/**
 * Trainers' side of courses. Only a DRAFT version is ever edited; publishing freezes it and
 * retires the previous published version; a new draft starts as a copy of the published one.
 * Every change to a course runs under a row lock on the course, so concurrent edits serialise.
 */
@Injectable()
export class CourseAuthoringService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async createCourse(authorId: string, input: CourseDetailsInput): Promise<Course> {
    const details = parseInput(courseDetailsSchema, input);
    return this.dataSource.transaction(async (em) => {
      const course = await em.save(Course, em.create(Course, { createdById: authorId }));
      await em.insert(CourseVersion, {
        ...details,
        coverImageUrl: details.coverImageUrl ?? null,
        courseId: course.id,
        version: 1,
        status: 'DRAFT',
      });
      return course;
    });
  }

  /** The draft to edit: the existing one, or a new version copied from the published one. Idempotent. */
  async startDraft(courseId: string): Promise<CourseVersion> {
    return this.dataSource.transaction(async (em) => {
      await this.lockCourse(em, courseId);
      const draft = await em.findOneBy(CourseVersion, { courseId, status: 'DRAFT' });
      if (draft) return draft;
      const published = await em.findOneByOrFail(CourseVersion, { courseId, status: 'PUBLISHED' });
      const [{ max }] = await em.query(
        `SELECT max(version)::int AS max FROM course_versions WHERE course_id = $1`,
        [courseId],
      );
      const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = published;
      const copy = await em.save(
        CourseVersion,
        em.create(CourseVersion, { ...fields, version: max + 1, status: 'DRAFT', publishedAt: null }),
      );
      const sections = await em.find(CourseSection, {
        where: { versionId: published.id },
        order: { position: 'ASC' },
      });
      for (const section of sections) {
        const newSection = await em.save(
          CourseSection,
          em.create(CourseSection, {
            versionId: copy.id,
            position: section.position,
            titleKo: section.titleKo,
            titleEn: section.titleEn,
          }),
        );
        const lessons = await em.find(Lesson, {
          where: { sectionId: section.id },
          order: { position: 'ASC' },
        });
        if (lessons.length > 0) {
          await em.insert(
            Lesson,
            lessons.map(({ id: _lid, ...lesson }) => ({
              ...lesson,
              sectionId: newSection.id,
              versionId: copy.id,
            })),
          );
        }
      }
      return copy;
    });
  }

  async updateDetails(courseId: string, input: CourseDetailsInput): Promise<CourseVersion> {
    const details = parseInput(courseDetailsSchema, input);
    return this.inDraft(courseId, async (em, draft) => {
      await em.update(
        CourseVersion,
        { id: draft.id },
        { ...details, coverImageUrl: details.coverImageUrl ?? null },
      );
      return em.findOneByOrFail(CourseVersion, { id: draft.id });
    });
  }

  async addSection(courseId: string, input: SectionInput): Promise<CourseSection> {
    const fields = parseInput(sectionTitleSchema, input);
    return this.inDraft(courseId, async (em, draft) => {
      const position = await this.nextPosition(em, 'course_sections', 'version_id', draft.id);
      return em.save(CourseSection, em.create(CourseSection, { ...fields, versionId: draft.id, position }));
    });
  }

  async updateSection(sectionId: string, input: SectionInput): Promise<CourseSection> {
    const fields = parseInput(sectionTitleSchema, input);
    const section = await this.sectionOrFail(sectionId);
    return this.inDraftVersion(section.versionId, async (em) => {
      await em.update(CourseSection, { id: sectionId }, fields);
      return em.findOneByOrFail(CourseSection, { id: sectionId });
    });
  }

  async deleteSection(sectionId: string): Promise<string> {
    const section = await this.sectionOrFail(sectionId);
    return this.inDraftVersion(section.versionId, async (em) => {
      await em.delete(CourseSection, { id: sectionId });
      return section.versionId;
    });
  }

  async addLesson(sectionId: string, input: LessonInput): Promise<Lesson> {
    const content = this.lessonContent(input);
    const titles = parseInput(sectionTitleSchema, { titleKo: input.titleKo, titleEn: input.titleEn });
    const section = await this.sectionOrFail(sectionId);
    return this.inDraftVersion(section.versionId, async (em) => {
      const position = await this.nextPosition(em, 'lessons', 'section_id', sectionId);
      return em.save(
        Lesson,
        em.create(Lesson, {
          ...titles,
          kind: input.kind,
          content,
          sectionId,
          versionId: section.versionId,
          position,
        }),
      );
    });
  }

  async updateLesson(lessonId: string, input: LessonInput): Promise<Lesson> {
    const lesson = await this.lessonOrFail(lessonId);
    // A quiz lesson keeps its quiz: attaching one is setLessonQuiz's business.
    const content =
      input.kind === 'QUIZ' && lesson.content.kind === 'QUIZ' ? lesson.content : this.lessonContent(input);
    const titles = parseInput(sectionTitleSchema, { titleKo: input.titleKo, titleEn: input.titleEn });
    return this.inDraftVersion(lesson.versionId, async (em) => {
      await em.update(Lesson, { id: lessonId }, { ...titles, kind: input.kind, content });
      return em.findOneByOrFail(Lesson, { id: lessonId });
    });
  }

  async deleteLesson(lessonId: string): Promise<string> {
    const lesson = await this.lessonOrFail(lessonId);
    return this.inDraftVersion(lesson.versionId, async (em) => {
      await em.delete(Lesson, { id: lessonId });
      return lesson.versionId;
    });
  }

  /**
   * Attaches a quiz to a quiz lesson of a draft (the quiz engine checks the quiz first). Null
   * detaches it. Setting the same quiz again changes nothing.
   */
  async setLessonQuiz(lessonId: string, quizId: string | null): Promise<Lesson> {
    const lesson = await this.lessonOrFail(lessonId);
    if (lesson.content.kind !== 'QUIZ') {
      throw new DomainError('WRONG_LESSON_KIND', 'Only a quiz lesson takes a quiz', { lessonId });
    }
    return this.inDraftVersion(lesson.versionId, async (em) => {
      await em.update(Lesson, { id: lessonId }, { content: { kind: 'QUIZ', quizId } });
      return em.findOneByOrFail(Lesson, { id: lessonId });
    });
  }

  /** How many lessons (in any version) use a quiz. */
  async lessonsUsingQuiz(quizId: string): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM lessons WHERE kind = 'QUIZ' AND content->>'quizId' = $1`,
      [quizId],
    );
    return count;
  }

  /**
   * Sets the whole order of a draft at once (drag and drop): every module and lesson of the draft
   * exactly once; lessons may move between modules of the same draft, never in from elsewhere.
   */
  async reorder(courseId: string, order: SectionOrderInput[]): Promise<CourseVersion> {
    return this.inDraft(courseId, async (em, draft) => {
      const sections = await em.find(CourseSection, { where: { versionId: draft.id }, select: { id: true } });
      const lessons = await em.find(Lesson, { where: { versionId: draft.id }, select: { id: true } });
      const givenSections = order.map((s) => s.sectionId);
      const givenLessons = order.flatMap((s) => s.lessonIds);
      const same = (a: string[], b: string[]) =>
        a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));
      if (
        !same(
          givenSections,
          sections.map((s) => s.id),
        ) ||
        !same(
          givenLessons,
          lessons.map((l) => l.id),
        )
      ) {
        throw CourseErrors.reorderMismatch();
      }
      for (const [sectionPosition, section] of order.entries()) {
        await em.update(CourseSection, { id: section.sectionId }, { position: sectionPosition + 1 });
        for (const [lessonPosition, lessonId] of section.lessonIds.entries()) {
          await em.update(
            Lesson,
            { id: lessonId },
            { sectionId: section.sectionId, position: lessonPosition + 1 },
          );
        }
      }
      return draft;
    });
  }

  /** Publishes the draft; the previously published version is retired. Idempotent for a retry. */
  async publish(courseId: string): Promise<CourseVersion> {
    return this.dataSource.transaction(async (em) => {
      await this.lockCourse(em, courseId);
      const draft = await em.findOneBy(CourseVersion, { courseId, status: 'DRAFT' });
      if (!draft) {
        const published = await em.findOneBy(CourseVersion, { courseId, status: 'PUBLISHED' });
        if (published) return published;
        throw CourseErrors.notDraft();
      }
      const lessons = await em.find(Lesson, { where: { versionId: draft.id } });
      if (lessons.length === 0) throw CourseErrors.empty();
      const unready = lessons.find((l) => l.content.kind === 'QUIZ' && l.content.quizId === null);
      if (unready) throw CourseErrors.lessonNotReady(unready.id);
      await em.update(CourseVersion, { courseId, status: 'PUBLISHED' }, { status: 'RETIRED' });
      await em.update(CourseVersion, { id: draft.id }, { status: 'PUBLISHED', publishedAt: new Date() });
      return em.findOneByOrFail(CourseVersion, { id: draft.id });
    });
  }

  /** Validates the kind-specific content; Markdown with unsafe HTML is refused, not silently cleaned. */
  private lessonContent(input: LessonInput): LessonContent {
    const given = {
      READING: input.reading,
      VIDEO: input.video,
      DILEMMA: input.dilemma,
      PLEDGE: input.pledge,
    };
    const extra = Object.entries(given).filter(([kind, value]) => value != null && kind !== input.kind);
    if (extra.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `A ${input.kind} lesson takes only its own content`, {
        fields: extra.map(([kind]) => ({
          field: kind.toLowerCase(),
          message: `not allowed for ${input.kind}`,
        })),
      });
    }
    switch (input.kind) {
      case 'READING': {
        const content = parseInput(readingContentSchema, { kind: 'READING', ...input.reading });
        if (isUnsafeMarkdown(content.markdownKo)) throw CourseErrors.unsafe('markdownKo');
        if (isUnsafeMarkdown(content.markdownEn)) throw CourseErrors.unsafe('markdownEn');
        return content;
      }
      case 'VIDEO':
        return parseInput(videoContentSchema, { kind: 'VIDEO', ...input.video });
      case 'DILEMMA':
        return parseInput(dilemmaContentSchema, { kind: 'DILEMMA', ...input.dilemma });
      case 'PLEDGE':
        return parseInput(pledgeContentSchema, { kind: 'PLEDGE', ...input.pledge });
      case 'QUIZ':
        return { kind: 'QUIZ', quizId: null };
    }
  }

  private async inDraft<T>(
    courseId: string,
    work: (em: EntityManager, draft: CourseVersion) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await this.lockCourse(em, courseId);
      const draft = await em.findOneBy(CourseVersion, { courseId, status: 'DRAFT' });
      if (!draft) throw CourseErrors.notDraft();
      return work(em, draft);
    });
  }

  private async inDraftVersion<T>(versionId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const version = await this.dataSource.getRepository(CourseVersion).findOneByOrFail({ id: versionId });
    return this.inDraft(version.courseId, async (em, draft) => {
      if (draft.id !== versionId) throw CourseErrors.notDraft();
      return work(em);
    });
  }

  private async lockCourse(em: EntityManager, courseId: string): Promise<void> {
    const rows = isUuid(courseId)
      ? await em.query(`SELECT id FROM courses WHERE id = $1 FOR UPDATE`, [courseId])
      : [];
    if (rows.length === 0) throw CourseErrors.courseNotFound(courseId);
  }

  private async nextPosition(
    em: EntityManager,
    table: 'course_sections' | 'lessons',
    column: string,
    id: string,
  ): Promise<number> {
    const [{ next }] = await em.query(
      `SELECT coalesce(max(position), 0)::int + 1 AS next FROM ${table} WHERE ${column} = $1`,
      [id],
    );
    return next;
  }

  private async sectionOrFail(id: string): Promise<CourseSection> {
    const section = isUuid(id) ? await this.dataSource.getRepository(CourseSection).findOneBy({ id }) : null;
    if (!section) throw CourseErrors.sectionNotFound(id);
    return section;
  }

  private async lessonOrFail(id: string): Promise<Lesson> {
    const lesson = isUuid(id) ? await this.dataSource.getRepository(Lesson).findOneBy({ id }) : null;
    if (!lesson) throw CourseErrors.lessonNotFound(id);
    return lesson;
  }
}
