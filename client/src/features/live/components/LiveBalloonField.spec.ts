import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { LiveQuestion } from '../live-state';
import LiveBalloonField from './LiveBalloonField.vue';

const question: LiveQuestion = {
  round: 4,
  kind: 'BALLOON',
  type: null,
  promptKo: '부패 풍선을 터뜨리세요!',
  promptEn: 'Pop the corrupt balloons!',
  timeLimitSeconds: 30,
  leadInSeconds: 0,
  revival: false,
  choices: [
    { id: 'gift', textKo: '업체에서 받은 상품권', textEn: 'A gift card from a contractor' },
    { id: 'report', textKo: '부패 행위 신고하기', textEn: 'Reporting corruption' },
    { id: 'golf', textKo: '민원인과 접대 골프', textEn: 'Golf paid for by a petitioner' },
  ],
};
const render = (remainingMs = 20_000) =>
  mount(LiveBalloonField, { props: { question, remainingMs }, global: { plugins: [createAppI18n('ko')] } });

describe('LiveBalloonField', () => {
  it('pops balloons on this phone and sends them once with "done"', async () => {
    const wrapper = render();
    const balloons = wrapper.findAll('button.live-balloon');
    await balloons[0].trigger('click');
    await balloons[2].trigger('click');
    await balloons[0].trigger('click');
    expect(balloons[0].attributes('aria-pressed')).toBe('true');
    expect(wrapper.text()).toContain('터뜨린 풍선 2개');
    await wrapper.get('button.live-balloons__done').trigger('click');
    await wrapper.get('button.live-balloons__done').trigger('click');
    expect(wrapper.emitted('answer')).toEqual([[{ poppedIds: ['gift', 'golf'] }]]);
  });

  it('sends the pops by itself when time runs out, and only once', async () => {
    const wrapper = render();
    await wrapper.findAll('button.live-balloon')[1].trigger('click');
    await wrapper.setProps({ remainingMs: 300 });
    await wrapper.setProps({ remainingMs: 0 });
    expect(wrapper.emitted('answer')).toEqual([[{ poppedIds: ['report'] }]]);
  });

  it('sends nothing by itself for a player who popped nothing', async () => {
    const wrapper = render();
    await wrapper.setProps({ remainingMs: 0 });
    expect(wrapper.emitted('answer')).toBeUndefined();
  });
});
