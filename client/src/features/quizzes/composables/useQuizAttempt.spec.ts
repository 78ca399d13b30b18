import { mount } from '@vue/test-utils';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import type { Problem } from '@/app/errors';
import { SAVE_DELAY_MS, useQuizAttempt, type PlayerAttempt, type QuizAttemptSession } from './useQuizAttempt';

// The composable talks to the server only through urql's mutations: answer them here, by name.
const server = vi.hoisted(() => ({
  SaveQuizAnswer: vi.fn(),
  CheckQuizAnswer: vi.fn(),
  SubmitQuizAttempt: vi.fn(),
}));
vi.mock('@urql/vue', () => ({
  useMutation: (document: DocumentNode) => {
    const name = (document.definitions[0] as OperationDefinitionNode).name!.value as keyof typeof server;
    return { executeMutation: (variables: unknown) => server[name](variables), fetching: ref(false) };
  },
  useClientHandle: () => ({ client: {} }),
}));

const ok = (data: unknown) => Promise.resolve({ data });
const failure = (code: string) =>
  Promise.resolve({
    data: undefined,
    error: { graphQLErrors: [{ message: code, extensions: { code } }], networkError: undefined },
  });
const saved = (id: string) => ok({ saveQuizAnswer: { id, checked: false, answer: null } });

function question(
  id: string,
  type: PlayerAttempt['questions'][number]['type'],
): PlayerAttempt['questions'][number] {
  return {
    id,
    position: 1,
    type,
    promptKo: '문항',
    promptEn: 'Question',
    imageUrl: null,
    points: 1,
    checked: false,
    options: [],
    orderingItems: [],
    matchPrompts: [],
    matchChoices: [],
    answer: null,
    review: null,
  };
}

const attempt: PlayerAttempt = {
  id: 'att-1',
  quizId: 'quiz-1',
  number: 1,
  status: 'IN_PROGRESS',
  startedAt: '2026-05-01T00:00:00Z',
  deadlineAt: null,
  finishedAt: null,
  score: null,
  maxScore: 2,
  percent: null,
  passed: null,
  serverNow: '2026-05-01T00:00:00Z',
  reviewAvailable: false,
  questions: [question('q-choice', 'SINGLE_CHOICE'), question('q-text', 'SHORT_ANSWER')],
};

function take(onClosed: (problem: Problem) => void = () => {}) {
  let session!: QuizAttemptSession;
  const wrapper = mount(
    defineComponent({
      setup() {
        session = useQuizAttempt(attempt, onClosed);
        return () => null;
      },
    }),
  );
  return { session, wrapper };
}

/** Lets queued promise callbacks run (the saves chain on each other). */
const settle = () => vi.advanceTimersByTimeAsync(0);
const savedInputs = () => server.SaveQuizAnswer.mock.calls.map((c) => (c[0] as { input: unknown }).input);

beforeEach(() => {
  vi.useFakeTimers();
  server.SaveQuizAnswer.mockImplementation(({ input }: { input: { attemptQuestionId: string } }) =>
    saved(input.attemptQuestionId),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('useQuizAttempt', () => {
  it('saves a choice at once, with only the field of its type', async () => {
    const { session, wrapper } = take();
    session.setAnswer('q-choice', { optionIds: ['o2'] });
    await settle();

    expect(savedInputs()).toEqual([
      {
        attemptId: 'att-1',
        attemptQuestionId: 'q-choice',
        optionIds: ['o2'],
        booleanValue: null,
        itemIds: null,
        matches: null,
        text: null,
        numberValue: null,
      },
    ]);
    expect(session.status.value).toBe('saved');
    expect(session.answeredIds.value.has('q-choice')).toBe(true);
    wrapper.unmount();
  });

  it('saves typing once it settles, with the last text', async () => {
    const { session, wrapper } = take();
    session.setAnswer('q-text', { text: '청' });
    session.setAnswer('q-text', { text: '청탁' });
    expect(session.status.value).toBe('pending');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    session.setAnswer('q-text', { text: '청탁금지법' });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 1);
    expect(server.SaveQuizAnswer).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1);
    expect(savedInputs()).toEqual([
      expect.objectContaining({ attemptQuestionId: 'q-text', text: '청탁금지법' }),
    ]);
    expect(session.status.value).toBe('saved');
    wrapper.unmount();
  });

  it('sends one save per question at a time, the newest answer last', async () => {
    let answerFirst!: () => void;
    server.SaveQuizAnswer.mockImplementationOnce(
      () => new Promise((resolve) => (answerFirst = () => resolve({ data: { saveQuizAnswer: {} } }))),
    );
    const { session, wrapper } = take();
    session.setAnswer('q-choice', { optionIds: ['o1'] });
    expect(session.status.value).toBe('pending');
    await settle();
    expect(session.status.value).toBe('saving');
    // Two more clicks while the first save is on its way: only the last one needs saving.
    session.setAnswer('q-choice', { optionIds: ['o2'] });
    session.setAnswer('q-choice', { optionIds: ['o3'] });
    await settle();
    expect(server.SaveQuizAnswer).toHaveBeenCalledTimes(1);

    answerFirst();
    await settle();
    expect(savedInputs().map((i) => (i as { optionIds: string[] }).optionIds)).toEqual([['o1'], ['o3']]);
    expect(session.status.value).toBe('saved');
    wrapper.unmount();
  });

  it('says when a save failed and tries it again on request', async () => {
    server.SaveQuizAnswer.mockImplementationOnce(() => failure('NETWORK'));
    const { session, wrapper } = take();
    session.setAnswer('q-choice', { optionIds: ['o1'] });
    await settle();
    expect(session.status.value).toBe('failed');

    session.retry();
    await settle();
    expect(server.SaveQuizAnswer).toHaveBeenCalledTimes(2);
    expect(session.status.value).toBe('saved');
    wrapper.unmount();
  });

  it('reports an attempt the server closed (time up) and stops saving', async () => {
    server.SaveQuizAnswer.mockImplementationOnce(() => failure('ATTEMPT_EXPIRED'));
    const onClosed = vi.fn();
    const { session, wrapper } = take(onClosed);
    session.setAnswer('q-choice', { optionIds: ['o1'] });
    await settle();
    expect(onClosed).toHaveBeenCalledWith(expect.objectContaining({ code: 'ATTEMPT_EXPIRED' }));

    session.setAnswer('q-choice', { optionIds: ['o2'] });
    await settle();
    expect(server.SaveQuizAnswer).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('saves what is still being typed before submitting', async () => {
    server.SubmitQuizAttempt.mockImplementation(() =>
      ok({ submitQuizAttempt: { ...attempt, status: 'SUBMITTED' } }),
    );
    const { session, wrapper } = take();
    session.setAnswer('q-text', { text: '김영란법' });
    const outcome = await session.submit();

    expect(savedInputs()).toEqual([expect.objectContaining({ text: '김영란법' })]);
    expect(server.SaveQuizAnswer.mock.invocationCallOrder[0]).toBeLessThan(
      server.SubmitQuizAttempt.mock.invocationCallOrder[0],
    );
    expect(outcome).toEqual({ kind: 'submitted', attempt: expect.objectContaining({ status: 'SUBMITTED' }) });
    wrapper.unmount();
  });

  it('does not submit over an unsaved answer, unless the time is up', async () => {
    server.SaveQuizAnswer.mockImplementation(() => failure('NETWORK'));
    server.SubmitQuizAttempt.mockImplementation(() => failure('ATTEMPT_EXPIRED'));
    const { session, wrapper } = take();
    session.setAnswer('q-choice', { optionIds: ['o1'] });
    await settle();

    expect(await session.submit()).toEqual({ kind: 'unsaved' });
    expect(server.SubmitQuizAttempt).not.toHaveBeenCalled();

    const auto = await session.submit(true);
    expect(auto).toEqual({ kind: 'closed', problem: expect.objectContaining({ code: 'ATTEMPT_EXPIRED' }) });
    wrapper.unmount();
  });

  it('checks an answer after saving it and locks it with its review', async () => {
    const review = { correct: true, fraction: 1, score: 1 };
    server.CheckQuizAnswer.mockImplementation(() =>
      ok({ checkQuizAnswer: { id: 'q-choice', checked: true, answer: { optionIds: ['o1'] }, review } }),
    );
    const { session, wrapper } = take();
    session.setAnswer('q-choice', { optionIds: ['o1'] });
    expect(await session.checkAnswer('q-choice')).toBeNull();

    expect(server.SaveQuizAnswer.mock.invocationCallOrder[0]).toBeLessThan(
      server.CheckQuizAnswer.mock.invocationCallOrder[0],
    );
    const checked = session.attempt.value.questions.find((q) => q.id === 'q-choice')!;
    expect(checked.checked).toBe(true);
    expect(checked.review).toEqual(review);

    session.setAnswer('q-choice', { optionIds: ['o2'] });
    expect(session.answers.value['q-choice']).toEqual({ optionIds: ['o1'] });
    wrapper.unmount();
  });
});
