import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { GqlContext, Viewer } from '../../common/auth/viewer.js';
import { CourseCatalogService } from './course-catalog.service.js';
import { CourseLoaders } from './courses.loaders.js';
import { CoursesArgs } from './dto/course.inputs.js';
import {
  CourseConnection,
  CourseModel,
  CourseSectionModel,
  CourseVersionModel,
} from './models/course.models.js';

@Resolver(() => CourseModel)
export class CoursesResolver {
  constructor(
    private readonly catalog: CourseCatalogService,
    private readonly loaders: CourseLoaders,
  ) {}

  @Authenticated()
  @Query(() => CourseConnection, { description: 'Published courses; authors may include drafts.' })
  async courses(@Args() args: CoursesArgs, @CurrentViewer() viewer: Viewer): Promise<CourseConnection> {
    const page = await this.catalog.list(viewer, args);
    return {
      ...page,
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: Object.assign(new CourseModel(), e.node) })),
    };
  }

  @Authenticated()
  @Query(() => CourseModel)
  async course(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CourseModel> {
    return Object.assign(new CourseModel(), await this.catalog.get(viewer, id));
  }

  @Authenticated()
  @ResolveField(() => CourseVersionModel, { nullable: true, description: 'The version learners take now' })
  async published(@Parent() course: CourseModel, @Ctx() ctx: GqlContext): Promise<CourseVersionModel | null> {
    if (!course.publishedVersionId) return null;
    const version = await this.loaders.of(ctx).version.load(course.publishedVersionId);
    return version && CourseVersionModel.from(version);
  }

  @Roles('TRAINER', 'ADMIN')
  @ResolveField(() => CourseVersionModel, {
    nullable: true,
    description: 'Authors: the version being edited',
  })
  async draft(@Parent() course: CourseModel, @Ctx() ctx: GqlContext): Promise<CourseVersionModel | null> {
    if (!course.draftVersionId) return null;
    const version = await this.loaders.of(ctx).version.load(course.draftVersionId);
    return version && CourseVersionModel.from(version);
  }

  @Roles('TRAINER', 'ADMIN')
  @ResolveField(() => [CourseVersionModel], { description: 'Authors: every version, newest first' })
  async versions(@Parent() course: CourseModel): Promise<CourseVersionModel[]> {
    return (await this.catalog.versionHistory(course.id)).map(CourseVersionModel.from);
  }
}

@Resolver(() => CourseVersionModel)
export class CourseVersionResolver {
  constructor(private readonly loaders: CourseLoaders) {}

  @Authenticated()
  @ResolveField(() => [CourseSectionModel], {
    description: 'Modules in order, each with its lessons in order',
  })
  async sections(
    @Parent() version: CourseVersionModel,
    @Ctx() ctx: GqlContext,
  ): Promise<CourseSectionModel[]> {
    const structure = await this.loaders.of(ctx).structure.load(version.id);
    return structure.map(({ section, lessons }) => CourseSectionModel.from(section, lessons));
  }

  @Authenticated()
  @ResolveField(() => Int)
  async lessonCount(@Parent() version: CourseVersionModel, @Ctx() ctx: GqlContext): Promise<number> {
    const structure = await this.loaders.of(ctx).structure.load(version.id);
    return structure.reduce((n, s) => n + s.lessons.length, 0);
  }
}
