import { describe, expect, it, vi } from 'vitest';
import type { Problem } from '@/app/errors';
import { sendWithRetry, type Attempt } from './check-in-retry';

const network: Problem = { code: 'NETWORK', serverMessage: 'fetch failed', details: {} };
const refused: Problem = { code: 'TICKET_INVALID', serverMessage: '', details: {} };
const retryable = (p: Problem) => p.code === 'NETWORK';

describe('sending a check-in through a bad connection', () => {
  it('repeats the same request after a network failure until it gets an answer', async () => {
    const answers: Attempt<string>[] = [
      { ok: false, problem: network },
      { ok: false, problem: network },
      { ok: true, data: 'check-in-1' },
    ];
    const send = vi.fn(async () => answers.shift()!);
    const sleep = vi.fn(async () => undefined);
    await expect(sendWithRetry(send, retryable, [10, 20, 30], sleep)).resolves.toEqual({
      ok: true,
      data: 'check-in-1',
    });
    expect(send).toHaveBeenCalledTimes(3);
    expect(sleep.mock.calls).toEqual([[10], [20]]);
  });

  it('takes a refusal as the answer at once', async () => {
    const send = vi.fn(async (): Promise<Attempt<string>> => ({ ok: false, problem: refused }));
    const sleep = vi.fn(async () => undefined);
    await expect(sendWithRetry(send, retryable, [10], sleep)).resolves.toEqual({
      ok: false,
      problem: refused,
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('gives up with the network problem when every try fails', async () => {
    const send = vi.fn(async (): Promise<Attempt<string>> => ({ ok: false, problem: network }));
    await expect(sendWithRetry(send, retryable, [1, 1], async () => undefined)).resolves.toEqual({
      ok: false,
      problem: network,
    });
    expect(send).toHaveBeenCalledTimes(3);
  });
});
