import { useMutation } from '@urql/vue';
import { computed } from 'vue';
import {
  AddCourseSectionDocument,
  AddLessonDocument,
  CreateCourseDocument,
  DeleteCourseSectionDocument,
  DeleteLessonDocument,
  PublishCourseDocument,
  ReorderCourseDocument,
  StartCourseDraftDocument,
  UpdateCourseDetailsDocument,
  UpdateCourseSectionDocument,
  UpdateLessonDocument,
  type CourseDetailsInput,
  type CourseVersionSummaryFragment,
  type LessonInput,
  type SectionInput,
  type SectionOrderInput,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

export type AuthoringOutcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Resolves an urql result to its data or the problem it failed with. */
function outcome<R, T>(result: { data?: R; error?: unknown }, pick: (data: R) => T): AuthoringOutcome<T> {
  return result.data
    ? { ok: true, data: pick(result.data) }
    : { ok: false, problem: toProblem(result.error) };
}

/**
 * The authoring mutations. Several of them answer with a bare id, so every one tells the cache
 * that courses changed: the course being edited and the course list are fetched again.
 */
export function useCourseAuthoring() {
  const touches = { additionalTypenames: ['Course', 'CourseVersion', 'CourseSection', 'Lesson'] };
  const create = useMutation(CreateCourseDocument);
  const startDraft = useMutation(StartCourseDraftDocument);
  const details = useMutation(UpdateCourseDetailsDocument);
  const addSection = useMutation(AddCourseSectionDocument);
  const updateSection = useMutation(UpdateCourseSectionDocument);
  const deleteSection = useMutation(DeleteCourseSectionDocument);
  const addLessonM = useMutation(AddLessonDocument);
  const updateLessonM = useMutation(UpdateLessonDocument);
  const deleteLessonM = useMutation(DeleteLessonDocument);
  const reorder = useMutation(ReorderCourseDocument);
  const publish = useMutation(PublishCourseDocument);

  return {
    async createCourse(input: CourseDetailsInput): Promise<AuthoringOutcome<string>> {
      return outcome(await create.executeMutation({ input }, touches), (d) => d.createCourse.id);
    },
    async startCourseDraft(courseId: string): Promise<AuthoringOutcome<CourseVersionSummaryFragment>> {
      return outcome(await startDraft.executeMutation({ courseId }, touches), (d) => d.startCourseDraft);
    },
    async updateCourseDetails(
      courseId: string,
      input: CourseDetailsInput,
    ): Promise<AuthoringOutcome<string>> {
      return outcome(
        await details.executeMutation({ courseId, input }, touches),
        (d) => d.updateCourseDetails.id,
      );
    },
    async addCourseSection(courseId: string, input: SectionInput): Promise<AuthoringOutcome<string>> {
      return outcome(
        await addSection.executeMutation({ courseId, input }, touches),
        (d) => d.addCourseSection.id,
      );
    },
    async updateCourseSection(sectionId: string, input: SectionInput): Promise<AuthoringOutcome<string>> {
      return outcome(
        await updateSection.executeMutation({ sectionId, input }, touches),
        (d) => d.updateCourseSection,
      );
    },
    async deleteCourseSection(sectionId: string): Promise<AuthoringOutcome<string>> {
      return outcome(
        await deleteSection.executeMutation({ sectionId }, touches),
        (d) => d.deleteCourseSection,
      );
    },
    async addLesson(sectionId: string, input: LessonInput): Promise<AuthoringOutcome<string>> {
      return outcome(await addLessonM.executeMutation({ sectionId, input }, touches), (d) => d.addLesson.id);
    },
    async updateLesson(lessonId: string, input: LessonInput): Promise<AuthoringOutcome<string>> {
      return outcome(
        await updateLessonM.executeMutation({ lessonId, input }, touches),
        (d) => d.updateLesson.id,
      );
    },
    async deleteLesson(lessonId: string): Promise<AuthoringOutcome<string>> {
      return outcome(await deleteLessonM.executeMutation({ lessonId }, touches), (d) => d.deleteLesson);
    },
    async reorderCourse(courseId: string, order: SectionOrderInput[]): Promise<AuthoringOutcome<string>> {
      return outcome(await reorder.executeMutation({ courseId, order }, touches), (d) => d.reorderCourse.id);
    },
    async publishCourse(courseId: string): Promise<AuthoringOutcome<CourseVersionSummaryFragment>> {
      return outcome(await publish.executeMutation({ courseId }, touches), (d) => d.publishCourse);
    },
    creating: create.fetching,
    startingDraft: startDraft.fetching,
    savingDetails: details.fetching,
    savingSection: computed(
      () => addSection.fetching.value || updateSection.fetching.value || deleteSection.fetching.value,
    ),
    savingLesson: computed(
      () => addLessonM.fetching.value || updateLessonM.fetching.value || deleteLessonM.fetching.value,
    ),
    reordering: reorder.fetching,
    publishing: publish.fetching,
  };
}
