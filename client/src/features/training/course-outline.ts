/** The lesson order of a course version and what a learner may open in it. */

export interface OutlineLessonLike {
  id: string;
}
export interface OutlineSectionLike<L extends OutlineLessonLike> {
  id: string;
  lessons: readonly L[];
}
export interface OutlineVersionLike<L extends OutlineLessonLike> {
  sequential: boolean;
  sections: readonly OutlineSectionLike<L>[];
}

export type LessonState = 'completed' | 'open' | 'locked';

/** Every lesson in learning order (module by module). */
export function lessonsInOrder<L extends OutlineLessonLike>(version: OutlineVersionLike<L>): L[] {
  return version.sections.flatMap((s) => [...s.lessons]);
}

/**
 * Each lesson's state for a learner: completed, open, or locked (a sequential course opens a lesson
 * only when every lesson before it is completed — the server's rule).
 */
export function lessonStates<L extends OutlineLessonLike>(
  version: OutlineVersionLike<L>,
  completedIds: readonly string[],
): Map<string, LessonState> {
  const done = new Set(completedIds);
  const states = new Map<string, LessonState>();
  let gap = false;
  for (const lesson of lessonsInOrder(version)) {
    if (done.has(lesson.id)) states.set(lesson.id, 'completed');
    else {
      states.set(lesson.id, version.sequential && gap ? 'locked' : 'open');
      gap = true;
    }
  }
  return states;
}

/** The lessons before and after one lesson, across modules. */
export function neighbours<L extends OutlineLessonLike>(
  version: OutlineVersionLike<L>,
  lessonId: string,
): { previous: L | null; next: L | null; index: number; count: number } {
  const lessons = lessonsInOrder(version);
  const index = lessons.findIndex((l) => l.id === lessonId);
  return {
    previous: index > 0 ? lessons[index - 1] : null,
    next: index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : null,
    index,
    count: lessons.length,
  };
}

/**
 * Where "continue" goes: the lesson last opened if it is not finished yet, else the first
 * unfinished one, else (a finished course, to look through it again) the first lesson.
 */
export function continueLessonId(
  enrolment: {
    lastLessonId: string | null;
    nextLessonId: string | null;
    completedLessonIds: readonly string[];
  },
  firstLessonId: string | null = null,
): string | null {
  const { lastLessonId, nextLessonId, completedLessonIds } = enrolment;
  if (lastLessonId && !completedLessonIds.includes(lastLessonId)) return lastLessonId;
  return nextLessonId ?? firstLessonId;
}
