import { useSubscription } from '@urql/vue';
import { computed, onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue';
import { LiveGameUpdatesDocument } from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import { reconnectSocket } from '@/app/graphql-client';
import {
  answerCount,
  clockOffsetMs,
  EMPTY_SNAPSHOT,
  isTimed,
  mergeLiveUpdate,
  remainingMs,
  type LiveSnapshot,
  type LiveState,
  type LiveUpdate,
} from '../live-state';

/** How often a running countdown redraws. */
const TICK_MS = 200;
/** A page hidden this long may have lost its connection without noticing. */
const HIDDEN_RECONNECT_MS = 5_000;

/** The websocket closed with 4403: the server took neither a session nor the player token. */
function refusedSocket(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 4403;
}

/**
 * A game as it happens, for every screen: the liveGame subscription (with a player token, also the
 * player's own standing) merged by version, answer counts during a round, and the countdown on the
 * server's clock. Mutations that return a state hand it to `applyState`. After a reconnect the
 * server sends the whole state again, so nothing else needs restoring.
 */
export function useLiveGame(
  gameId: Ref<string>,
  playerToken: Ref<string | null> = ref(null),
  paused: Ref<boolean> = ref(false),
) {
  const snapshot = shallowRef<LiveSnapshot>(EMPTY_SNAPSHOT);
  const now = ref(Date.now());

  function apply(update: LiveUpdate) {
    const at = Date.now();
    snapshot.value = mergeLiveUpdate(snapshot.value, update, at);
    now.value = at;
  }

  watch(gameId, () => (snapshot.value = EMPTY_SNAPSHOT));

  const subscription = useSubscription(
    {
      query: LiveGameUpdatesDocument,
      variables: computed(() => ({ gameId: gameId.value, playerToken: playerToken.value })),
      pause: computed(() => !gameId.value || paused.value),
    },
    (_previous, data) => {
      apply(data.liveGame);
      return data;
    },
  );

  // The countdown moves only while a round's clock runs.
  let ticker: ReturnType<typeof setInterval> | undefined;
  watch(
    () => isTimed(snapshot.value.state),
    (timed) => {
      clearInterval(ticker);
      ticker = timed ? setInterval(() => (now.value = Date.now()), TICK_MS) : undefined;
    },
    { immediate: true },
  );

  // A phone back from its lock screen or on a new network: connect again rather than trust a
  // socket that may have died quietly (the subscription then starts with the current state).
  let hiddenAt = 0;
  function onVisibility() {
    if (document.hidden) hiddenAt = Date.now();
    else if (hiddenAt && Date.now() - hiddenAt > HIDDEN_RECONNECT_MS) reconnectSocket();
  }
  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', reconnectSocket);
  });
  onBeforeUnmount(() => {
    clearInterval(ticker);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', reconnectSocket);
  });

  const problem = computed<Problem | null>(() => {
    const error = subscription.error.value;
    if (!error) return null;
    if (refusedSocket(error.networkError))
      return { code: 'PLAYER_TOKEN_INVALID', serverMessage: error.message, details: {} };
    return toProblem(error);
  });

  return {
    state: computed(() => snapshot.value.state),
    progress: computed(() => snapshot.value.progress),
    me: computed(() => snapshot.value.me),
    remainingMs: computed(() => remainingMs(snapshot.value.state, now.value, clockOffsetMs(snapshot.value))),
    answers: computed(() => answerCount(snapshot.value)),
    problem,
    /** Subscribes again after the subscription gave up (it retries a lost connection by itself). */
    reconnect: () => subscription.executeSubscription(),
    applyState: (state: LiveState) => apply({ state }),
  };
}

export type LiveGame = ReturnType<typeof useLiveGame>;
