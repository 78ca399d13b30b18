import { CombinedError } from '@urql/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ref } from 'vue';
import { useLiveAnswer } from './useLiveAnswer';

const execute = vi.hoisted(() => vi.fn());
vi.mock('@urql/vue', async () => {
  const { ref: vueRef } = await import('vue');
  return { useMutation: () => ({ executeMutation: execute, fetching: vueRef(false) }) };
});
const ack = (round: number) => ({ data: { answerLiveRound: { round, receivedAt: 1, duplicate: false } } });

describe('useLiveAnswer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    execute.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('sends an answer once per round and shows it received', async () => {
    execute.mockResolvedValue(ack(2));
    const answers = useLiveAnswer(ref('g-1'), ref('LP1.a.b'));
    await answers.send(2, { optionIds: ['a'] });
    await answers.send(2, { optionIds: ['b'] });
    expect(execute).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls[0][0]).toEqual({
      gameId: 'g-1',
      playerToken: 'LP1.a.b',
      round: 2,
      answer: { optionIds: ['a'] },
    });
    expect(answers.receivedRound.value).toBe(2);
  });

  it('tries again after a network failure (the server keeps the first answer)', async () => {
    execute
      .mockResolvedValueOnce({ error: new CombinedError({ networkError: new Error('offline') }) })
      .mockResolvedValueOnce(ack(0));
    const answers = useLiveAnswer(ref('g-1'), ref('LP1.a.b'));
    const sent = answers.send(0, { booleanValue: true });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(sent).resolves.toBe(true);
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it('shows why an answer was refused', async () => {
    execute.mockResolvedValue({
      error: new CombinedError({
        graphQLErrors: [{ message: 'closed', extensions: { code: 'QUESTION_NOT_OPEN' } }],
      }),
    });
    const answers = useLiveAnswer(ref('g-1'), ref('LP1.a.b'));
    await expect(answers.send(1, { text: 'x' })).resolves.toBe(false);
    expect(answers.problem.value?.code).toBe('QUESTION_NOT_OPEN');
    expect(answers.receivedRound.value).toBeNull();
  });
});
