import { mount, type VueWrapper } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, ref } from 'vue';
import { createAppI18n } from '@/app/i18n';
import type { AdminXpRule } from '../composables/useBadgeAdminSettings';
import BadgeAdminXpRules from './BadgeAdminXpRules.vue';

const settings = vi.hoisted(() => ({ saveRule: vi.fn() }));
const rules: AdminXpRule[] = [
  {
    key: 'LESSON_COMPLETED',
    xp: 5,
    cooldownMinutes: 0,
    defaultXp: 5,
    defaultCooldownMinutes: 0,
    updatedAt: null,
  },
  {
    key: 'LIVE_GAME_FIRST',
    xp: 80,
    cooldownMinutes: 30,
    defaultXp: 50,
    defaultCooldownMinutes: 60,
    updatedAt: null,
  },
];
vi.mock('../composables/useBadgeAdminSettings', () => ({
  useBadgeAdminXpRules: () => ({
    rules: computed(() => rules),
    loaded: computed(() => true),
    fetching: ref(false),
    error: ref(undefined),
    saveRule: settings.saveRule,
  }),
}));

function render() {
  return mount(BadgeAdminXpRules, { global: { plugins: [createAppI18n('ko')] }, attachTo: document.body });
}
const input = (wrapper: VueWrapper, label: string) => {
  const labelEl = wrapper.findAll('label').find((l) => l.text() === label)!;
  return wrapper.get(`#${CSS.escape(labelEl.attributes('for')!)}`);
};
const button = (wrapper: VueWrapper, name: string) =>
  wrapper.findAll('button').find((b) => b.attributes('aria-label') === name)!;
const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('BadgeAdminXpRules', () => {
  beforeEach(() => settings.saveRule.mockReset());

  it('saves one row with the numbers typed and marks it saved', async () => {
    settings.saveRule.mockResolvedValue({ ok: true, data: { ...rules[0], xp: 7, cooldownMinutes: 15 } });
    const wrapper = render();
    await input(wrapper, '학습 단원 완료 XP').setValue('7');
    await input(wrapper, '학습 단원 완료 재획득 대기 (분)').setValue('15');
    expect(wrapper.text()).toContain('저장 안 됨');
    await button(wrapper, '‘학습 단원 완료’ 규칙 저장').trigger('click');
    await flush();
    expect(settings.saveRule).toHaveBeenCalledWith('LESSON_COMPLETED', 7, 15);
    expect(wrapper.text()).toContain('‘학습 단원 완료’ 규칙을 저장했습니다.');
    wrapper.unmount();
  });

  it('refuses a value out of range without sending it', async () => {
    const wrapper = render();
    await input(wrapper, '학습 단원 완료 XP').setValue('5000');
    await button(wrapper, '‘학습 단원 완료’ 규칙 저장').trigger('click');
    await flush();
    expect(settings.saveRule).not.toHaveBeenCalled();
    expect(input(wrapper, '학습 단원 완료 XP').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('0에서 1,000 사이의 정수를 입력하세요.');
    wrapper.unmount();
  });

  it('shows the defaults and puts them back in a row', async () => {
    const wrapper = render();
    expect(wrapper.text()).toContain('50 XP · 60분');
    expect(button(wrapper, '‘학습 단원 완료’ 규칙을 기본값으로').attributes('disabled')).toBeDefined();
    await button(wrapper, '‘라이브 게임 1위’ 규칙을 기본값으로').trigger('click');
    expect((input(wrapper, '라이브 게임 1위 XP').element as HTMLInputElement).value).toBe('50');
    expect((input(wrapper, '라이브 게임 1위 재획득 대기 (분)').element as HTMLInputElement).value).toBe('60');
    wrapper.unmount();
  });
});
