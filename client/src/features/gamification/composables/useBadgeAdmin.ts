import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  BadgeAdminBadgeDocument,
  BadgeAdminBadgesDocument,
  BadgeAdminCreateDocument,
  BadgeAdminHoldersDocument,
  BadgeAdminRevokeAwardDocument,
  BadgeAdminSetArchivedDocument,
  BadgeAdminUpdateDocument,
  type BadgeAdminHoldersQuery,
  type BadgeInput,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';
import type { AdminBadge } from '../badge-admin-form';

export type BadgeHolder = BadgeAdminHoldersQuery['badgeHolders'][number];

/** Tells the document cache which lists a change touches, so they ask again. */
const touchesBadges = { additionalTypenames: ['Badge'] };
const touchesAwards = { additionalTypenames: ['BadgeAward', 'BadgeHolder'] };

function outcome<R, T>(result: { data?: R; error?: unknown }, pick: (data: R) => T): MutationOutcome<T> {
  return result.data
    ? { ok: true, data: pick(result.data) }
    : { ok: false, problem: toProblem(result.error) };
}

/** Every badge, archived ones included. */
export function useBadgeAdminList() {
  const query = useQuery({ query: BadgeAdminBadgesDocument, context: touchesBadges });
  return {
    badges: computed<AdminBadge[]>(() => query.data.value?.badges ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}

/** One badge (paused on the "new badge" page). */
export function useBadgeAdminBadge(id: Ref<string | null>) {
  const query = useQuery({
    query: BadgeAdminBadgeDocument,
    variables: computed(() => ({ id: id.value ?? '' })),
    pause: computed(() => !id.value),
    context: touchesBadges,
  });
  return {
    badge: computed<AdminBadge | null>(() => (id.value ? (query.data.value?.badge ?? null) : null)),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

export function useBadgeAdminMutations() {
  const create = useMutation(BadgeAdminCreateDocument);
  const update = useMutation(BadgeAdminUpdateDocument);
  const archive = useMutation(BadgeAdminSetArchivedDocument);
  return {
    async createBadge(input: BadgeInput): Promise<MutationOutcome<AdminBadge>> {
      return outcome(await create.executeMutation({ input }, touchesBadges), (d) => d.createBadge);
    },
    async updateBadge(id: string, input: BadgeInput): Promise<MutationOutcome<AdminBadge>> {
      return outcome(await update.executeMutation({ id, input }, touchesBadges), (d) => d.updateBadge);
    },
    async setArchived(id: string, archived: boolean): Promise<MutationOutcome<AdminBadge>> {
      return outcome(
        await archive.executeMutation({ id, archived }, touchesBadges),
        (d) => d.setBadgeArchived,
      );
    },
    saving: computed(() => create.fetching.value || update.fetching.value),
    archiving: archive.fetching,
  };
}

/** Who holds a badge, newest first (paused until a badge is chosen). */
export function useBadgeAdminHolders(badgeId: Ref<string | null>) {
  const query = useQuery({
    query: BadgeAdminHoldersDocument,
    variables: computed(() => ({ badgeId: badgeId.value ?? '' })),
    pause: computed(() => !badgeId.value),
    // Awards arrive in the background (back-fill): ask every time the list is shown.
    requestPolicy: 'cache-and-network',
    context: touchesAwards,
  });
  return {
    holders: computed<BadgeHolder[]>(() => (badgeId.value ? (query.data.value?.badgeHolders ?? []) : [])),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

export function useBadgeAdminRevoke() {
  const revoke = useMutation(BadgeAdminRevokeAwardDocument);
  return {
    async revokeAward(
      awardId: string,
      reason: string,
    ): Promise<MutationOutcome<{ revokedAt?: string | null }>> {
      return outcome(
        await revoke.executeMutation({ awardId, reason }, touchesAwards),
        (d) => d.revokeBadgeAward,
      );
    },
    revoking: revoke.fetching,
  };
}
