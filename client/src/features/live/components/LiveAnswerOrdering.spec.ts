import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import LiveAnswerOrdering from './LiveAnswerOrdering.vue';

describe('LiveAnswerOrdering', () => {
  it('reorders with the up and down buttons and sends the player’s order', async () => {
    const wrapper = mount(LiveAnswerOrdering, {
      props: {
        question: {
          round: 1,
          kind: 'QUESTION',
          type: 'ORDERING',
          promptKo: '순서대로',
          promptEn: 'In order',
          timeLimitSeconds: 30,
          leadInSeconds: 0,
          revival: false,
          choices: [
            { id: 'x', textKo: '청탁금지법', textEn: 'Anti-Graft Act' },
            { id: 'y', textKo: '행동강령', textEn: 'Code of conduct' },
          ],
        },
      },
      global: { plugins: [createAppI18n('ko')] },
      attachTo: document.body,
    });
    expect(wrapper.get('button[aria-label="청탁금지법 위로"]').attributes('disabled')).toBeDefined();
    await wrapper.get('button[aria-label="행동강령 위로"]').trigger('click');
    expect(wrapper.findAll('.live-order__text').map((t) => t.text())).toEqual(['행동강령', '청탁금지법']);
    expect(wrapper.text()).toContain('행동강령: 1번째');
    await wrapper.get('button.live-order__send').trigger('click');
    expect(wrapper.emitted('answer')).toEqual([[{ itemIds: ['y', 'x'] }]]);
    wrapper.unmount();
  });
});
