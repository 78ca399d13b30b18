import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  GamificationCelebrateBadgesDocument,
  MyBadgeProgressDocument,
  MyBadgesDocument,
  type MyBadgeProgressQuery,
} from '@/api/graphql';
import type { BadgeAward } from '../gamification-display';

export type BadgeProgress = MyBadgeProgressQuery['myBadgeProgress'][number];

const awardsContext = { additionalTypenames: ['BadgeAward'] };

/** The badges the viewer earned, newest first (revoked ones included, marked as such). */
export function useMyBadges(options: { pause?: () => boolean } = {}) {
  const query = useQuery({
    query: MyBadgesDocument,
    requestPolicy: 'cache-and-network',
    context: awardsContext,
    pause: computed(() => options.pause?.() ?? false),
  });
  return {
    awards: computed<BadgeAward[]>(() => query.data.value?.myBadges ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    /** Asks the server again (a badge was just awarded). */
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** Marks awards as celebrated, so that the "you earned a badge" dialog shows them only once. */
export function useCelebrateBadges() {
  const celebrate = useMutation(GamificationCelebrateBadgesDocument);
  return {
    async celebrateBadges(awardIds: string[]): Promise<boolean> {
      if (awardIds.length === 0) return true;
      const r = await celebrate.executeMutation({ awardIds }, awardsContext);
      return !r.error;
    },
  };
}

/** Every active badge with how far the viewer is towards it. */
export function useBadgeProgress() {
  const query = useQuery({
    query: MyBadgeProgressDocument,
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['BadgeProgress', 'BadgeAward'] },
  });
  return {
    badges: computed<BadgeProgress[]>(() => query.data.value?.myBadgeProgress ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}
