import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CourseCategory, CourseVersionStatus, LessonKind } from '@palma/shared';
import type { LessonContent } from '@palma/shared';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { CourseVersion } from '../entities/course-version.entity.js';
import type { CourseSection } from '../entities/course-section.entity.js';
import type { Lesson } from '../entities/lesson.entity.js';
import { renderMarkdown, videoEmbedUrl } from '../content/lesson-rendering.js';

registerEnumType(CourseCategory, {
  name: 'CourseCategory',
  description: 'General integrity law or one of the five vulnerable areas',
});
registerEnumType(CourseVersionStatus, { name: 'CourseVersionStatus' });
registerEnumType(LessonKind, { name: 'LessonKind' });

@ObjectType()
export class ReadingContent {
  @Field() markdownKo: string;
  @Field() markdownEn: string;
  @Field({ description: 'Sanitised HTML rendered from markdownKo' }) htmlKo: string;
  @Field({ description: 'Sanitised HTML rendered from markdownEn' }) htmlEn: string;
  @Field(() => Int) minReadingSeconds: number;
}

@ObjectType()
export class VideoContent {
  @Field() url: string;
  @Field(() => String, {
    nullable: true,
    description: 'Player URL for YouTube/Vimeo pages; null for a video file',
  })
  embedUrl: string | null;
  @Field(() => Int) requiredWatchPercent: number;
}

@ObjectType()
export class DilemmaChoice {
  @Field() id: string;
  @Field() labelKo: string;
  @Field() labelEn: string;
  @Field() feedbackKo: string;
  @Field() feedbackEn: string;
  @Field(() => String, { nullable: true, description: 'Next node id; null ends the scenario' }) next:
    string | null;
}

@ObjectType()
export class DilemmaNode {
  @Field() id: string;
  @Field() textKo: string;
  @Field() textEn: string;
  @Field(() => [DilemmaChoice], { description: 'Empty for an ending' }) choices: DilemmaChoice[];
}

@ObjectType()
export class DilemmaContent {
  @Field() startNodeId: string;
  @Field(() => [DilemmaNode]) nodes: DilemmaNode[];
}

@ObjectType()
export class PledgeContent {
  @Field() textKo: string;
  @Field() textEn: string;
}

@ObjectType()
export class QuizContent {
  @Field(() => ID, { nullable: true, description: 'Null until the quiz engine attaches a quiz' }) quizId:
    string | null;
}

export const LessonContentUnion = createUnionType({
  name: 'LessonContent',
  types: () => [ReadingContent, VideoContent, DilemmaContent, PledgeContent, QuizContent] as const,
  resolveType: (value: { __kind: LessonKind }) =>
    ({
      READING: ReadingContent,
      VIDEO: VideoContent,
      DILEMMA: DilemmaContent,
      PLEDGE: PledgeContent,
      QUIZ: QuizContent,
    })[value.__kind],
});

/** Maps stored content to its GraphQL shape (rendering Markdown safely on the way). */
export function toContentModel(content: LessonContent): object {
  switch (content.kind) {
    case 'READING':
      return {
        __kind: 'READING',
        markdownKo: content.markdownKo,
        markdownEn: content.markdownEn,
        htmlKo: renderMarkdown(content.markdownKo),
        htmlEn: renderMarkdown(content.markdownEn),
        minReadingSeconds: content.minReadingSeconds,
      };
    case 'VIDEO':
      return {
        __kind: 'VIDEO',
        url: content.url,
        embedUrl: videoEmbedUrl(content.url),
        requiredWatchPercent: content.requiredWatchPercent,
      };
    case 'DILEMMA':
      return { __kind: 'DILEMMA', startNodeId: content.startNodeId, nodes: content.nodes };
    case 'PLEDGE':
      return { __kind: 'PLEDGE', textKo: content.textKo, textEn: content.textEn };
    case 'QUIZ':
      return { __kind: 'QUIZ', quizId: content.quizId };
  }
}

@ObjectType('Lesson')
export class LessonModel {
  @Field(() => ID) id: string;
  @Field(() => ID) sectionId: string;
  @Field(() => Int) position: number;
  @Field(() => LessonKind) kind: LessonKind;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field(() => LessonContentUnion) content: object;

  static from(lesson: Lesson): LessonModel {
    return Object.assign(new LessonModel(), {
      id: lesson.id,
      sectionId: lesson.sectionId,
      position: lesson.position,
      kind: lesson.kind,
      titleKo: lesson.titleKo,
      titleEn: lesson.titleEn,
      content: toContentModel(lesson.content),
    });
  }
}

@ObjectType('CourseSection', { description: 'A module of a course: an ordered group of lessons.' })
export class CourseSectionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field(() => [LessonModel]) lessons: LessonModel[];

  static from(section: CourseSection, lessons: Lesson[]): CourseSectionModel {
    return Object.assign(new CourseSectionModel(), {
      id: section.id,
      position: section.position,
      titleKo: section.titleKo,
      titleEn: section.titleEn,
      lessons: lessons.map(LessonModel.from),
    });
  }
}

@ObjectType('CourseVersion', { description: 'One version of a course: the content a learner takes.' })
export class CourseVersionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) courseId: string;
  @Field(() => Int) version: number;
  @Field(() => CourseVersionStatus) status: CourseVersionStatus;
  @Field() titleKo: string;
  @Field() titleEn: string;
  @Field() descriptionKo: string;
  @Field() descriptionEn: string;
  @Field(() => CourseCategory) category: CourseCategory;
  @Field(() => Int) creditMinutes: number;
  @Field(() => Int) estimatedMinutes: number;
  @Field(() => String, { nullable: true }) coverImageUrl: string | null;
  @Field(() => [String]) tags: string[];
  @Field({ description: 'Lessons must be completed in order' }) sequential: boolean;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;

  static from(v: CourseVersion): CourseVersionModel {
    return Object.assign(new CourseVersionModel(), {
      id: v.id,
      courseId: v.courseId,
      version: v.version,
      status: v.status,
      titleKo: v.titleKo,
      titleEn: v.titleEn,
      descriptionKo: v.descriptionKo,
      descriptionEn: v.descriptionEn,
      category: v.category,
      creditMinutes: v.creditMinutes,
      estimatedMinutes: v.estimatedMinutes,
      coverImageUrl: v.coverImageUrl,
      tags: v.tags,
      sequential: v.sequential,
      publishedAt: v.publishedAt,
    });
  }
}

@ObjectType('Course')
export class CourseModel {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  /** Loaded by field resolvers (published for everyone, draft and history for authors). */
  publishedVersionId: string | null;
  draftVersionId: string | null;
}

@ObjectType()
export class CourseConnection extends ConnectionType(CourseModel, 'Course') {}
