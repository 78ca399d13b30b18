import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/graphql/connection.js';
import type { Enrolment } from '../entities/enrolment.entity.js';
import type { LessonProgress } from '../entities/lesson-progress.entity.js';

/** What `lesson_progress.state` holds; every part is optional and kind-specific. */
export type LessonState = {
  videoPositionSeconds?: number;
  watchedPercent?: number;
  dilemmaPath?: string[];
};

/** Reads the stored jsonb defensively: only well-typed values reach the client. */
export function lessonStateOf(state: Record<string, unknown>): LessonState {
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
  const path = state.dilemmaPath;
  return {
    videoPositionSeconds: int(state.videoPositionSeconds),
    watchedPercent: int(state.watchedPercent),
    dilemmaPath:
      Array.isArray(path) && path.every((c): c is string => typeof c === 'string') ? path : undefined,
  };
}

@ObjectType('LessonProgress', { description: 'A learner’s progress in one lesson of an enrolment.' })
export class LessonProgressModel {
  @Field(() => ID) id: string;
  @Field(() => ID) enrolmentId: string;
  @Field(() => ID) lessonId: string;
  @Field({ description: 'When the learner first opened the lesson (server clock)' }) startedAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Where to resume the video' })
  videoPositionSeconds: number | null;
  @Field(() => Int, { nullable: true, description: 'Most of the video ever reported watched, 0–100' })
  watchedPercent: number | null;
  @Field(() => [String], { nullable: true, description: 'Scenario choice ids taken so far' })
  dilemmaPath: string[] | null;

  static from(p: LessonProgress): LessonProgressModel {
    const state = lessonStateOf(p.state);
    return Object.assign(new LessonProgressModel(), {
      id: p.id,
      enrolmentId: p.enrolmentId,
      lessonId: p.lessonId,
      startedAt: p.startedAt,
      completedAt: p.completedAt,
      videoPositionSeconds: state.videoPositionSeconds ?? null,
      watchedPercent: state.watchedPercent ?? null,
      dilemmaPath: state.dilemmaPath ?? null,
    });
  }
}

@ObjectType('Enrolment', {
  description: 'A person taking one version of a course; they keep that version until they finish.',
})
export class EnrolmentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) courseId: string;
  @Field() startedAt: Date;
  @Field(() => Date, { nullable: true }) completedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The lesson "continue" opens' }) lastLessonId:
    string | null;
  /** Resolved by field resolvers: version, progress and the lesson counts. */
  versionId: string;

  static from(e: Enrolment): EnrolmentModel {
    return Object.assign(new EnrolmentModel(), {
      id: e.id,
      courseId: e.courseId,
      versionId: e.versionId,
      startedAt: e.startedAt,
      completedAt: e.completedAt,
      lastLessonId: e.lastLessonId,
    });
  }
}

@ObjectType()
export class EnrolmentConnection extends ConnectionType(EnrolmentModel, 'Enrolment') {}

@ObjectType({ description: 'The outcome of completing a lesson (the same again on a retry).' })
export class LessonCompletion {
  @Field(() => ID) lessonId: string;
  @Field() completedAt: Date;
  @Field({ description: 'Whether every lesson of the enrolment’s version is now completed' })
  courseCompleted: boolean;
  @Field(() => EnrolmentModel) enrolment: EnrolmentModel;
  @Field(() => Int, { description: 'Credit minutes granted by this call; 0 on a retry' })
  creditedMinutes: number;
  @Field(() => Int, { description: 'XP granted by this call; 0 on a retry' }) creditedXp: number;
  @Field(() => [String], {
    nullable: true,
    description: 'Dilemma lessons: the scenario node ids visited, start to ending',
  })
  visitedNodeIds: string[] | null;
}
