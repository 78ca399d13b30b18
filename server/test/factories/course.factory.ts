import { randomBytes } from 'node:crypto';
import { lessonContentSchema, type LessonContent, type LessonKind } from '@palma/shared';
import { CourseSection } from '../../src/modules/courses/entities/course-section.entity.js';
import { CourseVersion } from '../../src/modules/courses/entities/course-version.entity.js';
import { Course } from '../../src/modules/courses/entities/course.entity.js';
import { Lesson } from '../../src/modules/courses/entities/lesson.entity.js';
import type { TestApp } from '../utils/test-app.js';
import { createPerson } from './org.factory.js';

const unique = () => randomBytes(3).toString('hex');

export const PLEDGE_TEXT_KO = '나는 공정하고 청렴하게 직무를 수행할 것을 서약합니다.';
export const PLEDGE_TEXT_EN = 'I pledge to perform my duties fairly and with integrity.';

/**
 * A small scenario:  offer ─┬─ accept ──────────────────▶ (ends by choice)
 *                           └─ refuse ─▶ aftermath ── report ─▶ end (ending node)
 * Complete walks: ['accept'] and ['refuse', 'report'].
 */
export const DILEMMA: Extract<LessonContent, { kind: 'DILEMMA' }> = {
  kind: 'DILEMMA',
  startNodeId: 'offer',
  nodes: [
    {
      id: 'offer',
      textKo: '민원인이 감사의 뜻으로 상품권을 건넵니다.',
      textEn: 'A petitioner offers you a gift voucher as thanks.',
      choices: [
        {
          id: 'accept',
          labelKo: '받는다',
          labelEn: 'Accept it',
          feedbackKo: '청탁금지법 위반입니다.',
          feedbackEn: 'This breaks the Improper Solicitation and Graft Act.',
          next: null,
        },
        {
          id: 'refuse',
          labelKo: '정중히 거절한다',
          labelEn: 'Politely refuse',
          feedbackKo: '올바른 선택입니다.',
          feedbackEn: 'The right choice.',
          next: 'aftermath',
        },
      ],
    },
    {
      id: 'aftermath',
      textKo: '민원인이 상품권을 책상에 두고 갔습니다.',
      textEn: 'The petitioner left the voucher on your desk.',
      choices: [
        {
          id: 'report',
          labelKo: '청렴담당관에게 신고한다',
          labelEn: 'Report it to the integrity officer',
          feedbackKo: '',
          feedbackEn: '',
          next: 'end',
        },
      ],
    },
    { id: 'end', textKo: '잘 처리했습니다.', textEn: 'Well handled.', choices: [] },
  ],
};

/** Valid content for each kind: a reading without minimum time, a video needing 80 %, … */
export function defaultContent(kind: LessonKind): LessonContent {
  switch (kind) {
    case 'READING':
      return { kind, markdownKo: '# 청렴\n\n본문', markdownEn: '# Integrity\n\nBody', minReadingSeconds: 0 };
    case 'VIDEO':
      return { kind, url: 'https://videos.palma.test/integrity.mp4', requiredWatchPercent: 80 };
    case 'DILEMMA':
      return DILEMMA;
    case 'PLEDGE':
      return { kind, textKo: PLEDGE_TEXT_KO, textEn: PLEDGE_TEXT_EN };
    case 'QUIZ':
      return { kind, quizId: null };
  }
}

export interface LessonSpec {
  kind: LessonKind;
  /** Merged into the default content of the kind, e.g. `{ minReadingSeconds: 60 }`. */
  content?: Partial<LessonContent>;
  titleKo?: string;
}

export interface CourseSpec {
  sequential?: boolean;
  creditMinutes?: number;
  titleKo?: string;
  lessons: LessonSpec[];
}

export interface PublishedCourse {
  course: Course;
  version: CourseVersion;
  section: CourseSection;
  lessons: Lesson[];
}

async function insertVersion(
  app: TestApp,
  course: Course,
  number: number,
  spec: CourseSpec,
): Promise<Omit<PublishedCourse, 'course'>> {
  const title = spec.titleKo ?? `청렴 과정 ${unique()}`;
  const version = await app.dataSource.getRepository(CourseVersion).save({
    courseId: course.id,
    version: number,
    status: 'PUBLISHED',
    titleKo: title,
    titleEn: `Integrity course ${title}`,
    category: 'INTEGRITY_LAW',
    creditMinutes: spec.creditMinutes ?? 30,
    estimatedMinutes: 30,
    sequential: spec.sequential ?? false,
    publishedAt: new Date(),
  });
  const section = await app.dataSource.getRepository(CourseSection).save({
    versionId: version.id,
    position: 1,
    titleKo: '1장',
    titleEn: 'Module 1',
  });
  const lessons: Lesson[] = [];
  for (const [index, lesson] of spec.lessons.entries()) {
    const content = lessonContentSchema.parse({ ...defaultContent(lesson.kind), ...lesson.content });
    lessons.push(
      await app.dataSource.getRepository(Lesson).save({
        sectionId: section.id,
        versionId: version.id,
        position: index + 1,
        kind: lesson.kind,
        titleKo: lesson.titleKo ?? `${index + 1}. ${lesson.kind} 학습`,
        titleEn: `${index + 1}. ${lesson.kind} lesson`,
        content,
      }),
    );
  }
  return { version, section, lessons };
}

/** A course with one PUBLISHED version (version 1), one module and the given lessons in order. */
export async function createPublishedCourse(app: TestApp, spec: CourseSpec): Promise<PublishedCourse> {
  const author = await createPerson(app, { roles: ['TRAINER'], password: null });
  const course = await app.dataSource.getRepository(Course).save({ createdById: author.id });
  return { course, ...(await insertVersion(app, course, 1, spec)) };
}

/** Publishes a new version of a course the way publishing does: the current one is RETIRED. */
export async function publishNewVersion(
  app: TestApp,
  course: Course,
  spec: CourseSpec,
): Promise<PublishedCourse> {
  const [{ next }] = await app.dataSource.query(
    `SELECT max(version)::int + 1 AS next FROM course_versions WHERE course_id = $1`,
    [course.id],
  );
  await app.dataSource.query(
    `UPDATE course_versions SET status = 'RETIRED' WHERE course_id = $1 AND status = 'PUBLISHED'`,
    [course.id],
  );
  return { course, ...(await insertVersion(app, course, next, spec)) };
}
