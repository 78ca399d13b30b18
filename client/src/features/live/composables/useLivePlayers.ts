import { useClientHandle, useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { LiveGamePlayersDocument, LiveKickPlayerDocument } from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import { playerSearchTerm, type LiveHostPlayer } from '../live-players';

const SEARCH_DELAY_MS = 250;

/**
 * The game's players for the host (newest first, removed ones last), by a part of their name,
 * asked for only while `active` (the players dialog is open) and fresh each time it opens.
 */
export function useLivePlayerList(gameId: Ref<string>, search: Ref<string>, active: Ref<boolean>) {
  const settled = ref(playerSearchTerm(search.value));
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => (settled.value = playerSearchTerm(value)), SEARCH_DELAY_MS);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  const query = useQuery({
    query: LiveGamePlayersDocument,
    variables: computed(() => ({ gameId: gameId.value, search: settled.value || null })),
    pause: computed(() => !active.value),
    requestPolicy: 'network-only',
  });

  return {
    players: computed<LiveHostPlayer[]>(() => query.data.value?.liveGamePlayers ?? []),
    /** The term the shown list was asked for ('' for everyone). */
    searched: computed(() => settled.value),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** What the host screens know about removing players, for the lists that offer it. */
export interface LiveRemoval {
  /** Players removed from this screen (the leaderboard keeps them until the next round). */
  removed: ReadonlySet<string>;
  /** The player being removed now. */
  removing: string | null;
  /** Why the last removal failed, and whose it was. */
  failed: { playerId: string; problem: Problem } | null;
}

/**
 * Removing players from a game (they cannot join it again). One removal at a time; the players
 * removed from this screen are remembered, since the standings already shown still list them.
 */
export function useLiveKick(gameId: Ref<string>) {
  const { client } = useClientHandle();
  const removed = shallowRef<ReadonlySet<string>>(new Set());
  const removing = ref<string | null>(null);
  const failed = shallowRef<LiveRemoval['failed']>(null);

  watch(gameId, () => {
    removed.value = new Set();
    failed.value = null;
  });

  async function kick(playerId: string): Promise<boolean> {
    if (removing.value) return false;
    removing.value = playerId;
    failed.value = null;
    try {
      const r = await client.mutation(LiveKickPlayerDocument, { gameId: gameId.value, playerId }).toPromise();
      if (r.data?.kickLivePlayer) {
        removed.value = new Set([...removed.value, playerId]);
        return true;
      }
      failed.value = { playerId, problem: toProblem(r.error) };
      return false;
    } finally {
      removing.value = null;
    }
  }

  return {
    removal: computed<LiveRemoval>(() => ({
      removed: removed.value,
      removing: removing.value,
      failed: failed.value,
    })),
    kick,
  };
}
