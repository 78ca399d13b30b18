import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth/decorators.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { CourseAuthoringService } from './course-authoring.service.js';
import { CourseDetailsInput, LessonInput, SectionInput, SectionOrderInput } from './dto/course.inputs.js';
import { CourseModel, CourseSectionModel, CourseVersionModel, LessonModel } from './models/course.models.js';

/** Trainers and admins author courses. Edits apply to the course's draft version only. */
@Roles('TRAINER', 'ADMIN')
@Resolver()
export class CourseAuthoringResolver {
  constructor(private readonly authoring: CourseAuthoringService) {}

  @Mutation(() => CourseModel, { description: 'Creates a course with an empty draft (version 1).' })
  async createCourse(
    @Args('input') input: CourseDetailsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<CourseModel> {
    const course = await this.authoring.createCourse(viewer.personId, input);
    return Object.assign(new CourseModel(), {
      id: course.id,
      createdAt: course.createdAt,
      publishedVersionId: null,
      draftVersionId: null,
    });
  }

  @Mutation(() => CourseVersionModel, {
    description: 'The draft to edit; copies the published version when there is none.',
  })
  async startCourseDraft(
    @Args('courseId', { type: () => ID }) courseId: string,
  ): Promise<CourseVersionModel> {
    return CourseVersionModel.from(await this.authoring.startDraft(courseId));
  }

  @Mutation(() => CourseVersionModel)
  async updateCourseDetails(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('input') input: CourseDetailsInput,
  ): Promise<CourseVersionModel> {
    return CourseVersionModel.from(await this.authoring.updateDetails(courseId, input));
  }

  @Mutation(() => CourseSectionModel)
  async addCourseSection(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('input') input: SectionInput,
  ): Promise<CourseSectionModel> {
    return CourseSectionModel.from(await this.authoring.addSection(courseId, input), []);
  }

  @Mutation(() => ID, { description: 'Updates a module title; returns its id.' })
  async updateCourseSection(
    @Args('sectionId', { type: () => ID }) sectionId: string,
    @Args('input') input: SectionInput,
  ): Promise<string> {
    return (await this.authoring.updateSection(sectionId, input)).id;
  }

  @Mutation(() => ID, {
    description: 'Deletes a module and its lessons from the draft; returns the draft version id.',
  })
  deleteCourseSection(@Args('sectionId', { type: () => ID }) sectionId: string): Promise<string> {
    return this.authoring.deleteSection(sectionId);
  }

  @Mutation(() => LessonModel)
  async addLesson(
    @Args('sectionId', { type: () => ID }) sectionId: string,
    @Args('input') input: LessonInput,
  ): Promise<LessonModel> {
    return LessonModel.from(await this.authoring.addLesson(sectionId, input));
  }

  @Mutation(() => LessonModel)
  async updateLesson(
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('input') input: LessonInput,
  ): Promise<LessonModel> {
    return LessonModel.from(await this.authoring.updateLesson(lessonId, input));
  }

  @Mutation(() => ID, { description: 'Deletes a lesson from the draft; returns the draft version id.' })
  deleteLesson(@Args('lessonId', { type: () => ID }) lessonId: string): Promise<string> {
    return this.authoring.deleteLesson(lessonId);
  }

  @Mutation(() => CourseVersionModel, {
    description: 'Sets the order of every module and lesson of the draft.',
  })
  async reorderCourse(
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('order', { type: () => [SectionOrderInput] }) order: SectionOrderInput[],
  ): Promise<CourseVersionModel> {
    return CourseVersionModel.from(await this.authoring.reorder(courseId, order));
  }

  @Mutation(() => CourseVersionModel, {
    description: 'Publishes the draft; the previous published version is retired.',
  })
  async publishCourse(@Args('courseId', { type: () => ID }) courseId: string): Promise<CourseVersionModel> {
    return CourseVersionModel.from(await this.authoring.publish(courseId));
  }
}
