import { toProblem, type Problem } from '@/app/errors';

export type BankOutcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

/** Resolves an urql result to its data or the problem it failed with. */
export function bankOutcome<R, T>(
  result: { data?: R; error?: unknown },
  pick: (data: R) => T,
): BankOutcome<T> {
  return result.data
    ? { ok: true, data: pick(result.data) }
    : { ok: false, problem: toProblem(result.error) };
}
