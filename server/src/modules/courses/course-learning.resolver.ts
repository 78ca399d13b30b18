import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { Authenticated, Ctx, CurrentViewer } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { ConnectionArgs } from '../../common/graphql/connection.js';
import { CourseLearningService } from './course-learning.service.js';
import { CourseLoaders } from './courses.loaders.js';
import { CompleteLessonInput, LessonStateInput } from './dto/learning.inputs.js';
import type { LessonProgress } from './entities/lesson-progress.entity.js';
import { CourseVersionModel } from './models/course.models.js';
import {
  EnrolmentConnection,
  EnrolmentModel,
  LessonCompletion,
  LessonProgressModel,
} from './models/learning.models.js';

/** The learner's side of courses: enrolment, lesson progress and completion. */
@Resolver(() => EnrolmentModel)
export class CourseLearningResolver {
  /** Per request: the progress rows of each enrolment on the page, fetched in one query. */
  private readonly progressLoaders = new WeakMap<object, DataLoader<string, LessonProgress[]>>();

  constructor(
    private readonly learning: CourseLearningService,
    private readonly loaders: CourseLoaders,
  ) {}

  @Authenticated()
  @Mutation(() => EnrolmentModel, {
    description:
      'Enrols the viewer in the published version of a course; returns the unfinished enrolment if there is one.',
  })
  async enrolInCourse(
    @Args('courseId', { type: () => ID }) courseId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EnrolmentModel> {
    return EnrolmentModel.from(await this.learning.enrol(viewer.personId, courseId));
  }

  @Authenticated()
  @Query(() => EnrolmentConnection, { description: 'The viewer’s enrolments, most recently started first.' })
  async myEnrolments(
    @Args() args: ConnectionArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EnrolmentConnection> {
    const page = await this.learning.list(viewer.personId, args.first, args.after);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: EnrolmentModel.from(e.node) })),
    };
  }

  @Authenticated()
  @Query(() => EnrolmentModel, {
    nullable: true,
    description: 'The viewer’s latest enrolment in a course, or null.',
  })
  async myEnrolment(
    @Args('courseId', { type: () => ID }) courseId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EnrolmentModel | null> {
    const enrolment = await this.learning.latest(viewer.personId, courseId);
    return enrolment && EnrolmentModel.from(enrolment);
  }

  @Authenticated()
  @Mutation(() => LessonProgressModel, {
    description:
      'Records that the viewer opened a lesson (the first time counts) and returns its saved state.',
  })
  async startLesson(
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LessonProgressModel> {
    return LessonProgressModel.from(await this.learning.startLesson(viewer.personId, enrolmentId, lessonId));
  }

  @Authenticated()
  @Mutation(() => LessonProgressModel, {
    description: 'Saves where the viewer is in a lesson, to resume later.',
  })
  async saveLessonState(
    @Args('enrolmentId', { type: () => ID }) enrolmentId: string,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('state') state: LessonStateInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LessonProgressModel> {
    return LessonProgressModel.from(
      await this.learning.saveState(viewer.personId, enrolmentId, lessonId, state),
    );
  }

  @Authenticated()
  @Mutation(() => LessonCompletion, {
    description: 'Completes a lesson and credits it; the last lesson completes the course. Safe to retry.',
  })
  async completeLesson(
    @Args('input') input: CompleteLessonInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<LessonCompletion> {
    const result = await this.learning.complete(viewer.personId, input);
    return Object.assign(new LessonCompletion(), {
      ...result,
      enrolment: EnrolmentModel.from(result.enrolment),
    });
  }

  @Authenticated()
  @ResolveField(() => CourseVersionModel, {
    description: 'The version taken, even after a newer one is published',
  })
  async version(@Parent() enrolment: EnrolmentModel, @Ctx() ctx: GqlContext): Promise<CourseVersionModel> {
    const version = await this.loaders.of(ctx).version.load(enrolment.versionId);
    if (!version) throw new Error(`Enrolment ${enrolment.id} has no version row`);
    return CourseVersionModel.from(version);
  }

  @Authenticated()
  @ResolveField(() => [LessonProgressModel], { description: 'Progress in each lesson opened so far' })
  async lessonProgress(
    @Parent() enrolment: EnrolmentModel,
    @Ctx() ctx: GqlContext,
  ): Promise<LessonProgressModel[]> {
    return (await this.progressOf(enrolment, ctx)).map(LessonProgressModel.from);
  }

  @Authenticated()
  @ResolveField(() => [ID], { description: 'Completed lessons, in course order' })
  async completedLessonIds(@Parent() enrolment: EnrolmentModel, @Ctx() ctx: GqlContext): Promise<string[]> {
    const { lessonIds, completed } = await this.standing(enrolment, ctx);
    return lessonIds.filter((id) => completed.has(id));
  }

  @Authenticated()
  @ResolveField(() => Int)
  async lessonCount(@Parent() enrolment: EnrolmentModel, @Ctx() ctx: GqlContext): Promise<number> {
    return (await this.standing(enrolment, ctx)).lessonIds.length;
  }

  @Authenticated()
  @ResolveField(() => Int, { description: 'Share of lessons completed, 0–100 (100 only when all are)' })
  async progressPercent(@Parent() enrolment: EnrolmentModel, @Ctx() ctx: GqlContext): Promise<number> {
    const { lessonIds, completed } = await this.standing(enrolment, ctx);
    if (lessonIds.length === 0) return enrolment.completedAt ? 100 : 0;
    return Math.floor((100 * lessonIds.filter((id) => completed.has(id)).length) / lessonIds.length);
  }

  @Authenticated()
  @ResolveField(() => ID, {
    nullable: true,
    description: 'The first lesson not completed yet; null when done',
  })
  async nextLessonId(@Parent() enrolment: EnrolmentModel, @Ctx() ctx: GqlContext): Promise<string | null> {
    const { lessonIds, completed } = await this.standing(enrolment, ctx);
    return lessonIds.find((id) => !completed.has(id)) ?? null;
  }

  /** The version's lessons in order and which of them this enrolment has completed. */
  private async standing(enrolment: EnrolmentModel, ctx: GqlContext) {
    const [structure, progress] = await Promise.all([
      this.loaders.of(ctx).structure.load(enrolment.versionId),
      this.progressOf(enrolment, ctx),
    ]);
    return {
      lessonIds: structure.flatMap((s) => s.lessons.map((l) => l.id)),
      completed: new Set(progress.filter((p) => p.completedAt !== null).map((p) => p.lessonId)),
    };
  }

  private progressOf(enrolment: EnrolmentModel, ctx: GqlContext): Promise<LessonProgress[]> {
    let loader = this.progressLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const map = await this.learning.progressOf(ids);
        return ids.map((id) => map.get(id) ?? []);
      });
      this.progressLoaders.set(ctx, loader);
    }
    return loader.load(enrolment.id);
  }
}
