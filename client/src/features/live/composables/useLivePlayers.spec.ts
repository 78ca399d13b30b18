import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref, type Ref } from 'vue';
import { useLiveKick, useLivePlayerList } from './useLivePlayers';

const urql = vi.hoisted(() => ({
  mutation: vi.fn(),
  query: null as null | {
    variables: { value: { gameId: string; search: string | null } };
    pause: { value: boolean };
  },
  executeQuery: vi.fn(),
}));
vi.mock('@urql/vue', async () => {
  const { ref: vueRef } = await import('vue');
  return {
    useClientHandle: () => ({
      client: { mutation: (...args: unknown[]) => ({ toPromise: () => urql.mutation(...args) }) },
    }),
    useQuery: (args: typeof urql.query) => {
      urql.query = args;
      return {
        data: vueRef(undefined),
        fetching: vueRef(false),
        error: vueRef(undefined),
        executeQuery: urql.executeQuery,
      };
    },
  };
});

const mounted: { unmount(): void }[] = [];
function withSetup<T>(setup: () => T): T {
  let result!: T;
  mounted.push(
    mount(
      defineComponent({
        setup() {
          result = setup();
          return () => null;
        },
      }),
    ),
  );
  return result;
}

describe('useLivePlayerList', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    mounted.splice(0).forEach((m) => m.unmount());
    vi.useRealTimers();
  });

  it('asks only while the list is open, for the name typed once typing pauses', async () => {
    const search = ref('');
    const open = ref(false);
    withSetup(() => useLivePlayerList(ref('g-1'), search, open));
    expect(urql.query!.pause.value).toBe(true);
    open.value = true;
    expect(urql.query!.pause.value).toBe(false);
    expect(urql.query!.variables.value).toEqual({ gameId: 'g-1', search: null });

    search.value = ' 김민';
    await vi.advanceTimersByTimeAsync(100);
    expect(urql.query!.variables.value.search).toBeNull();
    await vi.advanceTimersByTimeAsync(200);
    expect(urql.query!.variables.value.search).toBe('김민');
  });
});

describe('useLiveKick', () => {
  afterEach(() => {
    mounted.splice(0).forEach((m) => m.unmount());
    urql.mutation.mockReset();
  });

  it('remembers whom it removed, one at a time', async () => {
    let resolve!: (value: unknown) => void;
    urql.mutation.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    const { removal, kick } = withSetup(() => useLiveKick(ref('g-1')));

    const first = kick('p-1');
    expect(removal.value.removing).toBe('p-1');
    // A second removal waits for the first.
    expect(await kick('p-2')).toBe(false);
    resolve({ data: { kickLivePlayer: true } });
    expect(await first).toBe(true);

    expect(urql.mutation).toHaveBeenCalledTimes(1);
    expect(urql.mutation.mock.calls[0][1]).toEqual({ gameId: 'g-1', playerId: 'p-1' });
    expect([...removal.value.removed]).toEqual(['p-1']);
    expect(removal.value.removing).toBeNull();
  });

  it('keeps why a removal failed, for that player', async () => {
    urql.mutation.mockResolvedValueOnce({ data: undefined, error: new Error('offline') });
    const { removal, kick } = withSetup(() => useLiveKick(ref('g-1')));
    expect(await kick('p-1')).toBe(false);
    expect(removal.value.removed.size).toBe(0);
    expect(removal.value.failed?.playerId).toBe('p-1');
  });

  it('forgets the removals of another game', async () => {
    urql.mutation.mockResolvedValueOnce({ data: { kickLivePlayer: true } });
    const gameId: Ref<string> = ref('g-1');
    const { removal, kick } = withSetup(() => useLiveKick(gameId));
    await kick('p-1');
    gameId.value = 'g-2';
    await Promise.resolve();
    expect(removal.value.removed.size).toBe(0);
  });
});
