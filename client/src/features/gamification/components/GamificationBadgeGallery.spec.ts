import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Ref } from 'vue';
import { createAppI18n } from '@/app/i18n';
import type { BadgeProgress } from '../composables/useMyBadges';
import { testProgress } from '../gamification-test-data';
import GamificationBadgeGallery from './GamificationBadgeGallery.vue';

const server = vi.hoisted(() => ({ badges: null as null | Ref<BadgeProgress[]> }));
vi.mock('../composables/useMyBadges', async () => {
  const { ref, computed } = await import('vue');
  return {
    useBadgeProgress: () => {
      server.badges = ref<BadgeProgress[]>([]);
      return { badges: server.badges, loaded: computed(() => true), error: ref(undefined) };
    },
  };
});

const sprout = testProgress({ earned: true, conditions: [{ kind: 'COURSES_COMPLETED', have: 1, need: 1 }] });
const quizMaster = testProgress(
  {
    earned: false,
    conditions: [
      { kind: 'PERFECT_QUIZZES', have: 2, need: 3 },
      { kind: 'STREAK_WEEKS', have: 4, need: 4 },
    ],
  },
  {
    id: 'b-2',
    nameKo: '퀴즈 달인',
    nameEn: 'Quiz Master',
    criteria: JSON.stringify({
      all: [
        { kind: 'PERFECT_QUIZZES', count: 3 },
        { kind: 'STREAK_WEEKS', weeks: 4 },
      ],
    }),
    criteriaNarrativeKo: '퀴즈 3개 만점 통과 그리고 4주 연속 학습',
    criteriaNarrativeEn: 'Pass 3 quizzes with a perfect score and learn 4 weeks in a row',
  },
);
const team = testProgress({}, { id: 'b-3', nameKo: '함께 완주', team: true });

async function render(lang: 'ko' | 'en' = 'ko') {
  const wrapper = mount(GamificationBadgeGallery, { global: { plugins: [createAppI18n(lang)] } });
  server.badges!.value = [sprout, quizMaster, team];
  await wrapper.vm.$nextTick();
  return wrapper;
}
const names = (wrapper: Awaited<ReturnType<typeof render>>) => wrapper.findAll('h3').map((h) => h.text());

describe('GamificationBadgeGallery', () => {
  it('filters by earned and not yet, with counts on the tabs', async () => {
    const wrapper = await render();
    const tabs = wrapper.findAll('[role="tab"]');
    expect(tabs.map((t) => t.text())).toEqual(['전체 (3)', '획득 (1)', '미획득 (2)']);
    expect(names(wrapper)).toEqual(['청렴 새싹', '퀴즈 달인', '함께 완주']);

    await tabs[1].trigger('click');
    expect(tabs[1].attributes('aria-selected')).toBe('true');
    expect(names(wrapper)).toEqual(['청렴 새싹']);

    await tabs[2].trigger('click');
    expect(names(wrapper)).toEqual(['퀴즈 달인', '함께 완주']);
  });

  it('moves between filters with the arrow keys', async () => {
    const wrapper = await render();
    await wrapper.findAll('[role="tab"]')[0].trigger('keydown', { key: 'ArrowLeft' });
    expect(wrapper.findAll('[role="tab"]')[2].attributes('aria-selected')).toBe('true');
    expect(names(wrapper)).toEqual(['퀴즈 달인', '함께 완주']);
  });

  it('gives each condition of a badge not yet earned its own progress bar, in the viewer’s language', async () => {
    const wrapper = await render('en');
    const card = wrapper.findAll('article')[1];
    expect(card.text()).toContain('Pass 3 quizzes with a perfect score and learn 4 weeks in a row');
    const bars = card.findAll('[role="progressbar"]');
    expect(bars.map((b) => [b.attributes('aria-label'), b.attributes('aria-valuetext')])).toEqual([
      ['Pass 3 quizzes with a perfect score', '2 / 3'],
      ['Learn 4 weeks in a row', '4 / 4'],
    ]);
    expect(card.text()).toContain('Not yet');
  });

  it('marks earned badges and team badges', async () => {
    const wrapper = await render();
    const [earned, , teamCard] = wrapper.findAll('article');
    expect(earned.text()).toContain('획득');
    expect(earned.findAll('[role="progressbar"]')).toHaveLength(0);
    expect(teamCard.text()).toContain('팀 배지');
  });
});
