import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { LiveRemoval } from '../composables/useLivePlayers';
import { liveStanding, liveState } from '../live-test-data';
import LiveLeaderboard from './LiveLeaderboard.vue';
import LivePodium from './LivePodium.vue';

const state = liveState({
  phase: 'REVEAL',
  round: 0,
  leaderboard: [
    liveStanding({ id: 'p-1', rank: 1, nickname: '김민수', guest: true, score: 900 }),
    liveStanding({ id: 'p-2', rank: 2, nickname: '이영희', guest: false, score: 700 }),
  ],
});
const removal = (over: Partial<LiveRemoval> = {}): LiveRemoval => ({
  removed: new Set(),
  removing: null,
  failed: null,
  ...over,
});
const render = (props: { removal?: LiveRemoval }) =>
  mount(LiveLeaderboard, {
    props: { state, ...props },
    global: { plugins: [createAppI18n('ko')] },
  });
const rows = (wrapper: ReturnType<typeof render>) => wrapper.findAll('li').map((li) => li.text());

describe('LiveLeaderboard', () => {
  it('tags guests, so a guest using a colleague’s name cannot pass as them', () => {
    const wrapper = render({});
    expect(rows(wrapper)[0]).toContain('김민수 게스트');
    expect(rows(wrapper)[1]).not.toContain('게스트');
  });

  it('offers no removal where the audience only watches', () => {
    expect(render({}).findAll('button')).toHaveLength(0);
  });

  it('asks before removing a player, then sends the player’s id', async () => {
    const wrapper = render({ removal: removal() });
    await wrapper.get('button[aria-label="김민수 내보내기"]').trigger('click');
    const confirm = wrapper.get('[role="group"][aria-label="김민수 내보내기 확인"]');
    expect(confirm.text()).toContain('다시 들어올 수 없습니다');
    expect(wrapper.emitted('remove')).toBeUndefined();

    await confirm
      .findAll('button')
      .find((b) => b.text() === '내보내기')!
      .trigger('click');
    expect(wrapper.emitted('remove')).toEqual([['p-1']]);
  });

  it('shows the reason a removal failed in the question', async () => {
    const wrapper = render({
      removal: removal({
        failed: { playerId: 'p-1', problem: { code: 'FORBIDDEN', serverMessage: '', details: {} } },
      }),
    });
    await wrapper.get('button[aria-label="김민수 내보내기"]').trigger('click');
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });

  it('marks a removed player as such and offers nothing more for them', () => {
    const wrapper = render({ removal: removal({ removed: new Set(['p-1']) }) });
    expect(rows(wrapper)[0]).toContain('내보냄');
    expect(wrapper.find('button[aria-label="김민수 내보내기"]').exists()).toBe(false);
    expect(wrapper.find('button[aria-label="이영희 내보내기"]').exists()).toBe(true);
  });
});

describe('LivePodium', () => {
  it('tags guests on the steps', () => {
    const wrapper = mount(LivePodium, {
      props: { state: { ...state, phase: 'FINISHED' } },
      global: { plugins: [createAppI18n('en')] },
    });
    const steps = wrapper.findAll('.live-podium__step').map((s) => s.text());
    expect(steps[0]).toContain('김민수 Guest');
    expect(steps[1]).not.toContain('Guest');
  });
});
