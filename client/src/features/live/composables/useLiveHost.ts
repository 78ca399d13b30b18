import { useClientHandle, useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import {
  LiveEndDocument,
  LiveHostedGameDocument,
  LiveNextRoundDocument,
  LivePauseDocument,
  LiveResumeDocument,
  LiveSetJoiningDocument,
  LiveSkipRoundDocument,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import type { LiveState } from '../live-state';
import { useLiveGame } from './useLiveGame';

export type HostCommand = 'next' | 'revival' | 'skip' | 'pause' | 'resume' | 'end' | 'joining';

/**
 * Running a game (the big screen and the host's phone): the game as it is now — loaded, then
 * followed by the subscription — and the host's commands. Every command returns the new state,
 * shown at once; `fromRound`/`round` make a repeated click harmless.
 */
export function useLiveHost(gameId: Ref<string>) {
  const { client } = useClientHandle();
  const game = useLiveGame(gameId);

  const query = useQuery({
    query: LiveHostedGameDocument,
    variables: computed(() => ({ id: gameId.value })),
    requestPolicy: 'network-only',
  });
  watch(
    () => query.data.value?.hostedLiveGame,
    (state) => {
      if (state) game.applyState(state);
    },
    { immediate: true },
  );

  const busy = ref<HostCommand | null>(null);
  const problem = ref<Problem | null>(null);

  async function run(
    command: HostCommand,
    send: () => Promise<{ state: LiveState | undefined; error: unknown }>,
  ): Promise<boolean> {
    if (busy.value) return false;
    busy.value = command;
    problem.value = null;
    try {
      const { state, error } = await send();
      if (state) {
        game.applyState(state);
        return true;
      }
      problem.value = toProblem(error);
      return false;
    } finally {
      busy.value = null;
    }
  }

  const id = () => gameId.value;
  const commands = {
    next: (fromRound: number, revival = false) =>
      run(revival ? 'revival' : 'next', async () => {
        const r = await client
          .mutation(LiveNextRoundDocument, { gameId: id(), fromRound, revival })
          .toPromise();
        return { state: r.data?.nextLiveRound, error: r.error };
      }),
    skip: (round: number) =>
      run('skip', async () => {
        const r = await client.mutation(LiveSkipRoundDocument, { gameId: id(), round }).toPromise();
        return { state: r.data?.skipLiveRound, error: r.error };
      }),
    pause: () =>
      run('pause', async () => {
        const r = await client.mutation(LivePauseDocument, { gameId: id() }).toPromise();
        return { state: r.data?.pauseLiveGame, error: r.error };
      }),
    resume: () =>
      run('resume', async () => {
        const r = await client.mutation(LiveResumeDocument, { gameId: id() }).toPromise();
        return { state: r.data?.resumeLiveGame, error: r.error };
      }),
    end: () =>
      run('end', async () => {
        const r = await client.mutation(LiveEndDocument, { gameId: id() }).toPromise();
        return { state: r.data?.endLiveGame, error: r.error };
      }),
    setJoining: (open: boolean) =>
      run('joining', async () => {
        const r = await client.mutation(LiveSetJoiningDocument, { gameId: id(), open }).toPromise();
        return { state: r.data?.setLiveJoining, error: r.error };
      }),
  };

  return {
    ...game,
    loadProblem: computed<Problem | null>(() => (query.error.value ? toProblem(query.error.value) : null)),
    busy,
    commandProblem: problem,
    clearCommandProblem: () => (problem.value = null),
    ...commands,
  };
}

export type LiveHost = ReturnType<typeof useLiveHost>;
