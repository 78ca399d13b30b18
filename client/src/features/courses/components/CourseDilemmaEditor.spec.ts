import { mount, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { reactive } from 'vue';
import { createAppI18n } from '@/app/i18n';
import { addNode, emptyDilemma, type DilemmaDraft } from '../dilemma-draft';
import CourseDilemmaEditor from './CourseDilemmaEditor.vue';

function render(draft: DilemmaDraft, props: Record<string, unknown> = {}, locale: 'ko' | 'en' = 'ko') {
  return mount(CourseDilemmaEditor, {
    props: { modelValue: draft, ...props },
    global: { plugins: [createAppI18n(locale)] },
    attachTo: document.body,
  });
}

/** The control a label names (the n-th one when several share the label). */
function control(wrapper: VueWrapper, label: string, n = 0) {
  const labels = wrapper.findAll('label').filter((l) => l.text().replace(/\s*\*$/, '') === label);
  const id = labels[n]?.attributes('for');
  if (!id) throw new Error(`no control labelled "${label}" #${n}`);
  return wrapper.get(`[id="${id}"]`);
}

const check = (wrapper: VueWrapper) => wrapper.get('[role="status"]');

/** Opening scene n1 whose only choice ends the scenario, plus a second scene n2 nobody leads to. */
function twoScenes(): DilemmaDraft {
  const draft = reactive(emptyDilemma());
  Object.assign(draft.nodes[0], { textKo: '업체가 선물을 보냈다', textEn: 'A supplier sends a gift' });
  addNode(draft);
  return draft;
}

describe('CourseDilemmaEditor', () => {
  it('shows live that a scene cannot be reached, and clears it once a choice leads there', async () => {
    const draft = twoScenes();
    const wrapper = render(draft);

    expect(check(wrapper).text()).toContain('상황극 구조 문제 1건');
    expect(check(wrapper).text()).toContain('장면 2: 시작 장면에서 이 장면으로 이어지는 선택지가 없습니다.');

    const next = control(wrapper, '다음 장면', 0);
    const options = next.findAll('option').map((o) => o.text());
    expect(options).toEqual(['장면 1: 업체가 선물을 보냈다', '장면 2', '끝 (ending)']);
    await next.setValue('n2');

    expect(draft.nodes[0].choices[0].next).toBe('n2');
    expect(check(wrapper).text()).toBe('상황극 구조에 문제가 없습니다.');
    wrapper.unmount();
  });

  it('points at choices whose scene was removed instead of silently ending them', async () => {
    const draft = twoScenes();
    draft.nodes[0].choices[0].next = 'n2';
    const wrapper = render(draft, {}, 'en');
    expect(check(wrapper).text()).toBe("The scenario's structure is fine.");

    await wrapper.get('button[aria-label="Remove scene: Scene 2"]').trigger('click');

    expect(draft.nodes.map((n) => n.id)).toEqual(['n1']);
    expect(draft.nodes[0].choices[0].next).toBe('n2');
    expect(check(wrapper).text()).toContain(
      'Scene 1, Choice 1: the scene it led to was deleted. Choose another scene or End.',
    );
    const next = control(wrapper, 'Next scene');
    expect((next.element as HTMLSelectElement).value).toBe('n2');
    expect(next.get('option[value="n2"]').text()).toBe('Deleted scene (choose again)');
    wrapper.unmount();
  });

  it('ends the scenario with "End" and shows field problems and the server’s structural ones', async () => {
    const draft = twoScenes();
    const wrapper = render(draft, {
      errors: { 'nodes.1.textKo': '필수 항목입니다.' },
      serverProblems: ['no ending can be reached from the start'],
    });
    const situation = control(wrapper, '상황 (한국어)', 1);
    expect(situation.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`[id="${situation.attributes('id')}-error"]`).text()).toBe('필수 항목입니다.');
    expect(check(wrapper).text()).toContain('시작 장면에서 끝에 닿을 수 없습니다.');

    await control(wrapper, '다음 장면', 0).setValue('');
    expect(draft.nodes[0].choices[0].next).toBeNull();
    wrapper.unmount();
  });
});
