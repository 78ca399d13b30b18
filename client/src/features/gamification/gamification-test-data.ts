import type { BadgeProgress } from './composables/useMyBadges';
import type { BadgeAward, GamificationBadge } from './gamification-display';

/** Test data in the shapes the generated documents give (kept beside the feature's specs). */
export function testBadge(over: Partial<GamificationBadge> = {}): GamificationBadge {
  return {
    id: 'b-1',
    nameKo: '청렴 새싹',
    nameEn: 'Integrity Sprout',
    descriptionKo: '첫 과정을 이수했습니다.',
    descriptionEn: 'Finished a first course.',
    criteria: JSON.stringify({ kind: 'COURSES_COMPLETED', count: 1 }),
    criteriaNarrativeKo: '과정 1개 이수',
    criteriaNarrativeEn: 'Complete 1 course',
    team: false,
    imageUrl: '/api/badges/b-1/image?v=1',
    ...over,
  };
}

export function testAward(
  over: Partial<BadgeAward> = {},
  badge: Partial<GamificationBadge> = {},
): BadgeAward {
  return {
    id: 'aw-1',
    awardedAt: '2026-03-05T01:00:00Z',
    celebratedAt: null,
    revokedAt: null,
    revokedReason: null,
    credentialUrl: '/api/ob/credentials/aw-1',
    badge: testBadge(badge),
    ...over,
  };
}

export function testProgress(
  over: Partial<BadgeProgress> = {},
  badge: Partial<GamificationBadge> = {},
): BadgeProgress {
  return {
    earned: false,
    conditions: [{ kind: 'COURSES_COMPLETED', have: 0, need: 1 }],
    badge: testBadge(badge),
    ...over,
  };
}
