import { DomainError } from '../../common/errors/domain-error.js';

export const CourseErrors = {
  courseNotFound: (id: string) => new DomainError('NOT_FOUND', 'Course not found', { id }),
  sectionNotFound: (id: string) => new DomainError('NOT_FOUND', 'Module not found', { id }),
  lessonNotFound: (id: string) => new DomainError('NOT_FOUND', 'Lesson not found', { id }),
  notDraft: () =>
    new DomainError(
      'COURSE_NOT_DRAFT',
      'Only a draft can be edited; start a new draft version of the published course first',
    ),
  empty: () =>
    new DomainError('COURSE_EMPTY', 'A course needs at least one lesson before it can be published'),
  lessonNotReady: (lessonId: string) =>
    new DomainError('LESSON_NOT_READY', 'A quiz lesson has no quiz attached yet', { lessonId }),
  unsafe: (field: string) =>
    new DomainError(
      'UNSAFE_CONTENT',
      `${field} contains HTML or links that are not allowed (scripts, event handlers, javascript: URLs)`,
      {
        field,
      },
    ),
  reorderMismatch: () =>
    new DomainError(
      'REORDER_MISMATCH',
      'The new order must list every module and lesson of this draft exactly once, and nothing from another course',
    ),
};
