import { DEFAULT_TIME_ZONE } from '@/app/locale';

export interface CountsLike {
  headcount: number;
  completed: number;
}

/** Share of people who completed, 0–100 (rounded down; an empty department is 0). */
export function completionRate(counts: CountsLike): number {
  return counts.headcount > 0 ? Math.floor((counts.completed / counts.headcount) * 100) : 0;
}

export interface PathDepartment {
  id: string;
  parentId?: string | null;
}

/**
 * The breadcrumb down to a department: its ancestors from the top of what the viewer may see
 * (a manager's headed department; for an admin the top level), ending with the department itself.
 */
export function drillPath<D extends PathDepartment>(
  departments: readonly D[],
  departmentId: string | null,
  inScope: (id: string) => boolean,
): D[] {
  if (!departmentId) return [];
  const byId = new Map(departments.map((d) => [d.id, d]));
  const path: D[] = [];
  const seen = new Set<string>();
  let current = byId.get(departmentId);
  while (current && inScope(current.id) && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return path;
}

const dayFormat = (timeZone: string) =>
  // en-CA writes dates as YYYY-MM-DD, the value of <input type="date">.
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });

/** The calendar day (YYYY-MM-DD) of a moment, as seen in Korea. */
export function dayInKorea(iso: string | Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dayFormat(timeZone).format(typeof iso === 'string' ? new Date(iso) : iso);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The days a due date can move to: from the day after the current due date up to the last day
 * of the campaign period (both as seen in Korea). `null` when there is no room left.
 */
export function extensionBounds(
  currentDueAt: string,
  periodEnd: string,
): { min: string; max: string } | null {
  const min = nextDay(dayInKorea(currentDueAt));
  // The period ends at an instant (exclusive): its last day is the one just before it.
  const max = dayInKorea(new Date(new Date(periodEnd).getTime() - 1));
  return min <= max ? { min, max } : null;
}

/**
 * The moment a chosen day stands for: its end in Korea (23:59:59), but never past the end of
 * the campaign period.
 */
export function extensionDueAt(day: string, periodEnd: string): string {
  const endOfDay = new Date(`${day}T23:59:59+09:00`);
  const limit = new Date(new Date(periodEnd).getTime() - 1000);
  return (endOfDay.getTime() > limit.getTime() ? limit : endOfDay).toISOString();
}
