import { ErrorCode } from '@palma/shared';
import { computed, onBeforeUnmount, ref, watch, watchEffect, type Ref } from 'vue';
import { setPlayerToken } from '@/app/graphql-client';
import { useSessionStore } from '@/features/auth/stores/session.store';
import { hasAnswered, playerScreen, roundResult } from '../live-player-view';
import { isTimed } from '../live-state';
import { forgetPlayerToken, readPlayerToken } from '../live-token';
import { useLiveAnswer } from './useLiveAnswer';
import { useLiveGame } from './useLiveGame';

/**
 * One player's game on their phone: the token kept on this device (a guest's socket signs in
 * with it), the game and the player's standing, sending answers, and which screen to show.
 */
export function useLivePlayer(gameId: Ref<string>) {
  const session = useSessionStore();
  const token = ref<string | null>(readPlayerToken(gameId.value));
  watch(gameId, (id) => (token.value = readPlayerToken(id)));

  // Guests have no session cookie: their socket authenticates with the token. Set before the
  // subscription starts (the socket reads it when it connects).
  watchEffect(() => setPlayerToken(session.me ? null : token.value));
  onBeforeUnmount(() => setPlayerToken(null));

  const game = useLiveGame(
    gameId,
    token,
    computed(() => !token.value),
  );
  const answers = useLiveAnswer(gameId, token);

  /** Whether the player was standing when each round began (Golden Bell news after the reveal). */
  const aliveAtStart = ref(new Map<number, boolean>());
  watch(
    () => [game.state.value?.round, isTimed(game.state.value), game.me.value?.alive] as const,
    ([round, timed, alive]) => {
      if (round === undefined || !timed || alive === undefined || aliveAtStart.value.has(round)) return;
      aliveAtStart.value = new Map(aliveAtStart.value).set(round, alive);
    },
    { immediate: true },
  );

  // A new round starts without the last one's refusal on screen.
  watch(
    () => game.state.value?.round,
    () => answers.clearProblem(),
  );

  // A token the server no longer takes is of no use on this device.
  watch(game.problem, (problem) => {
    if (problem?.code === ErrorCode.PLAYER_TOKEN_INVALID) forgetPlayerToken(gameId.value);
  });

  const answeredHere = computed(
    () => !!game.state.value && answers.receivedRound.value === game.state.value.round,
  );

  return {
    ...game,
    token,
    answers,
    screen: computed(() => playerScreen(game.state.value, game.me.value, answers.receivedRound.value)),
    answered: computed(
      () => !!game.state.value && hasAnswered(game.state.value, game.me.value, answers.receivedRound.value),
    ),
    result: computed(() => {
      const state = game.state.value;
      if (!state || state.phase !== 'REVEAL') return null;
      return roundResult(
        state,
        game.me.value,
        answeredHere.value || game.me.value?.answeredRound === state.round,
        aliveAtStart.value.get(state.round) ?? null,
      );
    }),
  };
}
