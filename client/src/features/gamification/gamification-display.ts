import {
  criteriaLeaves,
  criteriaSchema,
  describeCriterion,
  type Criterion,
  type Locale,
  type PrivacyMode,
} from '@palma/shared';
import type {
  GamificationAwardFieldsFragment,
  GamificationBadgeFieldsFragment,
  LeaderboardPeriod,
  MyGamificationQuery,
} from '@/api/graphql';
import { inLanguage, type Message } from '@/features/training/training-display';

export type GamificationBadge = GamificationBadgeFieldsFragment;
export type BadgeAward = GamificationAwardFieldsFragment;
export type GamificationProfile = MyGamificationQuery['myGamification'];

type Named = Pick<GamificationBadge, 'nameKo' | 'nameEn'>;

export const badgeName = (b: Named, locale: Locale) => inLanguage(b.nameKo, b.nameEn, locale);
export const badgeDescription = (b: GamificationBadge, locale: Locale) =>
  inLanguage(b.descriptionKo, b.descriptionEn, locale);
/** The criteria in words, as the server wrote them for this language. */
export const criteriaNarrative = (b: GamificationBadge, locale: Locale) =>
  inLanguage(b.criteriaNarrativeKo, b.criteriaNarrativeEn, locale);

// ---------------------------------------------------------------------------------------------
// Level

export interface LevelSummary {
  level: number;
  xp: number;
  /** Null at the top level. */
  nextLevel: number | null;
  /** XP still needed for the next level (null at the top level). */
  toNext: number | null;
  /** XP earned within the current level, and the level's whole span (for the bar). */
  intoLevel: number;
  span: number;
}

/** The level card's figures, from the server's numbers (never recomputed from XP here). */
export function levelSummary(
  p: Pick<GamificationProfile, 'level' | 'xp' | 'levelStartXp' | 'nextLevelXp'>,
): LevelSummary {
  const intoLevel = Math.max(0, p.xp - p.levelStartXp);
  if (p.nextLevelXp === null)
    return { level: p.level, xp: p.xp, nextLevel: null, toNext: null, intoLevel, span: intoLevel };
  return {
    level: p.level,
    xp: p.xp,
    nextLevel: p.level + 1,
    toNext: Math.max(0, p.nextLevelXp - p.xp),
    intoLevel: Math.min(intoLevel, p.nextLevelXp - p.levelStartXp),
    span: Math.max(1, p.nextLevelXp - p.levelStartXp),
  };
}

/** "n XP to level L+1", or the top-level sentence. */
export function levelProgressMessage(s: LevelSummary): Message {
  return s.nextLevel === null || s.toNext === null
    ? { key: 'gamification.level.top', named: {} }
    : { key: 'gamification.level.toNext', named: { xp: s.toNext, level: s.nextLevel } };
}

// ---------------------------------------------------------------------------------------------
// Badges

/** Credential downloads: the signed VC-JWT for wallets, and the readable JSON. */
export function credentialLinks(credentialUrl: string): { jwt: string; json: string } {
  const join = credentialUrl.includes('?') ? '&' : '?';
  return { jwt: `${credentialUrl}${join}format=jwt`, json: `${credentialUrl}${join}format=json` };
}

/** Awards to celebrate: never shown before and not taken back. */
export function awardsToCelebrate(
  awards: readonly BadgeAward[],
  alreadyShown: ReadonlySet<string> = new Set(),
): BadgeAward[] {
  return awards.filter((a) => a.celebratedAt === null && a.revokedAt === null && !alreadyShown.has(a.id));
}

export type BadgeFilter = 'all' | 'earned' | 'open';
export const BADGE_FILTERS: readonly BadgeFilter[] = ['all', 'earned', 'open'];

export function filterBadges<T extends { earned: boolean }>(items: readonly T[], filter: BadgeFilter): T[] {
  if (filter === 'earned') return items.filter((i) => i.earned);
  if (filter === 'open') return items.filter((i) => !i.earned);
  return [...items];
}

export interface ConditionLine {
  key: string;
  text: string;
  have: number;
  need: number;
  done: boolean;
}

/**
 * One line per condition of a badge, with its progress. The server lists progress in the order
 * of the criteria's leaves; the words come from the criteria themselves. Names the client does
 * not know (a course, a campaign) read as a generic phrase rather than an id.
 */
export function conditionLines(
  criteriaJson: string,
  progress: readonly { kind: string; have: number; need: number }[],
  locale: Locale,
  names: {
    badge: (id: string) => string | undefined;
    unknownCourse: string;
    unknownCampaign: string;
    unknownBadge: string;
  },
): ConditionLine[] {
  let leaves: Criterion[] = [];
  try {
    const parsed = criteriaSchema.safeParse(JSON.parse(criteriaJson));
    if (parsed.success) leaves = criteriaLeaves(parsed.data);
  } catch {
    // Unreadable criteria: the lines below fall back to the condition kinds.
  }
  return progress.map((p, i) => {
    const leaf = leaves[i]?.kind === p.kind ? leaves[i] : undefined;
    const text = leaf
      ? describeCriterion(leaf, locale, {
          course: () => names.unknownCourse,
          campaign: () => names.unknownCampaign,
          badge: (id) => names.badge(id) ?? names.unknownBadge,
        })
      : p.kind;
    return {
      key: `${i}-${p.kind}`,
      text,
      have: Math.min(p.have, p.need),
      need: p.need,
      done: p.have >= p.need,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Leaderboards

export type BoardPeriod = LeaderboardPeriod;
export const PERIODS: readonly BoardPeriod[] = ['MONTH', 'CAMPAIGN', 'ALL_TIME'];

/** The query variables for a period; a campaign board without a campaign is not asked for. */
export function periodVariables(
  period: BoardPeriod,
  campaignId: string | null,
): { period: BoardPeriod; campaignId: string | null } | null {
  if (period !== 'CAMPAIGN') return { period, campaignId: null };
  return campaignId ? { period, campaignId } : null;
}

/** What the privacy mode means for what the viewer sees on a board. */
export function privacyNoteKey(board: 'people' | 'departments', mode: PrivacyMode): string {
  return `gamification.privacy.${board}.${mode}`;
}

/** A whole-number percentage of a 0–1 rate, or null when there is nothing to rate. */
export function ratePercent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? null : Math.round(rate * 100);
}

/** "/leaderboards?department=…" read back: a plausible id or nothing. */
export function departmentFromQuery(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && /^[0-9a-zA-Z-]{1,64}$/.test(v) ? v : null;
}

/** A department's name in the viewer's language (Korean when no English name is given). */
export function departmentLabel(
  ko: string | null | undefined,
  en: string | null | undefined,
  locale: string,
): string {
  return (locale === 'en' ? en || ko : ko) ?? '';
}
