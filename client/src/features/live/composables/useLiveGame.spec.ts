import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref, type Ref } from 'vue';
import { liveMe, liveState } from '../live-test-data';
import { useLiveGame, type LiveGame } from './useLiveGame';

const urql = vi.hoisted(() => ({
  args: null as null | { variables: { value: unknown }; pause: { value: boolean } },
  handler: null as null | ((previous: unknown, data: unknown) => unknown),
  error: null as null | Ref<unknown>,
}));
vi.mock('@urql/vue', async () => {
  const { ref: vueRef } = await import('vue');
  return {
    useSubscription: (args: typeof urql.args, handler: typeof urql.handler) => {
      urql.args = args;
      urql.handler = handler;
      urql.error = vueRef(undefined);
      return { error: urql.error, executeSubscription: vi.fn() };
    },
  };
});
const reconnectSocket = vi.hoisted(() => vi.fn());
vi.mock('@/app/graphql-client', () => ({ reconnectSocket }));

const mounted: { unmount(): void }[] = [];

function withGame(gameId = ref('g-1'), token: Ref<string | null> = ref('LP1.a.b')) {
  let game!: LiveGame;
  const wrapper = mount(
    defineComponent({
      setup() {
        game = useLiveGame(gameId, token);
        return () => null;
      },
    }),
  );
  mounted.push(wrapper);
  const push = (update: object) => urql.handler?.(undefined, { liveGame: update });
  return { game, push };
}

describe('useLiveGame', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    for (const wrapper of mounted.splice(0)) wrapper.unmount();
    vi.useRealTimers();
  });

  it('follows the game with the player’s token and keeps the newest state', () => {
    const { game, push } = withGame();
    expect(urql.args?.variables.value).toEqual({ gameId: 'g-1', playerToken: 'LP1.a.b' });
    push({ state: liveState({ version: 5, phase: 'OPEN', round: 0 }), me: liveMe({ score: 10 }) });
    push({ state: liveState({ version: 4, phase: 'LEAD_IN', round: 0 }) });
    push({ progress: { round: 0, answered: 7, playerCount: 9 } });
    expect(game.state.value?.phase).toBe('OPEN');
    expect(game.me.value?.score).toBe(10);
    expect(game.answers.value).toEqual({ answered: 7, of: 9 });
  });

  it('counts down on the server’s clock, whatever this device’s clock says', async () => {
    const { game, push } = withGame();
    // The server is 2 s ahead of this device; the round ends at 1 012 000 by its clock.
    push({ state: liveState({ version: 2, phase: 'OPEN', serverNow: 1_002_000, phaseEndsAt: 1_012_000 }) });
    expect(game.remainingMs.value).toBe(10_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(game.remainingMs.value).toBe(9_000);
    push({ state: liveState({ version: 3, phase: 'PAUSED', pausedRemainingMs: 8_500 }) });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(game.remainingMs.value).toBe(8_500);
  });

  it('takes a state a host command returned', () => {
    const { game } = withGame();
    game.applyState(liveState({ version: 9, phase: 'REVEAL' }));
    expect(game.state.value?.phase).toBe('REVEAL');
  });

  it('says "join again" when the server refused the socket (no valid token)', async () => {
    const { game } = withGame();
    urql.error!.value = {
      networkError: { code: 4403, reason: 'Forbidden' },
      graphQLErrors: [],
      message: 'x',
    };
    expect(game.problem.value?.code).toBe('PLAYER_TOKEN_INVALID');
  });

  it('connects again when a phone comes back after a while', async () => {
    withGame();
    reconnectSocket.mockReset();
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(6_000);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(reconnectSocket).toHaveBeenCalledTimes(1);
  });
});
