import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ref } from 'vue';
import { createAppI18n } from '@/app/i18n';
import type { BadgeAward } from '../gamification-display';
import { testAward } from '../gamification-test-data';
import GamificationCelebration from './GamificationCelebration.vue';

const server = vi.hoisted(() => ({
  awards: null as null | Ref<BadgeAward[]>,
  refresh: vi.fn(),
  celebrateBadges: vi.fn(),
  onNotification: null as
    null | ((previous: unknown, data: { notificationAdded: { kind: string } }) => unknown),
  push: vi.fn(),
}));
vi.mock('../composables/useMyBadges', async () => {
  const { ref } = await import('vue');
  return {
    useMyBadges: () => {
      server.awards = ref<BadgeAward[]>([]);
      return { awards: server.awards, refresh: server.refresh };
    },
    useCelebrateBadges: () => ({ celebrateBadges: server.celebrateBadges }),
  };
});
vi.mock('@urql/vue', () => ({
  useSubscription: (_args: unknown, handler: typeof server.onNotification) => {
    server.onNotification = handler;
  },
}));
vi.mock('vue-router', () => ({ useRouter: () => ({ push: server.push }) }));

async function render(awards: BadgeAward[], active = true) {
  const wrapper = mount(GamificationCelebration, {
    props: { active },
    attachTo: document.body,
    global: { plugins: [createAppI18n('ko')] },
  });
  server.awards!.value = awards;
  await flushPromises();
  return wrapper;
}
const button = (wrapper: Awaited<ReturnType<typeof render>>, text: string) =>
  wrapper.findAll('button').find((b) => b.text() === text)!;

describe('GamificationCelebration', () => {
  beforeEach(() => {
    server.celebrateBadges.mockReset().mockResolvedValue(true);
    server.refresh.mockReset();
    server.push.mockReset();
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('celebrates new awards only, in an accessible modal dialog with the focus inside', async () => {
    const wrapper = await render([
      testAward({ id: 'aw-new' }, { nameKo: '청렴 새싹' }),
      testAward({ id: 'aw-old', celebratedAt: '2026-03-01T00:00:00Z' }, { nameKo: '골든벨' }),
      testAward({ id: 'aw-revoked', revokedAt: '2026-03-02T00:00:00Z' }, { nameKo: '취소된 배지' }),
    ]);
    const dialog = wrapper.get('dialog');
    expect(dialog.attributes('role')).toBe('dialog');
    expect(dialog.attributes('aria-modal')).toBe('true');
    expect((dialog.element as HTMLDialogElement).open).toBe(true);
    expect(dialog.text()).toContain('배지를 획득했습니다!');
    expect(dialog.text()).toContain('청렴 새싹');
    expect(dialog.text()).not.toContain('골든벨');
    expect(dialog.text()).not.toContain('취소된 배지');
    expect(dialog.element.contains(document.activeElement)).toBe(true);
  });

  it('marks the awards celebrated once when closed with OK, and then shows nothing', async () => {
    const wrapper = await render([
      testAward({ id: 'aw-1' }),
      testAward({ id: 'aw-2' }, { nameKo: '골든벨' }),
    ]);
    expect(wrapper.get('dialog').text()).toContain('배지 2개를 획득했습니다!');
    await button(wrapper, '확인').trigger('click');
    await button(wrapper, '확인')?.trigger('click');
    await flushPromises();
    expect(server.celebrateBadges).toHaveBeenCalledTimes(1);
    expect(server.celebrateBadges).toHaveBeenCalledWith(['aw-1', 'aw-2']);
    expect((wrapper.get('dialog').element as HTMLDialogElement).open).toBe(false);
    expect(wrapper.get('dialog').text()).toBe('');

    // The refetched list (still without celebratedAt, say) does not bring it back.
    server.awards!.value = [testAward({ id: 'aw-1' }), testAward({ id: 'aw-2' })];
    await flushPromises();
    expect(wrapper.get('dialog').text()).toBe('');
  });

  it('closes with Escape the same way', async () => {
    const wrapper = await render([testAward({ id: 'aw-1' })]);
    await wrapper.get('dialog').trigger('keydown', { key: 'Escape' });
    await wrapper.get('dialog').trigger('cancel');
    await flushPromises();
    expect(server.celebrateBadges).toHaveBeenCalledTimes(1);
    expect(server.celebrateBadges).toHaveBeenCalledWith(['aw-1']);
  });

  it('“View my badges” celebrates, then goes to the profile', async () => {
    const wrapper = await render([testAward({ id: 'aw-1' })]);
    await button(wrapper, '내 배지 보기').trigger('click');
    await flushPromises();
    expect(server.celebrateBadges).toHaveBeenCalledWith(['aw-1']);
    expect(server.push).toHaveBeenCalledWith({ name: 'profile' });
  });

  it('asks for the badges again when a BADGE_EARNED notification arrives, and only then', async () => {
    await render([]);
    server.onNotification!(undefined, { notificationAdded: { kind: 'EVENT_REMINDER' } });
    expect(server.refresh).not.toHaveBeenCalled();
    server.onNotification!(undefined, { notificationAdded: { kind: 'BADGE_EARNED' } });
    expect(server.refresh).toHaveBeenCalledTimes(1);
  });

  it('waits while inactive (e.g. during a live game)', async () => {
    const wrapper = await render([testAward({ id: 'aw-1' })], false);
    expect((wrapper.get('dialog').element as HTMLDialogElement).open).toBe(false);
    await wrapper.setProps({ active: true });
    await flushPromises();
    expect((wrapper.get('dialog').element as HTMLDialogElement).open).toBe(true);
    expect(server.celebrateBadges).not.toHaveBeenCalled();
  });
});
