import { mount, type VueWrapper } from '@vue/test-utils';
import type { CombinedError } from '@urql/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { toProblem } from '@/app/errors';
import { createAppI18n } from '@/app/i18n';
import type { BuilderSlot } from '../composables/useQuizBuilder';
import QuizBuilderSlots from './QuizBuilderSlots.vue';

// The editor talks to the server only through the builder's mutations: replace them.
const mutations = vi.hoisted(() => ({ setQuizSlots: vi.fn() }));
vi.mock('../composables/useQuizBuilder', () => ({
  useQuizMutations: () => ({ ...mutations, savingSlots: ref(false) }),
}));
// The bank search dialog runs its own query; it is not under test here.
vi.mock('./QuizBuilderQuestionSearch.vue', () => ({ default: { render: () => null } }));

const fixed = (id: string, prompt: string, points: number): BuilderSlot => ({
  id: `slot-${id}`,
  position: 0,
  questionId: id,
  question: {
    id,
    promptKo: prompt,
    promptEn: prompt,
    type: 'SINGLE_CHOICE',
    difficulty: 'MEDIUM',
    points,
    categoryId: 'cat-gifts',
    archived: false,
  },
  categoryId: null,
  drawCount: 1,
  difficulty: null,
  includeSubcategories: true,
  availableCount: 1,
});
const draw: BuilderSlot = {
  id: 'slot-draw',
  position: 0,
  questionId: null,
  question: null,
  categoryId: 'cat-law',
  drawCount: 3,
  difficulty: null,
  includeSubcategories: true,
  availableCount: 3,
};
const categories = [
  {
    id: 'cat-law',
    name: '청탁금지법',
    path: '청탁금지법',
    depth: 0,
    ancestorIds: ['cat-law'],
    totalCount: 3,
  },
  {
    id: 'cat-gifts',
    name: '금품등 수수',
    path: '청탁금지법 › 금품등 수수',
    depth: 1,
    ancestorIds: ['cat-law', 'cat-gifts'],
    totalCount: 2,
  },
];

function render(saved: BuilderSlot[]) {
  return mount(QuizBuilderSlots, {
    props: { quizId: 'quiz-1', saved, categories },
    global: { plugins: [createAppI18n('ko')], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
    attachTo: document.body,
  });
}

const rows = (wrapper: VueWrapper) =>
  wrapper.findAll('li').map((li) => li.find('.quiz-slots__prompt').text());
const button = (wrapper: VueWrapper, label: string) => {
  const found = wrapper.findAll('button').find((b) => b.attributes('aria-label') === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
};

describe('QuizBuilderSlots', () => {
  beforeEach(() => mutations.setQuizSlots.mockReset());

  it('shows the questions per attempt, the known maximum score and a draw that lacks questions', () => {
    const wrapper = render([fixed('q1', '음식물 가액 기준은?', 2), draw]);
    expect(wrapper.text()).toContain('4문항');
    expect(wrapper.text()).toContain('고정 문항 2점 + 무작위 3문항');
    // Three questions match, but the fixed one cannot be drawn again: two left for three places.
    expect(wrapper.text()).toContain('2개 중 무작위 3개');
    expect(wrapper.text()).toContain('조건에 맞는 문항이 2개뿐이라 3개를 뽑을 수 없습니다');
    wrapper.unmount();
  });

  it('saves the whole list in the new order when a question moves up', async () => {
    const moved = [fixed('q2', '축의금 기준은?', 1), fixed('q1', '음식물 가액 기준은?', 2)];
    mutations.setQuizSlots.mockResolvedValue({ ok: true, data: { slots: moved } });
    const wrapper = render([fixed('q1', '음식물 가액 기준은?', 2), fixed('q2', '축의금 기준은?', 1)]);

    await button(wrapper, '위로: 2번').trigger('click');
    await vi.waitFor(() => expect(mutations.setQuizSlots).toHaveBeenCalledOnce());
    expect(mutations.setQuizSlots).toHaveBeenCalledWith('quiz-1', [
      { questionId: 'q2' },
      { questionId: 'q1' },
    ]);
    expect(rows(wrapper)).toEqual(['축의금 기준은?', '음식물 가액 기준은?']);
    await vi.waitFor(() =>
      expect(wrapper.find('[role="status"]').text()).toBe('2번 문항을 1번으로 옮겼습니다.'),
    );
    wrapper.unmount();
  });

  it('puts the list back and says why when the server refuses', async () => {
    const error = {
      graphQLErrors: [{ message: 'Quiz not found', extensions: { code: 'NOT_FOUND' } }],
      networkError: undefined,
    };
    mutations.setQuizSlots.mockResolvedValue({
      ok: false,
      problem: toProblem(error as unknown as CombinedError),
    });
    const wrapper = render([fixed('q1', '음식물 가액 기준은?', 2), fixed('q2', '축의금 기준은?', 1)]);

    await button(wrapper, '빼기: 1번').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true));
    expect(rows(wrapper)).toEqual(['음식물 가액 기준은?', '축의금 기준은?']);
    wrapper.unmount();
  });
});
