import type { Problem } from '@/app/errors';

export type Attempt<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Waits between tries after a network failure: quickly at first, then a little longer. */
export const RETRY_DELAYS_MS: readonly number[] = [400, 1_200, 3_000];

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends until there is an answer: a failure `retryable` says is worth it (the network at a busy
 * door) is tried again after each delay in turn. `send` must repeat the very same request — a
 * check-in keeps its scan id, so a request that did arrive the first time is not counted twice.
 */
export async function sendWithRetry<T>(
  send: () => Promise<Attempt<T>>,
  retryable: (problem: Problem) => boolean,
  delays: readonly number[] = RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = wait,
): Promise<Attempt<T>> {
  let result = await send();
  for (const delay of delays) {
    if (result.ok || !retryable(result.problem)) return result;
    await sleep(delay);
    result = await send();
  }
  return result;
}
