import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../../common/auth/viewer.js';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  toConnection,
  type Connection,
} from '../../common/graphql/connection.js';
import { isUuid } from '../../common/ids.js';
import { CourseErrors } from './courses.errors.js';
import type { CoursesArgs } from './dto/course.inputs.js';
import { CourseSection } from './entities/course-section.entity.js';
import { CourseVersion } from './entities/course-version.entity.js';
import { Lesson } from './entities/lesson.entity.js';

export interface CourseRow {
  id: string;
  createdAt: Date;
  publishedVersionId: string | null;
  draftVersionId: string | null;
}

const isAuthor = (viewer: Viewer) => viewer.roles.includes('TRAINER') || viewer.roles.includes('ADMIN');

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Read side of courses: the catalogue (learners see published courses, authors everything). */
@Injectable()
export class CourseCatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(viewer: Viewer, args: CoursesArgs): Promise<Connection<CourseRow>> {
    const limit = pageSize(args.first);
    const withDrafts = args.includeDrafts && isAuthor(viewer);
    const params: unknown[] = [];
    const where: string[] = [withDrafts ? 'TRUE' : 'p.id IS NOT NULL'];
    // Filters match the version a viewer would see: the published one, else (authors) the draft.
    const shown = `coalesce(p.title_ko, d.title_ko)`;
    if (args.search?.trim()) {
      params.push(`%${escapeLike(args.search.trim())}%`);
      where.push(
        `(${shown} ILIKE $${params.length} OR coalesce(p.title_en, d.title_en) ILIKE $${params.length})`,
      );
    }
    if (args.category) {
      params.push(args.category);
      where.push(`coalesce(p.category, d.category) = $${params.length}`);
    }
    const from = `FROM courses c
      LEFT JOIN course_versions p ON p.course_id = c.id AND p.status = 'PUBLISHED'
      LEFT JOIN course_versions d ON d.course_id = c.id AND d.status = 'DRAFT'
      WHERE ${where.join(' AND ')}`;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n ${from}`, params);
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      params.push(at, id);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows: { id: string; created_at: Date; published_id: string | null; draft_id: string | null }[] =
      await this.dataSource.query(
        `SELECT c.id, c.created_at, p.id AS published_id, d.id AS draft_id
           FROM courses c
           LEFT JOIN course_versions p ON p.course_id = c.id AND p.status = 'PUBLISHED'
           LEFT JOIN course_versions d ON d.course_id = c.id AND d.status = 'DRAFT'
          WHERE ${where.join(' AND ')}
          ORDER BY c.created_at DESC, c.id DESC
          LIMIT $${params.length}`,
        params,
      );
    return toConnection(
      rows,
      limit,
      n,
      (r) => encodeCursor([new Date(r.created_at).toISOString(), r.id]),
      (r) => ({
        id: r.id,
        createdAt: r.created_at,
        publishedVersionId: r.published_id,
        draftVersionId: r.draft_id,
      }),
    );
  }

  /** A course as the viewer may see it; learners only see published courses. */
  async get(viewer: Viewer, id: string): Promise<CourseRow> {
    const rows = isUuid(id)
      ? await this.dataSource.query(
          `SELECT c.id, c.created_at,
                  (SELECT v.id FROM course_versions v WHERE v.course_id = c.id AND v.status = 'PUBLISHED') AS published_id,
                  (SELECT v.id FROM course_versions v WHERE v.course_id = c.id AND v.status = 'DRAFT') AS draft_id
             FROM courses c WHERE c.id = $1`,
          [id],
        )
      : [];
    const row = rows[0];
    if (!row || (!row.published_id && !isAuthor(viewer))) throw CourseErrors.courseNotFound(id);
    return {
      id: row.id,
      createdAt: row.created_at,
      publishedVersionId: row.published_id,
      draftVersionId: row.draft_id,
    };
  }

  versionsByIds(ids: readonly string[]): Promise<CourseVersion[]> {
    return this.dataSource.getRepository(CourseVersion).findBy({ id: In([...ids]) });
  }

  versionHistory(courseId: string): Promise<CourseVersion[]> {
    return this.dataSource
      .getRepository(CourseVersion)
      .find({ where: { courseId }, order: { version: 'DESC' } });
  }

  /** Sections with their lessons, in order, for several versions at once (DataLoader batch). */
  async structureOf(
    versionIds: readonly string[],
  ): Promise<Map<string, { section: CourseSection; lessons: Lesson[] }[]>> {
    const sections = await this.dataSource
      .getRepository(CourseSection)
      .find({ where: { versionId: In([...versionIds]) }, order: { position: 'ASC', id: 'ASC' } });
    const lessons = await this.dataSource
      .getRepository(Lesson)
      .find({ where: { versionId: In([...versionIds]) }, order: { position: 'ASC', id: 'ASC' } });
    const result = new Map<string, { section: CourseSection; lessons: Lesson[] }[]>(
      versionIds.map((id) => [id, []]),
    );
    for (const section of sections) {
      result
        .get(section.versionId)!
        .push({ section, lessons: lessons.filter((l) => l.sectionId === section.id) });
    }
    return result;
  }
}
