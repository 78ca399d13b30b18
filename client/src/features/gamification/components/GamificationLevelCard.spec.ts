import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import GamificationLevelCard from './GamificationLevelCard.vue';

const render = (
  profile: { level: number; xp: number; levelStartXp: number; nextLevelXp: number | null },
  lang: 'ko' | 'en' = 'ko',
) => mount(GamificationLevelCard, { props: { profile }, global: { plugins: [createAppI18n(lang)] } });

describe('GamificationLevelCard', () => {
  it('says how much XP is left to the next level, from the server’s numbers', () => {
    const wrapper = render({ level: 4, xp: 1_320, levelStartXp: 1_300, nextLevelXp: 1_500 });
    expect(wrapper.text()).toContain('레벨 5까지 180 XP 남았습니다');
    expect(wrapper.text()).toContain('누적 1,320 XP');
    const bar = wrapper.get('[role="progressbar"]');
    expect(bar.attributes('aria-valuenow')).toBe('20');
    expect(bar.attributes('aria-valuemax')).toBe('200');
    expect(bar.attributes('aria-valuetext')).toBe('20 / 200 XP');
  });

  it('reads in English too', () => {
    expect(render({ level: 1, xp: 10, levelStartXp: 0, nextLevelXp: 50 }, 'en').text()).toContain(
      '40 XP to level 2',
    );
  });

  it('shows a full bar and no target at the top level', () => {
    const wrapper = render({ level: 99, xp: 250_000, levelStartXp: 242_550, nextLevelXp: null });
    expect(wrapper.text()).toContain('최고 레벨에 도달했습니다');
    expect(wrapper.text()).not.toContain('까지');
  });
});
