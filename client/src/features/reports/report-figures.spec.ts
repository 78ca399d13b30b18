import { describe, expect, it } from 'vitest';
import { completionRate, drillPath, extensionBounds, extensionDueAt } from './report-figures';

describe('report figures', () => {
  it('gives the completion rate rounded down, and 0 for an empty department', () => {
    expect(completionRate({ headcount: 3, completed: 2 })).toBe(66);
    expect(completionRate({ headcount: 0, completed: 0 })).toBe(0);
    expect(completionRate({ headcount: 4, completed: 4 })).toBe(100);
  });

  it('builds the breadcrumb from the top of the viewer’s scope down to the department', () => {
    const departments = [
      { id: 'org', parentId: null },
      { id: 'audit', parentId: 'org' },
      { id: 'inquiry', parentId: 'audit' },
      { id: 'team', parentId: 'inquiry' },
    ];
    const managerScope = new Set(['audit', 'inquiry', 'team']);
    expect(drillPath(departments, 'team', (id) => managerScope.has(id)).map((d) => d.id)).toEqual([
      'audit',
      'inquiry',
      'team',
    ]);
    expect(drillPath(departments, 'inquiry', () => true).map((d) => d.id)).toEqual([
      'org',
      'audit',
      'inquiry',
    ]);
    expect(drillPath(departments, null, () => true)).toEqual([]);
  });
});

describe('due-date extensions', () => {
  it('offers the days after the current due date up to the last day of the period, in Korea', () => {
    // Due 31 March 23:59 in Seoul; the period ends at midnight starting 1 July in Seoul.
    expect(extensionBounds('2026-03-31T14:59:00Z', '2026-06-30T15:00:00Z')).toEqual({
      min: '2026-04-01',
      max: '2026-06-30',
    });
  });

  it('offers nothing when the due date is already the end of the period', () => {
    expect(extensionBounds('2026-06-30T14:59:00Z', '2026-06-30T15:00:00Z')).toBeNull();
  });

  it('moves the due date to the end of the chosen day in Korea, never past the period', () => {
    expect(extensionDueAt('2026-04-10', '2026-06-30T15:00:00Z')).toBe('2026-04-10T14:59:59.000Z');
    expect(extensionDueAt('2026-06-30', '2026-06-30T12:00:00Z')).toBe('2026-06-30T11:59:59.000Z');
  });
});
