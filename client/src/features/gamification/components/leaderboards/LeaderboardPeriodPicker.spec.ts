import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { createAppI18n } from '@/app/i18n';
import type { BoardPeriod } from '../../gamification-display';
import LeaderboardPeriodPicker from './LeaderboardPeriodPicker.vue';

function render(campaigns: { id: string; name: string }[]) {
  const period = ref<BoardPeriod>('MONTH');
  const campaignId = ref<string | null>(null);
  const Host = defineComponent(
    () => () =>
      h(LeaderboardPeriodPicker, {
        campaigns,
        period: period.value,
        'onUpdate:period': (v: BoardPeriod) => (period.value = v),
        campaignId: campaignId.value,
        'onUpdate:campaignId': (v: string | null) => (campaignId.value = v),
      }),
  );
  const wrapper = mount(Host, { global: { plugins: [createAppI18n('ko')] } });
  return { wrapper, period, campaignId };
}

describe('LeaderboardPeriodPicker', () => {
  it('offers no campaign board to someone without a campaign, and says why', () => {
    const { wrapper } = render([]);
    const radios = wrapper.findAll('input[type="radio"]');
    expect(radios.map((r) => (r.element as HTMLInputElement).disabled)).toEqual([false, true, false]);
    expect(wrapper.text()).toContain('배정된 의무 교육이 없어');
    expect(wrapper.find('select').exists()).toBe(false);
  });

  it('picks the first campaign when the campaign period is chosen, and lets the viewer change it', async () => {
    const { wrapper, period, campaignId } = render([
      { id: 'c-1', name: '2026 상반기 청렴교육' },
      { id: 'c-2', name: '2026 하반기 청렴교육' },
    ]);
    await wrapper.findAll('input[type="radio"]')[1].setValue();
    expect(period.value).toBe('CAMPAIGN');
    expect(campaignId.value).toBe('c-1');
    const select = wrapper.get('select');
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      '2026 상반기 청렴교육',
      '2026 하반기 청렴교육',
    ]);
    await select.setValue('c-2');
    expect(campaignId.value).toBe('c-2');
  });
});
