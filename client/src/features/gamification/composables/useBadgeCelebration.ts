import { useSubscription } from '@urql/vue';
import { computed, ref, type Ref } from 'vue';
import { NotificationAddedDocument } from '@/api/graphql';
import { awardsToCelebrate, type BadgeAward } from '../gamification-display';
import { useCelebrateBadges, useMyBadges } from './useMyBadges';

/** The notification kind the server sends when it awards a badge. */
export const BADGE_EARNED = 'BADGE_EARNED';

/**
 * New badges to celebrate: those never shown (`celebratedAt` null, not revoked), checked when the
 * app loads and again whenever a BADGE_EARNED notification arrives. `dismiss()` marks everything
 * shown as celebrated on the server, so that each award is celebrated once, on any device.
 */
export function useBadgeCelebration(enabled: Ref<boolean>) {
  const { awards, refresh } = useMyBadges({ pause: () => !enabled.value });
  const { celebrateBadges } = useCelebrateBadges();
  // Dismissed here: hidden at once, before the server's answer (or even if it never comes).
  const dismissed = ref<ReadonlySet<string>>(new Set());

  useSubscription(
    { query: NotificationAddedDocument, pause: computed(() => !enabled.value) },
    (_previous, data) => {
      if (data.notificationAdded.kind === BADGE_EARNED) void refresh();
      return data;
    },
  );

  const pending = computed<BadgeAward[]>(() =>
    enabled.value ? awardsToCelebrate(awards.value, dismissed.value) : [],
  );

  /** Closes the celebration of everything shown now; resolves to false when saving failed. */
  async function dismiss(): Promise<boolean> {
    const ids = pending.value.map((a) => a.id);
    if (ids.length === 0) return true;
    dismissed.value = new Set([...dismissed.value, ...ids]);
    return celebrateBadges(ids);
  }

  return { pending, dismiss };
}
