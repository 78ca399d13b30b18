import { describe, expect, it } from 'vitest';
import {
  canMoveLesson,
  courseOrderOf,
  moveLessonBy,
  moveLessonTo,
  moveSectionBy,
  placeLessonBefore,
  placeSectionBefore,
  sameCourseOrder,
  type CourseOrder,
} from './course-order';

// Module A: a1 a2 a3 · module B: b1 · module C: (empty)
const order: CourseOrder = courseOrderOf([
  { id: 'A', lessons: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }] },
  { id: 'B', lessons: [{ id: 'b1' }] },
  { id: 'C', lessons: [] },
]);

/** "A:a1,a2 B:b1" — easy to read in a failing assertion. */
const show = (o: CourseOrder) => o.map((s) => `${s.sectionId}:${s.lessonIds.join(',')}`).join(' ');

describe('course order', () => {
  it('lists every module with all its lessons, as reorderCourse takes them', () => {
    expect(order).toEqual([
      { sectionId: 'A', lessonIds: ['a1', 'a2', 'a3'] },
      { sectionId: 'B', lessonIds: ['b1'] },
      { sectionId: 'C', lessonIds: [] },
    ]);
  });

  it('moves a lesson up and down inside its module without touching the input', () => {
    expect(show(moveLessonBy(order, 'a2', -1))).toBe('A:a2,a1,a3 B:b1 C:');
    expect(show(moveLessonBy(order, 'a2', 1))).toBe('A:a1,a3,a2 B:b1 C:');
    expect(show(order)).toBe('A:a1,a2,a3 B:b1 C:');
  });

  it('crosses into the neighbouring module at an edge: to its end going up, to its start going down', () => {
    expect(show(moveLessonBy(order, 'b1', -1))).toBe('A:a1,a2,a3,b1 B: C:');
    expect(show(moveLessonBy(order, 'a3', 1))).toBe('A:a1,a2 B:a3,b1 C:');
    expect(show(moveLessonBy(order, 'b1', 1))).toBe('A:a1,a2,a3 B: C:b1');
  });

  it('does nothing at the very first and very last place, or for an unknown lesson', () => {
    expect(moveLessonBy(order, 'a1', -1)).toBe(order);
    const last = moveLessonBy(order, 'b1', 1);
    expect(moveLessonBy(last, 'b1', 1)).toBe(last);
    expect(moveLessonBy(order, 'nope', 1)).toBe(order);
    expect(canMoveLesson(order, 'a1', -1)).toBe(false);
    expect(canMoveLesson(order, 'a1', 1)).toBe(true);
  });

  it('moves a lesson to another module at a given place (the "move to module" select goes last)', () => {
    expect(show(moveLessonTo(order, 'a1', 'C', 0))).toBe('A:a2,a3 B:b1 C:a1');
    expect(show(moveLessonTo(order, 'a2', 'B', 1))).toBe('A:a1,a3 B:b1,a2 C:');
    expect(show(moveLessonTo(order, 'a2', 'B', 99))).toBe('A:a1,a3 B:b1,a2 C:');
    expect(moveLessonTo(order, 'a2', 'Z', 0)).toBe(order);
  });

  it('drops a lesson before another one, or at the end of a module', () => {
    // Dragging down within a module: the index of the target shifts once the lesson is taken out.
    expect(show(placeLessonBefore(order, 'a1', 'A', 'a3'))).toBe('A:a2,a1,a3 B:b1 C:');
    expect(show(placeLessonBefore(order, 'a3', 'A', 'a1'))).toBe('A:a3,a1,a2 B:b1 C:');
    expect(show(placeLessonBefore(order, 'a1', 'A', null))).toBe('A:a2,a3,a1 B:b1 C:');
    expect(show(placeLessonBefore(order, 'b1', 'A', 'a2'))).toBe('A:a1,b1,a2,a3 B: C:');
    expect(show(placeLessonBefore(order, 'a2', 'C', null))).toBe('A:a1,a3 B:b1 C:a2');
    expect(placeLessonBefore(order, 'a2', 'A', 'a2')).toBe(order);
    expect(placeLessonBefore(order, 'a2', 'B', 'a3')).toBe(order);
  });

  it('reorders modules by buttons and by drop, keeping their lessons', () => {
    expect(show(moveSectionBy(order, 'B', -1))).toBe('B:b1 A:a1,a2,a3 C:');
    expect(show(moveSectionBy(order, 'A', 1))).toBe('B:b1 A:a1,a2,a3 C:');
    expect(moveSectionBy(order, 'A', -1)).toBe(order);
    expect(moveSectionBy(order, 'C', 1)).toBe(order);
    expect(show(placeSectionBefore(order, 'C', 'A'))).toBe('C: A:a1,a2,a3 B:b1');
    expect(show(placeSectionBefore(order, 'A', 'C'))).toBe('B:b1 A:a1,a2,a3 C:');
    expect(show(placeSectionBefore(order, 'A', null))).toBe('B:b1 C: A:a1,a2,a3');
  });

  it('keeps every lesson exactly once whatever the moves', () => {
    let o = order;
    const moves: [string, -1 | 1][] = [
      ['a1', 1],
      ['b1', -1],
      ['a3', 1],
      ['a3', 1],
      ['a2', -1],
      ['b1', 1],
      ['b1', 1],
      ['a1', 1],
    ];
    for (const [id, delta] of moves) o = moveLessonBy(o, id, delta);
    o = moveSectionBy(o, 'C', -1);
    expect(o.flatMap((s) => s.lessonIds).sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(o.map((s) => s.sectionId).sort()).toEqual(['A', 'B', 'C']);
    expect(sameCourseOrder(o, order)).toBe(false);
    expect(sameCourseOrder(courseOrderOf([]), [])).toBe(true);
  });
});
