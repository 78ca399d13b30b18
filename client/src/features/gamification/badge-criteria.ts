import {
  CourseCategory,
  CriteriaLimits,
  CriterionKind,
  EventKind,
  criteriaProblems,
  describeCriteria,
  isGroup,
  type CriteriaNode,
  type CriteriaProblem,
  type Criterion,
} from '@palma/shared';
import type { ComputedRef, InjectionKey } from 'vue';

/**
 * The criteria builder's rules, apart from the components: a tree of `CriteriaNode` edited
 * immutably (every change returns a new tree), the fields each condition kind needs, and the
 * problems to show beside the condition or group they concern.
 */

export type CriteriaGroup = { all: CriteriaNode[] } | { any: CriteriaNode[] };
export type GroupMode = 'all' | 'any';

export const CRITERION_KINDS = Object.values(CriterionKind) as CriterionKind[];
export const COURSE_CATEGORIES = Object.values(CourseCategory) as CourseCategory[];
export const EVENT_KINDS_CHOICES = Object.values(EventKind) as EventKind[];
/** The shared schema's limit on the children of one group. */
export const GROUP_CHILDREN_MAX = 10;

/** How a field of a condition is edited. */
export type CriterionFieldSpec =
  | { name: 'count' | 'daysBefore' | 'weeks'; type: 'number'; min: number; max: number }
  | { name: 'maxRank'; type: 'rank' }
  | { name: 'category'; type: 'category' }
  | { name: 'eventKind'; type: 'eventKind' }
  | { name: 'courseId'; type: 'course' }
  | { name: 'campaignId'; type: 'campaign' }
  | { name: 'badgeId'; type: 'badge' };
export type CriterionFieldName = CriterionFieldSpec['name'];

const COUNT: CriterionFieldSpec = { name: 'count', type: 'number', min: 1, max: CriteriaLimits.countMax };

/** The fields of each kind, in the order the form shows them (as in `criterionSchema`). */
export const CRITERION_FIELDS: Readonly<Record<CriterionKind, readonly CriterionFieldSpec[]>> = {
  COURSES_COMPLETED: [COUNT, { name: 'category', type: 'category' }],
  COURSE_COMPLETED: [{ name: 'courseId', type: 'course' }],
  PERFECT_QUIZZES: [COUNT],
  EVENTS_ATTENDED: [COUNT, { name: 'eventKind', type: 'eventKind' }],
  LIVE_GAME_PLACED: [COUNT, { name: 'maxRank', type: 'rank' }],
  GOLDEN_BELL_RUNG: [COUNT],
  PLEDGES_SIGNED: [COUNT],
  CAMPAIGN_EARLY: [COUNT, { name: 'daysBefore', type: 'number', min: 0, max: CriteriaLimits.daysMax }],
  STREAK_WEEKS: [{ name: 'weeks', type: 'number', min: 1, max: CriteriaLimits.weeksMax }],
  BADGE_EARNED: [{ name: 'badgeId', type: 'badge' }],
  DEPARTMENT_CAMPAIGN_DONE: [{ name: 'campaignId', type: 'campaign' }],
};

/**
 * A new condition of a kind with sensible starting values. Ids start empty: the admin has to
 * choose (the shared schema refuses an empty id, so nothing is sent before that).
 */
export function defaultCriterion(kind: CriterionKind): Criterion {
  switch (kind) {
    case 'COURSES_COMPLETED':
    case 'PERFECT_QUIZZES':
    case 'EVENTS_ATTENDED':
    case 'GOLDEN_BELL_RUNG':
    case 'PLEDGES_SIGNED':
      return { kind, count: 1 };
    case 'LIVE_GAME_PLACED':
      return { kind, count: 1, maxRank: 3 };
    case 'CAMPAIGN_EARLY':
      return { kind, count: 1, daysBefore: 7 };
    case 'STREAK_WEEKS':
      return { kind, weeks: 4 };
    case 'COURSE_COMPLETED':
      return { kind, courseId: '' };
    case 'BADGE_EARNED':
      return { kind, badgeId: '' };
    case 'DEPARTMENT_CAMPAIGN_DONE':
      return { kind };
  }
}

export const newCondition = (): Criterion => defaultCriterion('COURSES_COMPLETED');
export const newGroup = (mode: GroupMode = 'any'): CriteriaGroup => makeGroup(mode, [newCondition()]);
/** A new badge starts with one condition in an "all of" group, ready for more. */
export const newCriteria = (): CriteriaNode => makeGroup('all', [newCondition()]);

export function makeGroup(mode: GroupMode, children: CriteriaNode[]): CriteriaGroup {
  return mode === 'all' ? { all: children } : { any: children };
}
export function groupMode(group: CriteriaGroup): GroupMode {
  return 'all' in group ? 'all' : 'any';
}
export function groupChildren(group: CriteriaGroup): CriteriaNode[] {
  return 'all' in group ? group.all : group.any;
}

export function setGroupMode(group: CriteriaGroup, mode: GroupMode): CriteriaGroup {
  return makeGroup(mode, groupChildren(group));
}
export function addChild(group: CriteriaGroup, child: CriteriaNode): CriteriaGroup {
  return makeGroup(groupMode(group), [...groupChildren(group), child]);
}
export function replaceChild(group: CriteriaGroup, index: number, child: CriteriaNode): CriteriaGroup {
  return makeGroup(
    groupMode(group),
    groupChildren(group).map((c, i) => (i === index ? child : c)),
  );
}
export function removeChild(group: CriteriaGroup, index: number): CriteriaGroup {
  return makeGroup(
    groupMode(group),
    groupChildren(group).filter((_, i) => i !== index),
  );
}

/** A root that is a single condition becomes an "all of" group when something is added to it. */
export function addToRoot(root: CriteriaNode, child: CriteriaNode): CriteriaNode {
  return isGroup(root) ? addChild(root, child) : makeGroup('all', [root, child]);
}

/** Another kind keeps nothing of the old condition: its fields start over. */
export function changeKind(condition: Criterion, kind: CriterionKind): Criterion {
  return condition.kind === kind ? condition : defaultCriterion(kind);
}

/**
 * Sets one field of a condition. An empty optional choice ('') removes the field (the shared
 * schema wants it absent, not empty); an empty number is kept as NaN, which the checks report.
 */
export function setCriterionField(
  condition: Criterion,
  field: CriterionFieldName,
  value: string | number | null,
): Criterion {
  const next: Record<string, unknown> = { ...condition };
  const optional = field === 'category' || field === 'eventKind' || field === 'campaignId';
  if (value === null) next[field] = NaN;
  else if (value === '' && optional) delete next[field];
  else next[field] = value;
  // The union cannot follow a dynamic key; the shape is checked by `criteriaIssues`.
  return next as Criterion;
}

export function countNodes(node: CriteriaNode): number {
  return isGroup(node) ? 1 + groupChildren(node).reduce((sum, n) => sum + countNodes(n), 0) : 1;
}

/** Levels of groups a group at `level` (the root group is level 1) may still hold below it. */
export function canAddGroup(level: number): boolean {
  // A group at level L holding a group holding a condition makes the tree L + 2 deep.
  return level + 2 <= CriteriaLimits.depthMax;
}

// ---------------------------------------------------------------------------------------------
// Paths and problems

/** Where a node sits: child indexes from the root ([] is the root). */
export type NodePath = readonly number[];
export const pathKey = (path: NodePath): string => path.join('.');
/** "2-1" for the first child of the second: how people number nested items. */
export const pathLabel = (path: NodePath): string => path.map((i) => i + 1).join('-');

export type CriteriaIssueCode =
  'range' | 'choose' | 'emptyGroup' | 'groupFull' | 'tooDeep' | 'tooMany' | 'invalid' | 'server';

/** A problem to show beside a condition (or one of its fields) or a group. */
export interface CriteriaIssue {
  /** `pathKey` of the node; '' for the root. */
  at: string;
  field?: CriterionFieldName;
  code: CriteriaIssueCode;
  min?: number;
  max?: number;
  /** The server's own words, for problems without a translation. */
  message?: string;
}

/** "all.1.any.0.count" → node [1, 0], field "count" (as zod and the server write paths). */
export function splitProblemPath(path: string): { node: number[]; field?: string } {
  if (path === '' || path === '(root)') return { node: [] };
  const parts = path
    .replace(/^criteria\.?/, '')
    .split('.')
    .filter(Boolean);
  const node: number[] = [];
  let i = 0;
  while (i < parts.length && (parts[i] === 'all' || parts[i] === 'any')) {
    const index = Number(parts[i + 1]);
    if (!Number.isInteger(index)) return { node, field: undefined };
    node.push(index);
    i += 2;
  }
  return { node, field: parts[i] };
}

function fieldValid(condition: Criterion, spec: CriterionFieldSpec): CriteriaIssue | null {
  const value = (condition as Record<string, unknown>)[spec.name];
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isInteger(value) && value >= spec.min && value <= spec.max
        ? null
        : { at: '', field: spec.name, code: 'range', min: spec.min, max: spec.max };
    case 'rank':
      return value === 1 || value === 2 || value === 3
        ? null
        : { at: '', field: spec.name, code: 'range', min: 1, max: 3 };
    case 'course':
    case 'badge':
      return typeof value === 'string' && value !== '' ? null : { at: '', field: spec.name, code: 'choose' };
    default:
      return null; // optional choices: any value offered is valid
  }
}

function walk(node: CriteriaNode, path: number[], out: CriteriaIssue[]): void {
  const at = pathKey(path);
  if (isGroup(node)) {
    const children = groupChildren(node);
    if (children.length === 0) out.push({ at, code: 'emptyGroup' });
    if (children.length > GROUP_CHILDREN_MAX) out.push({ at, code: 'groupFull', max: GROUP_CHILDREN_MAX });
    children.forEach((child, i) => walk(child, [...path, i], out));
    return;
  }
  const specs = CRITERION_FIELDS[node.kind] ?? [];
  for (const spec of specs) {
    const issue = fieldValid(node, spec);
    if (issue) out.push({ ...issue, at });
  }
}

function fromProblem(problem: CriteriaProblem, code: CriteriaIssueCode = 'invalid'): CriteriaIssue {
  const { node, field } = splitProblemPath(problem.path);
  if (/nested too deeply/.test(problem.message))
    return { at: '', code: 'tooDeep', max: CriteriaLimits.depthMax - 1 };
  if (/^at most \d+ conditions/.test(problem.message))
    return { at: '', code: 'tooMany', max: CriteriaLimits.nodesMax };
  if (problem.message === 'empty group') return { at: pathKey(node), code: 'emptyGroup' };
  return {
    at: pathKey(node),
    field: field as CriterionFieldName | undefined,
    code,
    message: problem.message,
  };
}

/**
 * Everything wrong with a tree, each problem at the node it concerns. The field checks speak the
 * admin's language ("1 to 1,000"); the shared `criteriaProblems` has the last word on validity,
 * and what it finds beyond them (depth, size) is added. Its generic "Invalid input" (zod gives up
 * on the whole union when a value has the wrong type) is left out when a field check explains it.
 */
export function criteriaIssues(tree: CriteriaNode): CriteriaIssue[] {
  const own: CriteriaIssue[] = [];
  walk(tree, [], own);
  const seen = new Set(own.map((i) => `${i.at}|${i.field ?? ''}|${i.code}`));
  for (const problem of criteriaProblems(tree)) {
    const issue = fromProblem(problem);
    if (issue.code === 'invalid' && own.some((o) => o.at === issue.at || issue.at === '')) continue;
    if (issue.code === 'invalid' && issue.field && own.some((o) => o.field === issue.field)) continue;
    const key = `${issue.at}|${issue.field ?? ''}|${issue.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      own.push(issue);
    }
  }
  return own;
}

/** The server's CRITERIA_INVALID problems (`extensions.problems`), placed like local ones. */
export function serverCriteriaIssues(problems: readonly CriteriaProblem[]): CriteriaIssue[] {
  return problems.map((p) => ({ ...fromProblem(p, 'server') }));
}

/** Issues grouped by node, for the components to look up their own. */
export function issuesByNode(issues: readonly CriteriaIssue[]): Map<string, CriteriaIssue[]> {
  const map = new Map<string, CriteriaIssue[]>();
  for (const issue of issues) map.set(issue.at, [...(map.get(issue.at) ?? []), issue]);
  return map;
}

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** The sentence for an issue, in the interface language. */
export function issueMessage(issue: CriteriaIssue, t: Translate, n: (v: number) => string): string {
  switch (issue.code) {
    case 'range':
      return t('badgeAdmin.criteria.issues.range', { min: n(issue.min ?? 0), max: n(issue.max ?? 0) });
    case 'choose':
      return t(`badgeAdmin.criteria.issues.choose.${issue.field ?? 'courseId'}`);
    case 'emptyGroup':
      return t('badgeAdmin.criteria.issues.emptyGroup');
    case 'groupFull':
      return t('badgeAdmin.criteria.issues.groupFull', { max: issue.max ?? GROUP_CHILDREN_MAX });
    case 'tooDeep':
      return t('badgeAdmin.criteria.issues.tooDeep', { max: issue.max ?? CriteriaLimits.depthMax - 1 });
    case 'tooMany':
      return t('badgeAdmin.criteria.issues.tooMany', { max: issue.max ?? CriteriaLimits.nodesMax });
    default:
      return issue.message
        ? t('badgeAdmin.criteria.issues.other', { message: issue.message })
        : t('badgeAdmin.criteria.issues.invalid');
  }
}

/** True when the tree may be sent: the shared rules and the field checks find nothing. */
export function criteriaValid(tree: CriteriaNode): boolean {
  return criteriaIssues(tree).length === 0;
}

// ---------------------------------------------------------------------------------------------
// The sentence

export interface CriteriaNames {
  course?: (id: string) => string;
  campaign?: (id: string) => string;
  badge?: (id: string) => string;
}
/**
 * The plain-language sentence of a valid tree, from the shared `describeCriteria` the server's
 * narratives use too (it names categories and event kinds itself); null while the tree is invalid.
 */
export function criteriaSentence(
  tree: CriteriaNode,
  locale: 'ko' | 'en',
  names: CriteriaNames,
): string | null {
  return criteriaValid(tree) ? describeCriteria(tree, locale, names) : null;
}

/** The tree as the server reads it, or null when it parses to nothing usable. */
export function parseCriteria(json: string): CriteriaNode | null {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null ? (value as CriteriaNode) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// What the recursive components share

export interface CriteriaChoice {
  id: string;
  label: string;
}

export interface CriteriaChoices {
  courses: readonly CriteriaChoice[];
  campaigns: readonly CriteriaChoice[];
  badges: readonly CriteriaChoice[];
}

export interface CriteriaContext {
  choices: ComputedRef<CriteriaChoices>;
  issues: ComputedRef<Map<string, CriteriaIssue[]>>;
  /** Conditions and groups in the whole tree (at most `CriteriaLimits.nodesMax`). */
  nodeCount: ComputedRef<number>;
}

export const criteriaContextKey: InjectionKey<CriteriaContext> = Symbol('badge-criteria');
