import { mount } from '@vue/test-utils';
import type { CombinedError } from '@urql/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { computed, ref } from 'vue';
import { toProblem } from '@/app/errors';
import { createAppI18n } from '@/app/i18n';
import QuizLessonPicker from './QuizLessonPicker.vue';

const attach = vi.hoisted(() => ({ attachQuiz: vi.fn() }));
vi.mock('../composables/useQuizLessonAttach', () => ({
  useQuizLessonAttach: () => ({ ...attach, attaching: ref(false) }),
}));
const quiz = (id: string, titleKo: string, questionCount: number) => ({
  id,
  titleKo,
  titleEn: titleKo,
  passPercent: 60,
  timeLimitSeconds: null,
  maxAttempts: null,
  questionCount,
  lessonCount: 0,
  updatedAt: '2026-05-01T00:00:00Z',
});
vi.mock('../composables/useQuizList', () => ({
  useQuizList: () => ({
    quizzes: computed(() => [quiz('quiz-a', '청탁금지법 기본', 5), quiz('quiz-b', '빈 퀴즈', 0)]),
    loaded: computed(() => true),
    error: ref(null),
  }),
}));

function render(quizId: string | null) {
  return mount(QuizLessonPicker, {
    props: { lessonId: 'lesson-1', quizId },
    global: { plugins: [createAppI18n('ko')], stubs: { RouterLink: { template: '<a><slot /></a>' } } },
    attachTo: document.body,
  });
}

describe('QuizLessonPicker', () => {
  beforeEach(() => attach.attachQuiz.mockReset());

  it('says publishing needs a quiz and offers only quizzes with questions', () => {
    const wrapper = render(null);
    expect(wrapper.text()).toContain('퀴즈를 연결해야 이 과정을 게시할 수 있습니다');
    const options = wrapper.findAll('option');
    expect(options.map((o) => [o.text(), o.attributes('disabled') !== undefined])).toEqual([
      ['퀴즈를 고르세요', true],
      ['청탁금지법 기본 (5문항)', false],
      ['빈 퀴즈 (문항 없음)', true],
    ]);
    wrapper.unmount();
  });

  it('attaches the chosen quiz to the lesson', async () => {
    attach.attachQuiz.mockResolvedValue({ ok: true });
    const wrapper = render(null);
    await wrapper.get('select').setValue('quiz-a');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '연결')!
      .trigger('click');
    expect(attach.attachQuiz).toHaveBeenCalledWith('lesson-1', 'quiz-a');
    await vi.waitFor(() => expect(wrapper.text()).toContain('‘청탁금지법 기본’ 퀴즈를 연결했습니다.'));
    wrapper.unmount();
  });

  it('shows the attached quiz, and the server’s refusal in words', async () => {
    const error = {
      graphQLErrors: [{ message: 'x', extensions: { code: 'COURSE_NOT_DRAFT' } }],
      networkError: undefined,
    };
    attach.attachQuiz.mockResolvedValue({ ok: false, problem: toProblem(error as unknown as CombinedError) });
    const wrapper = render('quiz-a');
    expect(wrapper.text()).toContain('5문항 · 통과 기준 60%');
    await wrapper
      .findAll('button')
      .find((b) => b.text() === '연결 해제')!
      .trigger('click');
    expect(attach.attachQuiz).toHaveBeenCalledWith('lesson-1', null);
    await vi.waitFor(() =>
      expect(wrapper.get('[role="alert"]').text()).toContain('게시된 과정은 바로 고칠 수 없습니다'),
    );
    wrapper.unmount();
  });
});
