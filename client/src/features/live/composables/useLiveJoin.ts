import { useClientHandle, useMutation } from '@urql/vue';
import { ref } from 'vue';
import {
  LiveGameByPinDocument,
  LiveJoinDocument,
  type LiveGameByPinQuery,
  type LiveJoinMutation,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';
import { savePlayerToken } from '../live-token';

export type LiveLookup = LiveGameByPinQuery['liveGameByPin'];
export type LiveJoined = LiveJoinMutation['joinLiveGame'];

/** Finding a game by its PIN and joining it; the player token is kept on this device. */
export function useLiveJoin() {
  const { client } = useClientHandle();
  const join = useMutation(LiveJoinDocument);
  const looking = ref(false);

  async function find(pin: string): Promise<MutationOutcome<LiveLookup>> {
    looking.value = true;
    try {
      const r = await client
        .query(LiveGameByPinDocument, { pin }, { requestPolicy: 'network-only' })
        .toPromise();
      return r.data ? { ok: true, data: r.data.liveGameByPin } : { ok: false, problem: toProblem(r.error) };
    } finally {
      looking.value = false;
    }
  }

  async function joinGame(
    pin: string,
    nickname: string | null,
    team: string | null,
  ): Promise<MutationOutcome<LiveJoined>> {
    const r = await join.executeMutation({ pin, nickname, team });
    if (!r.data) return { ok: false, problem: toProblem(r.error) as Problem };
    const joined = r.data.joinLiveGame;
    savePlayerToken(joined.gameId, joined.playerToken);
    return { ok: true, data: joined };
  }

  return { find, looking, joinGame, joining: join.fetching };
}
