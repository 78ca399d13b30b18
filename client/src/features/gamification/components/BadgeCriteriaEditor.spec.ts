import type { CriteriaNode } from '@palma/shared';
import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '@/app/i18n';
import type { CriteriaChoices } from '../badge-criteria';
import BadgeCriteriaEditor from './BadgeCriteriaEditor.vue';

const COURSE = '00000000-0000-4000-8000-00000000c001';
const choices: CriteriaChoices = {
  courses: [{ id: COURSE, label: '청렴 기본 과정' }],
  campaigns: [],
  badges: [],
};

/** Mounts the builder with a working v-model; `tree()` is what the page would hold now. */
function render(initial: CriteriaNode) {
  let current = initial;
  const wrapper: VueWrapper = mount(BadgeCriteriaEditor, {
    props: {
      modelValue: initial,
      choices,
      'onUpdate:modelValue': async (value: CriteriaNode) => {
        current = value;
        await wrapper.setProps({ modelValue: value });
      },
    },
    global: { plugins: [createAppI18n('ko')] },
    attachTo: document.body,
  });
  return { wrapper, tree: () => current };
}
const button = (wrapper: VueWrapper, name: string) => {
  const found = wrapper.findAll('button').find((b) => (b.attributes('aria-label') ?? b.text()) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
/** The control labelled `label` inside the fieldset whose legend is `legend`. */
const control = (wrapper: VueWrapper, legend: string, label: string) => {
  const fieldset = wrapper.findAll('fieldset').find((f) => f.find('legend').text() === legend);
  if (!fieldset) throw new Error(`no fieldset ${legend}`);
  const labelEl = fieldset.findAll('label').find((l) => l.text() === label);
  if (!labelEl) throw new Error(`no field ${label} in ${legend}`);
  return fieldset.get(`#${CSS.escape(labelEl.attributes('for') ?? '')}`);
};

describe('BadgeCriteriaEditor', () => {
  it('adds conditions and groups into the tree, and removes them again', async () => {
    const { wrapper, tree } = render({ all: [{ kind: 'COURSES_COMPLETED', count: 1 }] });

    await button(wrapper, '전체 조건에 조건 추가').trigger('click');
    expect(tree()).toEqual({
      all: [
        { kind: 'COURSES_COMPLETED', count: 1 },
        { kind: 'COURSES_COMPLETED', count: 1 },
      ],
    });

    await button(wrapper, '전체 조건에 묶음 추가').trigger('click');
    // A group inside "all of" starts as "any of", with one condition.
    expect(tree()).toEqual({
      all: [
        { kind: 'COURSES_COMPLETED', count: 1 },
        { kind: 'COURSES_COMPLETED', count: 1 },
        { any: [{ kind: 'COURSES_COMPLETED', count: 1 }] },
      ],
    });

    await button(wrapper, '조건 묶음 3에 조건 추가').trigger('click');
    await control(wrapper, '조건 3-2', '조건 종류').setValue('PLEDGES_SIGNED');
    expect(tree()).toEqual({
      all: [
        { kind: 'COURSES_COMPLETED', count: 1 },
        { kind: 'COURSES_COMPLETED', count: 1 },
        {
          any: [
            { kind: 'COURSES_COMPLETED', count: 1 },
            { kind: 'PLEDGES_SIGNED', count: 1 },
          ],
        },
      ],
    });
    expect(wrapper.text()).toContain(
      '과정 1개 이수 그리고 과정 1개 이수 그리고 (과정 1개 이수 또는 청렴 서약 1회 서명)',
    );

    await button(wrapper, '조건 1 삭제').trigger('click');
    await button(wrapper, '조건 묶음 2 삭제').trigger('click');
    expect(tree()).toEqual({ all: [{ kind: 'COURSES_COMPLETED', count: 1 }] });
    // The last condition of the root stays: there is nothing to remove it with.
    expect(wrapper.findAll('button').some((b) => b.attributes('aria-label') === '조건 1 삭제')).toBe(false);
    wrapper.unmount();
  });

  it('switches a group between all and any', async () => {
    const { wrapper, tree } = render({
      all: [
        { kind: 'PLEDGES_SIGNED', count: 1 },
        { kind: 'STREAK_WEEKS', weeks: 4 },
      ],
    });
    const any = wrapper.findAll('input[type="radio"]').find((r) => r.attributes('value') === 'any')!;
    await any.setValue(true);
    expect(tree()).toEqual({
      any: [
        { kind: 'PLEDGES_SIGNED', count: 1 },
        { kind: 'STREAK_WEEKS', weeks: 4 },
      ],
    });
    wrapper.unmount();
  });

  it('resets the fields when the kind changes and asks for what the new kind needs', async () => {
    const { wrapper, tree } = render({
      all: [{ kind: 'COURSES_COMPLETED', count: 7, category: 'PERSONNEL' }],
    });
    await control(wrapper, '조건 1', '조건 종류').setValue('COURSE_COMPLETED');
    expect(tree()).toEqual({ all: [{ kind: 'COURSE_COMPLETED', courseId: '' }] });
    expect(wrapper.text()).toContain('과정을 고르세요.');

    await control(wrapper, '조건 1', '과정').setValue(COURSE);
    expect(tree()).toEqual({ all: [{ kind: 'COURSE_COMPLETED', courseId: COURSE }] });
    expect(wrapper.text()).not.toContain('과정을 고르세요.');
    expect(wrapper.text()).toContain("'청렴 기본 과정' 과정 이수");
    wrapper.unmount();
  });

  it('shows a count out of range beside the field and no sentence until it is fixed', async () => {
    const { wrapper, tree } = render({ all: [{ kind: 'PERFECT_QUIZZES', count: 2 }] });
    const count = control(wrapper, '조건 1', '만점 받은 퀴즈 수 (1~1,000)');
    await count.setValue('0');
    expect(tree()).toEqual({ all: [{ kind: 'PERFECT_QUIZZES', count: 0 }] });
    expect(count.attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('1에서 1,000 사이의 정수를 입력하세요.');
    expect(wrapper.text()).toContain('받는 조건에 고칠 곳이 1개 있습니다.');
    expect(wrapper.text()).not.toContain('퀴즈 0개 만점 통과');

    await count.setValue('');
    expect(wrapper.text()).toContain('1에서 1,000 사이의 정수를 입력하세요.');

    await count.setValue('3');
    expect(count.attributes('aria-invalid')).toBeUndefined();
    expect(wrapper.text()).toContain('퀴즈 3개 만점 통과');
    wrapper.unmount();
  });

  it('does not offer a group below the deepest level', async () => {
    const { wrapper } = render({ all: [{ any: [{ all: [{ kind: 'PLEDGES_SIGNED', count: 1 }] }] }] });
    expect(button(wrapper, '전체 조건에 묶음 추가').attributes('disabled')).toBeUndefined();
    expect(button(wrapper, '조건 묶음 1에 묶음 추가').attributes('disabled')).toBeUndefined();
    expect(button(wrapper, '조건 묶음 1-1에 묶음 추가').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('묶음은 3단계까지 겹칠 수 있습니다.');
    wrapper.unmount();
  });

  it('wraps a single root condition in a group when another is added', async () => {
    const { wrapper, tree } = render({ kind: 'GOLDEN_BELL_RUNG', count: 1 });
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '+ 조건 추가')!
      .trigger('click');
    expect(tree()).toEqual({
      all: [
        { kind: 'GOLDEN_BELL_RUNG', count: 1 },
        { kind: 'COURSES_COMPLETED', count: 1 },
      ],
    });
    wrapper.unmount();
  });
});
