import { describe, expect, it } from 'vitest';
import { trainingPercent, trainingStatus } from './campaigns.js';

const base = {
  minutesEarned: 0,
  minutesTarget: 120,
  requiredCourses: 1,
  requiredCoursesCompleted: 0,
  anyActivity: false,
  dueAt: new Date('2026-11-30T15:00:00Z'),
  now: new Date('2026-11-01T00:00:00Z'),
};

describe('trainingStatus', () => {
  it('is not started without any activity, in progress with some', () => {
    expect(trainingStatus(base)).toBe('NOT_STARTED');
    expect(trainingStatus({ ...base, anyActivity: true, minutesEarned: 30 })).toBe('IN_PROGRESS');
  });
  it('completes only when minutes and courses are both met', () => {
    expect(trainingStatus({ ...base, minutesEarned: 120, anyActivity: true })).toBe('IN_PROGRESS');
    expect(
      trainingStatus({ ...base, minutesEarned: 125, requiredCoursesCompleted: 1, anyActivity: true }),
    ).toBe('COMPLETED');
  });
  it('is overdue after the due date unless completed', () => {
    const late = { ...base, now: new Date('2026-12-01T00:00:00Z') };
    expect(trainingStatus(late)).toBe('OVERDUE');
    expect(trainingStatus({ ...late, minutesEarned: 120, requiredCoursesCompleted: 1 })).toBe('COMPLETED');
  });
});

describe('trainingPercent', () => {
  it('weighs minutes and courses equally and caps at 100', () => {
    expect(
      trainingPercent({
        minutesEarned: 60,
        minutesTarget: 120,
        requiredCourses: 2,
        requiredCoursesCompleted: 1,
      }),
    ).toBe(50);
    expect(
      trainingPercent({
        minutesEarned: 600,
        minutesTarget: 120,
        requiredCourses: 0,
        requiredCoursesCompleted: 0,
      }),
    ).toBe(100);
    expect(
      trainingPercent({
        minutesEarned: 0,
        minutesTarget: 0,
        requiredCourses: 2,
        requiredCoursesCompleted: 1,
      }),
    ).toBe(50);
  });
});
