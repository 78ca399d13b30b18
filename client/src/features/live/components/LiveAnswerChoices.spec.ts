import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { LiveQuestion } from '../live-state';
import LiveAnswerChoices from './LiveAnswerChoices.vue';

const question = (over: Partial<LiveQuestion> = {}): LiveQuestion => ({
  round: 0,
  kind: 'QUESTION',
  type: 'SINGLE_CHOICE',
  promptKo: '질문',
  promptEn: 'Question',
  timeLimitSeconds: 20,
  leadInSeconds: 0,
  revival: false,
  choices: [
    { id: 'a', textKo: '가', textEn: 'A' },
    { id: 'b', textKo: '나', textEn: 'B' },
    { id: 'c', textKo: '다', textEn: 'C' },
  ],
  ...over,
});
const render = (q: LiveQuestion) =>
  mount(LiveAnswerChoices, { props: { question: q }, global: { plugins: [createAppI18n('ko')] } });

describe('LiveAnswerChoices', () => {
  it('labels every button with a letter as well as a colour, and sends a single choice on the tap', async () => {
    const wrapper = render(question());
    const buttons = wrapper.findAll('button.live-choice');
    expect(buttons.map((b) => b.text())).toEqual(['A가', 'B나', 'C다']);
    expect(buttons[0].classes()).toContain('live-tone--red');
    await buttons[1].trigger('click');
    expect(wrapper.emitted('answer')).toEqual([[{ optionIds: ['b'] }]]);
  });

  it('toggles multiple choices and sends them in display order', async () => {
    const wrapper = render(question({ type: 'MULTIPLE_CHOICE' }));
    const buttons = wrapper.findAll('button.live-choice');
    await buttons[2].trigger('click');
    await buttons[0].trigger('click');
    await buttons[1].trigger('click');
    await buttons[1].trigger('click');
    expect(buttons[0].attributes('aria-pressed')).toBe('true');
    expect(buttons[1].attributes('aria-pressed')).toBe('false');
    expect(wrapper.emitted('answer')).toBeUndefined();
    await wrapper.get('button.live-choices__send').trigger('click');
    expect(wrapper.emitted('answer')).toEqual([[{ optionIds: ['a', 'c'] }]]);
  });

  it('answers O/X with a boolean', async () => {
    const wrapper = render(question({ type: 'TRUE_FALSE', choices: [] }));
    const buttons = wrapper.findAll('button.live-choice');
    expect(buttons.map((b) => b.text())).toEqual(['O맞다', 'X아니다']);
    await buttons[1].trigger('click');
    expect(wrapper.emitted('answer')).toEqual([[{ booleanValue: false }]]);
  });
});
