import type { SectionOrderInput } from '@/api/graphql';

/**
 * The order of a draft as reorderCourse takes it: every module, each with all its lessons.
 * Every move below returns a new complete order (the server accepts nothing less), or the same
 * order unchanged when the move is impossible (unknown id, already at the edge).
 */
export type CourseOrder = SectionOrderInput[];

export function courseOrderOf(
  sections: readonly { id: string; lessons: readonly { id: string }[] }[],
): CourseOrder {
  return sections.map((s) => ({ sectionId: s.id, lessonIds: s.lessons.map((l) => l.id) }));
}

function copy(order: CourseOrder): CourseOrder {
  return order.map((s) => ({ sectionId: s.sectionId, lessonIds: [...s.lessonIds] }));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Where a lesson is: its module's index and its own index in that module. */
export function locateLesson(
  order: CourseOrder,
  lessonId: string,
): { sectionIndex: number; lessonIndex: number } | null {
  for (const [sectionIndex, section] of order.entries()) {
    const lessonIndex = section.lessonIds.indexOf(lessonId);
    if (lessonIndex >= 0) return { sectionIndex, lessonIndex };
  }
  return null;
}

/** Moves a module to `toIndex` (its index once moved). */
export function moveSectionTo(order: CourseOrder, sectionId: string, toIndex: number): CourseOrder {
  const from = order.findIndex((s) => s.sectionId === sectionId);
  if (from < 0) return order;
  const next = copy(order);
  const [moving] = next.splice(from, 1);
  next.splice(clamp(toIndex, 0, next.length), 0, moving);
  return next;
}

/** Moves a module one place up (-1) or down (+1). */
export function moveSectionBy(order: CourseOrder, sectionId: string, delta: -1 | 1): CourseOrder {
  const from = order.findIndex((s) => s.sectionId === sectionId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return order;
  return moveSectionTo(order, sectionId, to);
}

/** Drag and drop: puts a module just before another one (or last when `beforeSectionId` is null). */
export function placeSectionBefore(
  order: CourseOrder,
  sectionId: string,
  beforeSectionId: string | null,
): CourseOrder {
  if (sectionId === beforeSectionId || !order.some((s) => s.sectionId === sectionId)) return order;
  const rest = order.filter((s) => s.sectionId !== sectionId);
  const at = beforeSectionId === null ? rest.length : rest.findIndex((s) => s.sectionId === beforeSectionId);
  if (at < 0) return order;
  return moveSectionTo(order, sectionId, at);
}

/** Moves a lesson into module `toSectionId` at `toIndex` (its index there once moved). */
export function moveLessonTo(
  order: CourseOrder,
  lessonId: string,
  toSectionId: string,
  toIndex: number,
): CourseOrder {
  const at = locateLesson(order, lessonId);
  const target = order.findIndex((s) => s.sectionId === toSectionId);
  if (!at || target < 0) return order;
  const next = copy(order);
  next[at.sectionIndex].lessonIds.splice(at.lessonIndex, 1);
  const lessons = next[target].lessonIds;
  lessons.splice(clamp(toIndex, 0, lessons.length), 0, lessonId);
  return next;
}

/**
 * Moves a lesson one place up (-1) or down (+1). At the edge of its module it crosses into the
 * neighbouring module (to its end going up, to its start going down), so the buttons alone can
 * take a lesson anywhere.
 */
export function moveLessonBy(order: CourseOrder, lessonId: string, delta: -1 | 1): CourseOrder {
  const at = locateLesson(order, lessonId);
  if (!at) return order;
  const section = order[at.sectionIndex];
  const to = at.lessonIndex + delta;
  if (to >= 0 && to < section.lessonIds.length) return moveLessonTo(order, lessonId, section.sectionId, to);
  const neighbour = order[at.sectionIndex + delta];
  if (!neighbour) return order;
  return moveLessonTo(order, lessonId, neighbour.sectionId, delta < 0 ? neighbour.lessonIds.length : 0);
}

/** Drag and drop: puts a lesson just before another one, or last in the module when null. */
export function placeLessonBefore(
  order: CourseOrder,
  lessonId: string,
  toSectionId: string,
  beforeLessonId: string | null,
): CourseOrder {
  if (lessonId === beforeLessonId) return order;
  const target = order.find((s) => s.sectionId === toSectionId);
  if (!target) return order;
  const rest = target.lessonIds.filter((id) => id !== lessonId);
  const at = beforeLessonId === null ? rest.length : rest.indexOf(beforeLessonId);
  if (at < 0) return order;
  return moveLessonTo(order, lessonId, toSectionId, at);
}

export function sameCourseOrder(a: CourseOrder, b: CourseOrder): boolean {
  return (
    a.length === b.length &&
    a.every(
      (s, i) =>
        s.sectionId === b[i].sectionId &&
        s.lessonIds.length === b[i].lessonIds.length &&
        s.lessonIds.every((id, j) => id === b[i].lessonIds[j]),
    )
  );
}

/** Whether the up (-1) or down (+1) button of a lesson can do anything. */
export function canMoveLesson(order: CourseOrder, lessonId: string, delta: -1 | 1): boolean {
  return !sameCourseOrder(moveLessonBy(order, lessonId, delta), order);
}
