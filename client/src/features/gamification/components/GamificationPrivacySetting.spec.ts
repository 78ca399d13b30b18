import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import GamificationPrivacySetting from './GamificationPrivacySetting.vue';

const server = vi.hoisted(() => ({ setLeaderboardOptOut: vi.fn() }));
vi.mock('../composables/useMyGamification', async () => {
  const { ref } = await import('vue');
  return {
    useMyGamification: () => ({
      profile: ref({ leaderboardOptOut: false }),
      savingOptOut: ref(false),
      setLeaderboardOptOut: server.setLeaderboardOptOut,
    }),
  };
});

const render = () => mount(GamificationPrivacySetting, { global: { plugins: [createAppI18n('ko')] } });

describe('GamificationPrivacySetting', () => {
  beforeEach(() => server.setLeaderboardOptOut.mockReset());

  it('saves the choice at once and confirms it', async () => {
    server.setLeaderboardOptOut.mockResolvedValue({ ok: true, data: true });
    const wrapper = render();
    const box = wrapper.get('input[type="checkbox"]');
    expect(wrapper.get('label').text()).toBe('리더보드에서 내 이름 숨기기');
    await box.setValue(true);
    await flushPromises();
    expect(server.setLeaderboardOptOut).toHaveBeenCalledWith(true);
    expect((box.element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.get('[role="status"]').text()).toContain('내 이름이 보이지 않습니다');
  });

  it('shows what is really stored when saving fails', async () => {
    server.setLeaderboardOptOut.mockResolvedValue({
      ok: false,
      problem: { code: 'NETWORK', serverMessage: '', details: {} },
    });
    const wrapper = render();
    const box = wrapper.get('input[type="checkbox"]');
    await box.setValue(true);
    await flushPromises();
    expect((box.element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.find('[role="alert"]').exists()).toBe(true);
  });
});
