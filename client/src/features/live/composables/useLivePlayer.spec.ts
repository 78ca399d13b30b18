import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, nextTick, ref, type Ref } from 'vue';
import type { LiveQuestion } from '../live-state';
import { liveMe, liveState } from '../live-test-data';
import { playerTokenKey, savePlayerToken } from '../live-token';
import { useLivePlayer } from './useLivePlayer';

const urql = vi.hoisted(() => ({
  handler: null as null | ((previous: unknown, data: unknown) => unknown),
  error: null as null | Ref<unknown>,
}));
vi.mock('@urql/vue', async () => {
  const { ref: vueRef } = await import('vue');
  return {
    useSubscription: (_args: unknown, handler: typeof urql.handler) => {
      urql.handler = handler;
      urql.error = vueRef(undefined);
      return { error: urql.error, executeSubscription: vi.fn() };
    },
    useMutation: () => ({ executeMutation: vi.fn(), fetching: vueRef(false) }),
  };
});
const socket = vi.hoisted(() => ({ setPlayerToken: vi.fn(), reconnectSocket: vi.fn() }));
vi.mock('@/app/graphql-client', () => socket);
// Only whether someone is signed in matters here.
const session = vi.hoisted(() => ({ me: null as null | object }));
vi.mock('@/features/auth/stores/session.store', () => ({ useSessionStore: () => session }));

const question: LiveQuestion = {
  round: 2,
  kind: 'QUESTION',
  type: 'TRUE_FALSE',
  promptKo: '질문',
  promptEn: 'Question',
  timeLimitSeconds: 20,
  leadInSeconds: 0,
  revival: true,
  choices: [],
};
const mounted: { unmount(): void }[] = [];

function withPlayer(gameId = 'g-1') {
  let player!: ReturnType<typeof useLivePlayer>;
  mounted.push(
    mount(
      defineComponent({
        setup() {
          player = useLivePlayer(ref(gameId));
          return () => null;
        },
      }),
    ),
  );
  const push = (update: object) => urql.handler?.(undefined, { liveGame: update });
  return { player, push };
}

describe('useLivePlayer', () => {
  beforeEach(() => {
    session.me = null;
    localStorage.clear();
    socket.setPlayerToken.mockReset();
  });
  afterEach(() => {
    for (const m of mounted.splice(0)) m.unmount();
  });

  it('signs a guest’s socket in with the token kept on this device', () => {
    savePlayerToken('g-1', 'LP1.guest.token');
    const { player } = withPlayer();
    expect(player.token.value).toBe('LP1.guest.token');
    expect(socket.setPlayerToken).toHaveBeenLastCalledWith('LP1.guest.token');
  });

  it('leaves a signed-in person’s socket on the session cookie', () => {
    session.me = { person: { name: '김민수' } };
    savePlayerToken('g-1', 'LP1.person.token');
    withPlayer();
    expect(socket.setPlayerToken).toHaveBeenLastCalledWith(null);
  });

  it('forgets a token the server no longer takes', async () => {
    savePlayerToken('g-1', 'LP1.old.token');
    withPlayer();
    urql.error!.value = {
      graphQLErrors: [{ message: 'x', extensions: { code: 'PLAYER_TOKEN_INVALID' } }],
      networkError: undefined,
    };
    await nextTick();
    expect(localStorage.getItem(playerTokenKey('g-1'))).toBeNull();
  });

  it('tells a player who was out and got the revival round right that they are back', async () => {
    savePlayerToken('g-1', 'LP1.t.t');
    const { player, push } = withPlayer();
    push({
      state: liveState({ version: 5, mode: 'GOLDEN_BELL', phase: 'OPEN', round: 2, question }),
      me: liveMe({ alive: false }),
    });
    await nextTick();
    expect(player.screen.value).toBe('open');
    push({
      state: liveState({ version: 6, mode: 'GOLDEN_BELL', phase: 'REVEAL', round: 2, question }),
      me: liveMe({
        alive: true,
        last: { round: 2, answered: true, correct: true, points: 800, forHonour: false },
      }),
    });
    await nextTick();
    expect(player.result.value).toMatchObject({ verdict: 'correct', bell: 'revived' });
  });
});
