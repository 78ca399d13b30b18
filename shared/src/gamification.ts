import { z } from 'zod';
import { CourseCategory } from './learning.js';
import { EventKind } from './events.js';

// ---------------------------------------------------------------------------------------------
// XP rules

/**
 * Every way to earn XP. The amounts below are the defaults; an admin tunes them (`xp_rules`),
 * and a change applies to achievements credited after it — ledger entries keep the XP they got.
 */
export const XpRuleKey = {
  LESSON_COMPLETED: 'LESSON_COMPLETED',
  COURSE_COMPLETED: 'COURSE_COMPLETED',
  QUIZ_PASSED: 'QUIZ_PASSED',
  QUIZ_PERFECT: 'QUIZ_PERFECT',
  PLEDGE_SIGNED: 'PLEDGE_SIGNED',
  EVENT_ATTENDED: 'EVENT_ATTENDED',
  LIVE_GAME_FIRST: 'LIVE_GAME_FIRST',
  LIVE_GAME_SECOND: 'LIVE_GAME_SECOND',
  LIVE_GAME_THIRD: 'LIVE_GAME_THIRD',
  LIVE_GAME_PLAYED: 'LIVE_GAME_PLAYED',
  EARLY_COMPLETION: 'EARLY_COMPLETION',
} as const;
export type XpRuleKey = (typeof XpRuleKey)[keyof typeof XpRuleKey];
export const XP_RULE_KEYS = Object.values(XpRuleKey) as [XpRuleKey, ...XpRuleKey[]];

export interface XpRule {
  xp: number;
  /**
   * For repeatable actions: after an achievement earned XP under this rule, the next one within
   * this many minutes still credits its minutes but earns no XP (no farming with tiny games).
   */
  cooldownMinutes: number;
}

export const DEFAULT_XP_RULES: Readonly<Record<XpRuleKey, XpRule>> = {
  LESSON_COMPLETED: { xp: 5, cooldownMinutes: 0 },
  COURSE_COMPLETED: { xp: 50, cooldownMinutes: 0 },
  QUIZ_PASSED: { xp: 30, cooldownMinutes: 0 },
  QUIZ_PERFECT: { xp: 20, cooldownMinutes: 0 },
  PLEDGE_SIGNED: { xp: 20, cooldownMinutes: 0 },
  EVENT_ATTENDED: { xp: 30, cooldownMinutes: 0 },
  LIVE_GAME_FIRST: { xp: 50, cooldownMinutes: 60 },
  LIVE_GAME_SECOND: { xp: 40, cooldownMinutes: 60 },
  LIVE_GAME_THIRD: { xp: 30, cooldownMinutes: 60 },
  LIVE_GAME_PLAYED: { xp: 10, cooldownMinutes: 60 },
  EARLY_COMPLETION: { xp: 30, cooldownMinutes: 0 },
};

export const XpRuleLimits = { xpMax: 1_000, cooldownMax: 7 * 24 * 60 } as const;

export const xpRuleInputSchema = z
  .object({
    key: z.enum(XP_RULE_KEYS),
    xp: z.number().int().min(0).max(XpRuleLimits.xpMax),
    cooldownMinutes: z.number().int().min(0).max(XpRuleLimits.cooldownMax),
  })
  .strict();

/** The rule a live-game place falls under. */
export function placementRule(rank: number): XpRuleKey {
  if (rank === 1) return 'LIVE_GAME_FIRST';
  if (rank === 2) return 'LIVE_GAME_SECOND';
  if (rank === 3) return 'LIVE_GAME_THIRD';
  return 'LIVE_GAME_PLAYED';
}

/** A campaign finished at least this many days before its due date earns EARLY_COMPLETION. */
export const EARLY_COMPLETION_DAYS = 7;

// ---------------------------------------------------------------------------------------------
// Levels

/** XP needed to reach a level: 0, 50, 150, 300, 500, 750 … (25·n·(n−1)); level 1 is the start. */
export function xpForLevel(level: number): number {
  const n = Math.max(1, Math.floor(level));
  return 25 * n * (n - 1);
}

export const LEVEL_MAX = 99;

export interface LevelProgress {
  level: number;
  xp: number;
  /** XP at which the current level began. */
  levelStartXp: number;
  /** XP at which the next level begins (null at the top level). */
  nextLevelXp: number | null;
  /** 0–1 of the way to the next level. */
  progress: number;
}

export function levelOf(totalXp: number): LevelProgress {
  const xp = Number.isFinite(totalXp) ? Math.max(0, Math.floor(totalXp)) : 0;
  // Beyond the top level is the top level (and keeps the loops below finite for huge totals).
  const capped = Math.min(xp, xpForLevel(LEVEL_MAX));
  // Solve 25·n·(n−1) ≤ xp for the largest n, then correct for floating point.
  let level = Math.floor((1 + Math.sqrt(1 + (4 * capped) / 25)) / 2);
  while (level > 1 && xpForLevel(level) > capped) level--;
  while (level < LEVEL_MAX && xpForLevel(level + 1) <= capped) level++;
  level = Math.min(Math.max(level, 1), LEVEL_MAX);
  const levelStartXp = xpForLevel(level);
  const nextLevelXp = level >= LEVEL_MAX ? null : xpForLevel(level + 1);
  const progress = nextLevelXp === null ? 1 : Math.min(1, (xp - levelStartXp) / (nextLevelXp - levelStartXp));
  return { level, xp, levelStartXp, nextLevelXp, progress };
}

// ---------------------------------------------------------------------------------------------
// Weekly streaks

const WEEK_MS = 7 * 24 * 3_600_000;
/** Weeks run Monday 00:00 to Sunday 24:00 in Korea (UTC+9, no daylight saving). */
const SEOUL_OFFSET_MS = 9 * 3_600_000;
/** 1970-01-01 was a Thursday: the first Monday is four days later. */
const FIRST_MONDAY_MS = 4 * 24 * 3_600_000;

/** The number of the Korean (Monday-first) week a moment falls in. */
export function weekIndex(at: Date | number): number {
  const t = typeof at === 'number' ? at : at.getTime();
  return Math.floor((t + SEOUL_OFFSET_MS - FIRST_MONDAY_MS) / WEEK_MS);
}

/** The Monday (as YYYY-MM-DD, Korean date) a week number starts on. */
export function weekStart(index: number): string {
  return new Date(index * WEEK_MS + FIRST_MONDAY_MS).toISOString().slice(0, 10);
}

export const StreakRules = {
  /** One freeze is earned for every this many active weeks in a row… */
  activeWeeksPerFreeze: 4,
  /** …and at most this many are held at once. */
  maxFreezes: 2,
} as const;

export interface Streak {
  /** Active weeks in the running streak (frozen weeks keep it alive but do not add). */
  current: number;
  longest: number;
  freezesLeft: number;
  /** Weeks of the running streak that a freeze covered. */
  frozenWeeks: number[];
  activeThisWeek: boolean;
}

/**
 * Weekly learning streak. A week counts when it has any learning activity. A missed week uses a
 * held freeze automatically; without one the streak ends. Four active weeks earn one freeze, at
 * most two are held. The current week never breaks a streak: it is not over yet.
 */
export function computeStreak(activeWeeks: Iterable<number>, currentWeek: number): Streak {
  const active = new Set(activeWeeks);
  const weeks = [...active].filter((w) => w <= currentWeek).sort((a, b) => a - b);
  const empty: Streak = { current: 0, longest: 0, freezesLeft: 0, frozenWeeks: [], activeThisWeek: false };
  if (weeks.length === 0) return empty;
  let current = 0;
  let longest = 0;
  let freezes = 0;
  let sinceFreeze = 0;
  let frozen: number[] = [];
  for (let w = weeks[0]; w <= currentWeek; w++) {
    if (active.has(w)) {
      current++;
      sinceFreeze++;
      if (sinceFreeze === StreakRules.activeWeeksPerFreeze) {
        freezes = Math.min(StreakRules.maxFreezes, freezes + 1);
        sinceFreeze = 0;
      }
    } else if (w === currentWeek) {
      // this week is still open
    } else if (freezes > 0) {
      freezes--;
      frozen.push(w);
    } else {
      current = 0;
      sinceFreeze = 0;
      frozen = [];
    }
    longest = Math.max(longest, current);
  }
  return {
    current,
    longest,
    freezesLeft: freezes,
    frozenWeeks: frozen,
    activeThisWeek: active.has(currentWeek),
  };
}

// ---------------------------------------------------------------------------------------------
// Badge criteria: data, combinable with all/any

export const CriterionKind = {
  COURSES_COMPLETED: 'COURSES_COMPLETED',
  COURSE_COMPLETED: 'COURSE_COMPLETED',
  PERFECT_QUIZZES: 'PERFECT_QUIZZES',
  EVENTS_ATTENDED: 'EVENTS_ATTENDED',
  LIVE_GAME_PLACED: 'LIVE_GAME_PLACED',
  GOLDEN_BELL_RUNG: 'GOLDEN_BELL_RUNG',
  PLEDGES_SIGNED: 'PLEDGES_SIGNED',
  CAMPAIGN_EARLY: 'CAMPAIGN_EARLY',
  STREAK_WEEKS: 'STREAK_WEEKS',
  BADGE_EARNED: 'BADGE_EARNED',
  DEPARTMENT_CAMPAIGN_DONE: 'DEPARTMENT_CAMPAIGN_DONE',
} as const;
export type CriterionKind = (typeof CriterionKind)[keyof typeof CriterionKind];

export const CriteriaLimits = {
  countMax: 1_000,
  weeksMax: 104,
  daysMax: 365,
  depthMax: 4,
  nodesMax: 30,
} as const;

const count = z.number().int().min(1, 'at least 1').max(CriteriaLimits.countMax);
/** Any PostgreSQL uuid (not only RFC 4122 versions: demo data uses sequential ids). */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not an id');

export const criterionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('COURSES_COMPLETED'),
      count,
      category: z.enum(Object.values(CourseCategory) as [CourseCategory]).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('COURSE_COMPLETED'), courseId: uuid }).strict(),
  z.object({ kind: z.literal('PERFECT_QUIZZES'), count }).strict(),
  z
    .object({
      kind: z.literal('EVENTS_ATTENDED'),
      count,
      eventKind: z.enum(Object.values(EventKind) as [EventKind]).optional(),
    })
    .strict(),
  /** Placed at maxRank or better in `count` live games (maxRank 1: won). */
  z.object({ kind: z.literal('LIVE_GAME_PLACED'), count, maxRank: z.number().int().min(1).max(3) }).strict(),
  z.object({ kind: z.literal('GOLDEN_BELL_RUNG'), count }).strict(),
  z.object({ kind: z.literal('PLEDGES_SIGNED'), count }).strict(),
  /** Finished `count` campaigns at least `daysBefore` days before their due dates. */
  z
    .object({
      kind: z.literal('CAMPAIGN_EARLY'),
      count,
      daysBefore: z.number().int().min(0).max(CriteriaLimits.daysMax),
    })
    .strict(),
  z
    .object({ kind: z.literal('STREAK_WEEKS'), weeks: z.number().int().min(1).max(CriteriaLimits.weeksMax) })
    .strict(),
  z.object({ kind: z.literal('BADGE_EARNED'), badgeId: uuid }).strict(),
  /** Team badge: every member of the person's department finished the campaign before its due date. */
  z.object({ kind: z.literal('DEPARTMENT_CAMPAIGN_DONE'), campaignId: uuid.optional() }).strict(),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export type CriteriaNode = Criterion | { all: CriteriaNode[] } | { any: CriteriaNode[] };

export const criteriaSchema: z.ZodType<CriteriaNode> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(criteriaSchema).min(1, 'empty group').max(10) }).strict(),
    z.object({ any: z.array(criteriaSchema).min(1, 'empty group').max(10) }).strict(),
    criterionSchema,
  ]),
);

export function isGroup(node: CriteriaNode): node is { all: CriteriaNode[] } | { any: CriteriaNode[] } {
  return 'all' in node || 'any' in node;
}

export function criteriaLeaves(node: CriteriaNode): Criterion[] {
  if ('all' in node) return node.all.flatMap(criteriaLeaves);
  if ('any' in node) return node.any.flatMap(criteriaLeaves);
  return [node];
}

export function criteriaDepth(node: CriteriaNode): number {
  if ('all' in node) return 1 + Math.max(...node.all.map(criteriaDepth));
  if ('any' in node) return 1 + Math.max(...node.any.map(criteriaDepth));
  return 1;
}

function countNodes(node: CriteriaNode): number {
  if ('all' in node) return 1 + node.all.reduce((s, n) => s + countNodes(n), 0);
  if ('any' in node) return 1 + node.any.reduce((s, n) => s + countNodes(n), 0);
  return 1;
}

export interface CriteriaProblem {
  path: string;
  message: string;
}

/** Shape and size problems (references to courses, campaigns and badges are the server's to check). */
export function criteriaProblems(input: unknown): CriteriaProblem[] {
  const parsed = criteriaSchema.safeParse(input);
  if (!parsed.success)
    return parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
  const problems: CriteriaProblem[] = [];
  if (criteriaDepth(parsed.data) > CriteriaLimits.depthMax)
    problems.push({
      path: '(root)',
      message: `nested too deeply (at most ${CriteriaLimits.depthMax - 1} levels of groups)`,
    });
  if (countNodes(parsed.data) > CriteriaLimits.nodesMax)
    problems.push({ path: '(root)', message: `at most ${CriteriaLimits.nodesMax} conditions and groups` });
  return problems;
}

/**
 * A cycle of BADGE_EARNED references (A needs B needs A) can never be earned. Returns the badge ids
 * on the first cycle found, or null. `graph` maps a badge to the badges its criteria require.
 */
export function findBadgeCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    const s = state.get(id);
    if (s === 'done') return null;
    if (s === 'visiting') return path.slice(path.indexOf(id)).concat(id);
    state.set(id, 'visiting');
    path.push(id);
    for (const next of graph.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return null;
  };
  for (const id of graph.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return null;
}

/** What a person has done, read from the ledger and the domain tables. */
export interface PersonFacts {
  /** Distinct courses completed, with their category. */
  coursesCompleted: readonly { courseId: string; category: CourseCategory | null }[];
  perfectQuizzes: number;
  /** One entry per attended event, with its kind. */
  eventsAttended: readonly EventKind[];
  /** One final rank per live game played with credit. */
  liveGameRanks: readonly number[];
  goldenBellsRung: number;
  pledgesSigned: number;
  /** Days before the due date each finished campaign assignment was finished (negative: late). */
  campaignDaysEarly: readonly number[];
  longestStreakWeeks: number;
  badgeIds: ReadonlySet<string>;
  /** Campaigns every member of the person's department finished before the due date. */
  departmentCampaignsDone: ReadonlySet<string>;
}

export const emptyFacts = (): PersonFacts => ({
  coursesCompleted: [],
  perfectQuizzes: 0,
  eventsAttended: [],
  liveGameRanks: [],
  goldenBellsRung: 0,
  pledgesSigned: 0,
  campaignDaysEarly: [],
  longestStreakWeeks: 0,
  badgeIds: new Set(),
  departmentCampaignsDone: new Set(),
});

/** How far a person is towards one condition: `have` of `need`. */
export function criterionProgress(c: Criterion, f: PersonFacts): { have: number; need: number } {
  switch (c.kind) {
    case 'COURSES_COMPLETED':
      return {
        have: f.coursesCompleted.filter((x) => !c.category || x.category === c.category).length,
        need: c.count,
      };
    case 'COURSE_COMPLETED':
      return { have: f.coursesCompleted.some((x) => x.courseId === c.courseId) ? 1 : 0, need: 1 };
    case 'PERFECT_QUIZZES':
      return { have: f.perfectQuizzes, need: c.count };
    case 'EVENTS_ATTENDED':
      return {
        have: f.eventsAttended.filter((k) => !c.eventKind || k === c.eventKind).length,
        need: c.count,
      };
    case 'LIVE_GAME_PLACED':
      return { have: f.liveGameRanks.filter((r) => r >= 1 && r <= c.maxRank).length, need: c.count };
    case 'GOLDEN_BELL_RUNG':
      return { have: f.goldenBellsRung, need: c.count };
    case 'PLEDGES_SIGNED':
      return { have: f.pledgesSigned, need: c.count };
    case 'CAMPAIGN_EARLY':
      return { have: f.campaignDaysEarly.filter((d) => d >= c.daysBefore).length, need: c.count };
    case 'STREAK_WEEKS':
      return { have: f.longestStreakWeeks, need: c.weeks };
    case 'BADGE_EARNED':
      return { have: f.badgeIds.has(c.badgeId) ? 1 : 0, need: 1 };
    case 'DEPARTMENT_CAMPAIGN_DONE':
      return {
        have: c.campaignId
          ? Number(f.departmentCampaignsDone.has(c.campaignId))
          : Math.min(1, f.departmentCampaignsDone.size),
        need: 1,
      };
  }
}

export function evaluateCriteria(node: CriteriaNode, facts: PersonFacts): boolean {
  if ('all' in node) return node.all.every((n) => evaluateCriteria(n, facts));
  if ('any' in node) return node.any.some((n) => evaluateCriteria(n, facts));
  const { have, need } = criterionProgress(node, facts);
  return have >= need;
}

// ---------------------------------------------------------------------------------------------
// Badge images generated from a template

export const BadgeShape = { CIRCLE: 'CIRCLE', SHIELD: 'SHIELD', HEXAGON: 'HEXAGON', STAR: 'STAR' } as const;
export type BadgeShape = (typeof BadgeShape)[keyof typeof BadgeShape];

export const badgeTemplateSchema = z
  .object({
    shape: z.enum(Object.values(BadgeShape) as [BadgeShape]),
    /** #rrggbb */
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f6feb'),
    /** A short mark in the middle: an emoji or up to 3 letters. */
    symbol: z.string().trim().min(1).max(4),
  })
  .strict();
export type BadgeTemplate = z.infer<typeof badgeTemplateSchema>;

export const BadgeLimits = {
  nameMax: 80,
  descriptionMax: 1_000,
  criteriaTextMax: 2_000,
  imageBytesMax: 512 * 1024,
} as const;

// ---------------------------------------------------------------------------------------------
// Leaderboards

export const LeaderboardBoard = { PEOPLE: 'PEOPLE', DEPARTMENTS: 'DEPARTMENTS' } as const;
export type LeaderboardBoard = (typeof LeaderboardBoard)[keyof typeof LeaderboardBoard];

export const LeaderboardPeriod = { MONTH: 'MONTH', CAMPAIGN: 'CAMPAIGN', ALL_TIME: 'ALL_TIME' } as const;
export type LeaderboardPeriod = (typeof LeaderboardPeriod)[keyof typeof LeaderboardPeriod];

export const PrivacyMode = {
  /** Every row with its name. */
  NAMED: 'NAMED',
  /** Every row, names hidden except the viewer's own. */
  ANONYMOUS: 'ANONYMOUS',
  /** Only the viewer's row and the few around it; the neighbours without names. */
  AROUND_ME: 'AROUND_ME',
  /** Only the first N rows (and the viewer's own rank). */
  TOP_N: 'TOP_N',
} as const;
export type PrivacyMode = (typeof PrivacyMode)[keyof typeof PrivacyMode];

export interface LeaderboardPolicy {
  mode: PrivacyMode;
  /** TOP_N: rows shown; AROUND_ME: rows shown on each side of the viewer. */
  size: number;
}

/** Mandatory training: departments ranked by name, individuals only "around me". */
export const DEFAULT_LEADERBOARD_POLICIES: Readonly<Record<LeaderboardBoard, LeaderboardPolicy>> = {
  PEOPLE: { mode: 'AROUND_ME', size: 2 },
  DEPARTMENTS: { mode: 'NAMED', size: 10 },
};

export const LeaderboardLimits = { sizeMin: 1, sizeMax: 50 } as const;

export interface RankedRow {
  id: string;
  score: number;
}

export interface VisibleRow<T extends RankedRow> {
  row: T;
  rank: number;
  /** False when the name must not be shown to this viewer. */
  named: boolean;
  isViewer: boolean;
}

/** Competition ranking ("1, 1, 3") of rows already sorted by score, highest first. */
export function competitionRanks(scores: readonly number[]): number[] {
  const ranks: number[] = [];
  scores.forEach((s, i) => ranks.push(i > 0 && scores[i - 1] === s ? ranks[i - 1] : i + 1));
  return ranks;
}

/**
 * Applies a privacy policy to a ranked board, for one viewer. Rows must be sorted by score,
 * highest first. `optedOut` rows keep their place but never show a name to anyone but themselves.
 */
export function applyPrivacy<T extends RankedRow>(
  rows: readonly T[],
  policy: LeaderboardPolicy,
  viewerId: string | null,
  optedOut: (row: T) => boolean = () => false,
): VisibleRow<T>[] {
  const ranks = competitionRanks(rows.map((r) => r.score));
  const all = rows.map((row, i) => {
    const isViewer = row.id === viewerId;
    // Around me shows where you stand, not who your neighbours are: only NAMED and TOP_N name others.
    const named = isViewer || ((policy.mode === 'NAMED' || policy.mode === 'TOP_N') && !optedOut(row));
    return { row, rank: ranks[i], named, isViewer };
  });
  const me = all.findIndex((r) => r.isViewer);
  switch (policy.mode) {
    case 'NAMED':
    case 'ANONYMOUS':
      return all;
    case 'TOP_N': {
      const top = all.slice(0, policy.size);
      return me >= policy.size ? [...top, all[me]] : top;
    }
    case 'AROUND_ME':
      if (me < 0) return [];
      return all.slice(Math.max(0, me - policy.size), me + policy.size + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Badge definitions

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);

/** What an admin sends to create or change a badge (criteria are checked further on the server). */
export const badgeInputSchema = z
  .object({
    nameKo: text(BadgeLimits.nameMax),
    nameEn: text(BadgeLimits.nameMax),
    descriptionKo: text(BadgeLimits.descriptionMax),
    descriptionEn: text(BadgeLimits.descriptionMax),
    criteriaTextKo: z.string().trim().max(BadgeLimits.criteriaTextMax).default(''),
    criteriaTextEn: z.string().trim().max(BadgeLimits.criteriaTextMax).default(''),
    criteria: z.unknown(),
    template: badgeTemplateSchema,
  })
  .strict();
export type BadgeInput = z.infer<typeof badgeInputSchema>;

/** Names of categories and event kinds in criteria sentences (the server writes narratives with them). */
export const COURSE_CATEGORY_NAMES: Readonly<Record<CourseCategory, { ko: string; en: string }>> = {
  INTEGRITY_LAW: { ko: '청렴 일반·부패방지 법령', en: 'integrity law' },
  PERSONNEL: { ko: '인사', en: 'personnel' },
  CONTRACTS_CONSTRUCTION: { ko: '계약·공사', en: 'contracts and construction' },
  PERMITS_LICENCES: { ko: '인허가', en: 'permits and licences' },
  FINANCE_TAX: { ko: '재정·세무', en: 'finance and tax' },
  GRANTS_OUTSOURCING: { ko: '보조금·위탁', en: 'grants and outsourcing' },
};
export const EVENT_KIND_NAMES: Readonly<Record<EventKind, { ko: string; en: string }>> = {
  CONCERT: { ko: '콘서트', en: 'concert' },
  PLAY: { ko: '연극', en: 'play' },
  TALK: { ko: '특강', en: 'talk' },
  QUIZ_CONTEST: { ko: '퀴즈 대회', en: 'quiz contest' },
  OTHER: { ko: '기타', en: 'other' },
};

/** A plain-language sentence for one condition (used in criteria narratives and the gallery). */
export function describeCriterion(
  c: Criterion,
  locale: 'ko' | 'en',
  names: {
    course?: (id: string) => string;
    campaign?: (id: string) => string;
    badge?: (id: string) => string;
  } = {},
): string {
  const ko = locale === 'ko';
  switch (c.kind) {
    case 'COURSES_COMPLETED':
      return ko
        ? `${c.category ? `${COURSE_CATEGORY_NAMES[c.category].ko} 분야 ` : ''}과정 ${c.count}개 이수`
        : `Complete ${c.count} course${c.count > 1 ? 's' : ''}${c.category ? ` in ${COURSE_CATEGORY_NAMES[c.category].en}` : ''}`;
    case 'COURSE_COMPLETED': {
      const name = names.course?.(c.courseId) ?? c.courseId;
      return ko ? `'${name}' 과정 이수` : `Complete the course '${name}'`;
    }
    case 'PERFECT_QUIZZES':
      return ko
        ? `퀴즈 ${c.count}개 만점 통과`
        : `Pass ${c.count} quiz${c.count > 1 ? 'zes' : ''} with a perfect score`;
    case 'EVENTS_ATTENDED':
      return ko
        ? `${c.eventKind ? `${EVENT_KIND_NAMES[c.eventKind].ko} ` : ''}행사 ${c.count}회 참석`
        : `Attend ${c.count} ${c.eventKind ? `${EVENT_KIND_NAMES[c.eventKind].en} ` : ''}event${c.count > 1 ? 's' : ''}`;
    case 'LIVE_GAME_PLACED':
      return c.maxRank === 1
        ? ko
          ? `라이브 게임 ${c.count}회 우승`
          : `Win ${c.count} live game${c.count > 1 ? 's' : ''}`
        : ko
          ? `라이브 게임 ${c.maxRank}위 이내 ${c.count}회`
          : `Place in the top ${c.maxRank} of ${c.count} live game${c.count > 1 ? 's' : ''}`;
    case 'GOLDEN_BELL_RUNG':
      return ko
        ? `골든벨 ${c.count}회 울리기`
        : `Ring the Golden Bell ${c.count} time${c.count > 1 ? 's' : ''}`;
    case 'PLEDGES_SIGNED':
      return ko ? `청렴 서약 ${c.count}회 서명` : `Sign ${c.count} integrity pledge${c.count > 1 ? 's' : ''}`;
    case 'CAMPAIGN_EARLY':
      return ko
        ? `의무교육 ${c.count}회를 마감 ${c.daysBefore}일 전까지 이수`
        : `Finish ${c.count} campaign${c.count > 1 ? 's' : ''} at least ${c.daysBefore} days before the due date`;
    case 'STREAK_WEEKS':
      return ko ? `${c.weeks}주 연속 학습` : `Learn ${c.weeks} weeks in a row`;
    case 'BADGE_EARNED': {
      const name = names.badge?.(c.badgeId) ?? c.badgeId;
      return ko ? `'${name}' 배지 획득` : `Earn the '${name}' badge`;
    }
    case 'DEPARTMENT_CAMPAIGN_DONE': {
      const name = c.campaignId ? (names.campaign?.(c.campaignId) ?? c.campaignId) : null;
      return ko
        ? `부서원 모두가 ${name ? `'${name}'` : '의무교육'}을 마감 전 이수 (팀 배지)`
        : `Everyone in your department finishes ${name ? `'${name}'` : 'a campaign'} before the due date (team badge)`;
    }
  }
}

/** The whole criteria tree as text, e.g. "A and (B or C)". */
export function describeCriteria(
  node: CriteriaNode,
  locale: 'ko' | 'en',
  names?: Parameters<typeof describeCriterion>[2],
): string {
  const join = (nodes: CriteriaNode[], word: string) =>
    nodes
      .map((n) =>
        isGroup(n) ? `(${describeCriteria(n, locale, names)})` : describeCriteria(n, locale, names),
      )
      .join(word);
  if ('all' in node) return join(node.all, locale === 'ko' ? ' 그리고 ' : ' and ');
  if ('any' in node) return join(node.any, locale === 'ko' ? ' 또는 ' : ' or ');
  return describeCriterion(node, locale, names);
}
