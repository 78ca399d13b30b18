import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';

import { createAppI18n } from '@/app/i18n';
import type { LiveRemoval } from '../composables/useLivePlayers';
import type { LiveHostPlayer } from '../live-players';
import LivePlayersDialog from './LivePlayersDialog.vue';

const list = vi.hoisted(() => ({ players: null as null | { value: LiveHostPlayer[] }, refresh: vi.fn() }));
vi.mock('../composables/useLivePlayers', async () => {
  const { ref: vueRef, computed } = await import('vue');
  return {
    useLivePlayerList: (_gameId: unknown, search: { value: string }) => {
      list.players = vueRef<LiveHostPlayer[]>([]);
      return {
        players: list.players,
        searched: computed(() => search.value.trim()),
        loaded: vueRef(true),
        fetching: vueRef(false),
        error: vueRef(undefined),
        refresh: list.refresh,
      };
    },
  };
});

const player = (id: string, nickname: string, over: Partial<LiveHostPlayer> = {}): LiveHostPlayer => ({
  id,
  nickname,
  team: '감사실',
  guest: false,
  score: 500,
  rank: 2,
  alive: true,
  kicked: false,
  joinedAt: '2025-05-01T10:00:00.000Z',
  ...over,
});
const removal = (over: Partial<LiveRemoval> = {}): LiveRemoval => ({
  removed: new Set(),
  removing: null,
  failed: null,
  ...over,
});

function render(players: LiveHostPlayer[], over: Partial<LiveRemoval> = {}) {
  const wrapper = mount(LivePlayersDialog, {
    props: { open: true, gameId: 'g-1', mode: 'CLASSIC', removal: removal(over) },
    global: { plugins: [createAppI18n('ko')] },
  });
  list.players!.value = players;
  return wrapper;
}
const items = (wrapper: ReturnType<typeof render>) => wrapper.findAll('li').map((li) => li.text());

describe('LivePlayersDialog', () => {
  it('lists players still playing before those removed, guests tagged', async () => {
    const wrapper = render([
      player('p-3', '손님1', { guest: true, rank: null, score: 0 }),
      player('p-2', '김민수'),
      player('p-1', '악플러', { kicked: true }),
    ]);
    await wrapper.vm.$nextTick();
    const shown = items(wrapper);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toContain('손님1 게스트');
    expect(shown[1]).toContain('김민수');
    expect(shown[1]).toContain('2위');
    expect(shown[2]).toContain('내보냄');
    expect(wrapper.find('button[aria-label="악플러 내보내기"]').exists()).toBe(false);
  });

  it('asks before removing, then sends the player’s id', async () => {
    const wrapper = render([player('p-2', '김민수')]);
    await wrapper.vm.$nextTick();
    await wrapper.get('button[aria-label="김민수 내보내기"]').trigger('click');
    const confirm = wrapper.get('[role="group"][aria-label="김민수 내보내기 확인"]');
    expect(wrapper.emitted('remove')).toBeUndefined();
    await confirm
      .findAll('button')
      .find((b) => b.text() === '내보내기')!
      .trigger('click');
    expect(wrapper.emitted('remove')).toEqual([['p-2']]);
  });

  it('after a removal marks the player removed, says so and reads the list again', async () => {
    const wrapper = render([player('p-2', '김민수'), player('p-1', '이영희')]);
    await wrapper.vm.$nextTick();
    await wrapper.get('button[aria-label="김민수 내보내기"]').trigger('click');
    list.refresh.mockClear();

    await wrapper.setProps({ removal: removal({ removed: new Set(['p-2']) }) });
    expect(items(wrapper)[0]).toContain('이영희');
    expect(items(wrapper)[1]).toContain('내보냄');
    expect(wrapper.get('[role="status"]').text()).toBe('김민수 님을 내보냈습니다.');
    expect(list.refresh).toHaveBeenCalledTimes(1);
  });

  it('says when nobody has joined, and when no name matches', async () => {
    const wrapper = render([]);
    await wrapper.vm.$nextTick();
    expect(wrapper.text()).toContain('아직 참가자가 없습니다.');
    await wrapper.get('input[type="search"]').setValue('홍길동');
    expect(wrapper.text()).toContain('‘홍길동’이(가) 들어간 이름이 없습니다.');
  });

  it('shows teams in a team battle', async () => {
    const wrapper = render([player('p-2', '김민수')]);
    await wrapper.setProps({ mode: 'TEAM_BATTLE' });
    expect(items(wrapper)[0]).toContain('감사실');
    await wrapper.setProps({ mode: 'CLASSIC' });
    expect(items(wrapper)[0]).not.toContain('감사실');
  });
});
