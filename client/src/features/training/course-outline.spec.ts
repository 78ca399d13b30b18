import { describe, expect, it } from 'vitest';
import { continueLessonId, lessonStates, neighbours } from './course-outline';

const version = (sequential: boolean) => ({
  sequential,
  sections: [
    { id: 's1', lessons: [{ id: 'a' }, { id: 'b' }] },
    { id: 's2', lessons: [{ id: 'c' }] },
    { id: 's3', lessons: [] },
  ],
});

describe('the course outline', () => {
  it('locks every lesson after the first unfinished one in a sequential course', () => {
    expect([...lessonStates(version(true), ['a'])]).toEqual([
      ['a', 'completed'],
      ['b', 'open'],
      ['c', 'locked'],
    ]);
  });

  it('leaves every lesson open when the course is not sequential', () => {
    expect([...lessonStates(version(false), ['b']).values()]).toEqual(['open', 'completed', 'open']);
  });

  it('finds the previous and next lesson across modules', () => {
    const n = neighbours(version(true), 'b');
    expect([n.previous?.id, n.next?.id, n.index, n.count]).toEqual(['a', 'c', 1, 3]);
    expect(neighbours(version(true), 'a').previous).toBeNull();
    expect(neighbours(version(true), 'c').next).toBeNull();
  });

  it('continues with the lesson last opened if unfinished, else the first unfinished one', () => {
    expect(continueLessonId({ lastLessonId: 'c', nextLessonId: 'a', completedLessonIds: [] })).toBe('c');
    expect(continueLessonId({ lastLessonId: 'c', nextLessonId: 'a', completedLessonIds: ['c'] })).toBe('a');
    expect(continueLessonId({ lastLessonId: null, nextLessonId: 'a', completedLessonIds: [] })).toBe('a');
    expect(
      continueLessonId({ lastLessonId: 'c', nextLessonId: null, completedLessonIds: ['a', 'b', 'c'] }, 'a'),
    ).toBe('a');
  });
});
