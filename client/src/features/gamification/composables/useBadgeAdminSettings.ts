import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  BadgeAdminLeaderboardPoliciesDocument,
  BadgeAdminSetLeaderboardPolicyDocument,
  BadgeAdminSetXpRuleDocument,
  BadgeAdminXpRulesDocument,
  type BadgeAdminLeaderboardPoliciesQuery,
  type BadgeAdminXpRuleFieldsFragment,
  type LeaderboardBoard,
  type PrivacyMode,
  type XpRuleKey,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type AdminXpRule = BadgeAdminXpRuleFieldsFragment;
export type AdminLeaderboardPolicy = BadgeAdminLeaderboardPoliciesQuery['leaderboardPolicies'][number];

/** XP per achievement, with each rule's default. */
export function useBadgeAdminXpRules() {
  const query = useQuery({ query: BadgeAdminXpRulesDocument });
  const set = useMutation(BadgeAdminSetXpRuleDocument);
  return {
    rules: computed<AdminXpRule[]>(() => query.data.value?.xpRules ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    async saveRule(
      key: XpRuleKey,
      xp: number,
      cooldownMinutes: number,
    ): Promise<MutationOutcome<AdminXpRule>> {
      const r = await set.executeMutation({ key, xp, cooldownMinutes });
      return r.data ? { ok: true, data: r.data.setXpRule } : { ok: false, problem: toProblem(r.error) };
    },
  };
}

/** How much of each leaderboard people see. */
export function useBadgeAdminLeaderboardPolicies() {
  const query = useQuery({
    query: BadgeAdminLeaderboardPoliciesDocument,
    context: { additionalTypenames: ['LeaderboardPolicy'] },
  });
  const set = useMutation(BadgeAdminSetLeaderboardPolicyDocument);
  return {
    policies: computed<AdminLeaderboardPolicy[]>(() => query.data.value?.leaderboardPolicies ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    async savePolicy(
      board: LeaderboardBoard,
      mode: PrivacyMode,
      size: number,
    ): Promise<MutationOutcome<AdminLeaderboardPolicy>> {
      const r = await set.executeMutation(
        { board, mode, size },
        { additionalTypenames: ['LeaderboardPolicy'] },
      );
      return r.data
        ? { ok: true, data: r.data.setLeaderboardPolicy }
        : { ok: false, problem: toProblem(r.error) };
    },
  };
}
