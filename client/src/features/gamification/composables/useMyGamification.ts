import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import { GamificationSetLeaderboardOptOutDocument, MyGamificationDocument } from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';
import type { GamificationProfile } from '../gamification-display';

/** Learning moves XP and streaks on other pages: every visit asks again. */
const profileContext = { additionalTypenames: ['GamificationProfile'] };
/** Hiding one's name changes what the boards show to others and to oneself. */
const touchesBoards = { additionalTypenames: ['GamificationProfile', 'PeopleLeaderboard'] };

/** The viewer's level, XP, weekly streak and leaderboard privacy choice. */
export function useMyGamification() {
  const query = useQuery({
    query: MyGamificationDocument,
    requestPolicy: 'cache-and-network',
    context: profileContext,
  });
  const optOut = useMutation(GamificationSetLeaderboardOptOutDocument);

  return {
    profile: computed<GamificationProfile | null>(() => query.data.value?.myGamification ?? null),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    savingOptOut: optOut.fetching,
    /** Hides (true) or shows the viewer's name on leaderboards to others. */
    async setLeaderboardOptOut(hide: boolean): Promise<MutationOutcome<boolean>> {
      const r = await optOut.executeMutation({ optOut: hide }, touchesBoards);
      return r.data
        ? { ok: true, data: r.data.setLeaderboardOptOut }
        : { ok: false, problem: toProblem(r.error) };
    },
  };
}
