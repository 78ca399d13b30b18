import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { createAppI18n } from '@/app/i18n';
import { emptyQuestionForm } from '../question-bank-form';
import QuizQuestionEditorShortAnswer from './QuizQuestionEditorShortAnswer.vue';

function render() {
  const form = reactive(emptyQuestionForm('cat', 'SHORT_ANSWER'));
  form.acceptedAnswers[0].value = '청탁금지법';
  form.acceptedPatterns.push({ key: 'p1', value: '김영란\\s*법' });
  const wrapper = mount(QuizQuestionEditorShortAnswer, {
    props: { modelValue: form, errors: {} },
    global: { plugins: [createAppI18n('ko')] },
    attachTo: document.body,
  });
  const tester = wrapper.findAll('label').find((l) => l.text() === '답 시험해 보기')!;
  return { form, wrapper, tester: wrapper.get(`[id="${tester.attributes('for')}"]`) };
}

describe('QuizQuestionEditorShortAnswer', () => {
  it('tells the author whether a typed answer would be accepted, and by what', async () => {
    const { wrapper, tester } = render();
    await tester.setValue('청탁 금지법!');
    expect(wrapper.get('.qe-tester__result').text()).toContain('정답으로 인정됩니다. (일치: 정답 1)');
    expect(wrapper.get('.qe-tester__result').text()).toContain('청탁금지법');
    await tester.setValue('김영란 법');
    expect(wrapper.get('.qe-tester__result').text()).toContain('(일치: 정규식 1)');
    await tester.setValue('부정청탁법');
    expect(wrapper.get('.qe-tester__result').text()).toContain('정답으로 인정되지 않습니다.');
  });

  it('follows the answers as they are edited', async () => {
    const { form, wrapper, tester } = render();
    await tester.setValue('부정청탁법');
    form.acceptedAnswers[0].value = '부정 청탁법';
    await wrapper.vm.$nextTick();
    expect(wrapper.get('.qe-tester__result').text()).toContain('(일치: 정답 1)');
  });

  it('keeps at least one answer or pattern', async () => {
    const { form, wrapper } = render();
    await wrapper.get('button[aria-label="정규식 1 삭제"]').trigger('click');
    expect(form.acceptedPatterns).toHaveLength(0);
    expect(wrapper.get('button[aria-label="정답 1 삭제"]').attributes('disabled')).toBeDefined();
  });
});
