import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { createAppI18n } from '@/app/i18n';
import { emptyQuestionForm, type QuestionForm } from '../question-bank-form';
import QuizQuestionEditorOptions from './QuizQuestionEditorOptions.vue';

function render(type: QuestionForm['type'], errors: Record<string, string> = {}) {
  const form = reactive(emptyQuestionForm('cat', type));
  form.options.forEach((o, i) => (o.textKo = `보기 글 ${i + 1}`));
  const wrapper = mount(QuizQuestionEditorOptions, {
    props: { modelValue: form, errors },
    global: { plugins: [createAppI18n('ko')] },
    attachTo: document.body,
  });
  return { form, wrapper };
}

const correctBox = (wrapper: ReturnType<typeof render>['wrapper'], n: number) =>
  wrapper.get(`input[aria-label="보기 ${n} 정답"]`);

describe('QuizQuestionEditorOptions', () => {
  it('lets a single choice question have one correct option only', async () => {
    const { form, wrapper } = render('SINGLE_CHOICE');
    expect(correctBox(wrapper, 1).attributes('type')).toBe('radio');
    await correctBox(wrapper, 1).setValue(true);
    await correctBox(wrapper, 3).setValue(true);
    expect(form.options.map((o) => o.correct)).toEqual([false, false, true, false]);
  });

  it('lets a multiple choice question mark several, and asks how to score it', async () => {
    const { form, wrapper } = render('MULTIPLE_CHOICE');
    await correctBox(wrapper, 1).setValue(true);
    await correctBox(wrapper, 3).setValue(true);
    expect(form.options.map((o) => o.correct)).toEqual([true, false, true, false]);
    await wrapper.get('input[value="PARTIAL"]').setValue(true);
    expect(form.multipleScoring).toBe('PARTIAL');
  });

  it('moves, adds and removes options, but never below two', async () => {
    const { form, wrapper } = render('SINGLE_CHOICE');
    await wrapper.get('button[aria-label="보기 1 아래로"]').trigger('click');
    expect(form.options.map((o) => o.textKo)).toEqual(['보기 글 2', '보기 글 1', '보기 글 3', '보기 글 4']);
    await wrapper.get('button[aria-label="보기 4 삭제"]').trigger('click');
    await wrapper.get('button[aria-label="보기 3 삭제"]').trigger('click');
    expect(form.options).toHaveLength(2);
    expect(wrapper.get('button[aria-label="보기 2 삭제"]').attributes('disabled')).toBeDefined();
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '보기 추가')!
      .trigger('click');
    expect(form.options).toHaveLength(3);
  });

  it('shows problems at the list and at each text', () => {
    const { wrapper } = render('SINGLE_CHOICE', {
      options: '정답인 보기를 하나만 골라 주세요.',
      'options.1.textEn': '필수 항목입니다.',
    });
    expect(wrapper.get('[role="alert"]').text()).toBe('정답인 보기를 하나만 골라 주세요.');
    const english = wrapper.findAll('label').find((l) => l.text() === '보기 2 (영어)')!;
    const input = wrapper.get(`[id="${english.attributes('for')}"]`);
    expect(input.attributes('aria-invalid')).toBe('true');
  });
});
