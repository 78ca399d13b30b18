import { useMutation } from '@urql/vue';
import { ref, type Ref } from 'vue';
import { LiveAnswerDocument, type LiveAnswerInput } from '@/api/graphql';
import { ClientErrorCode, toProblem, type Problem } from '@/app/errors';
import { sendWithRetry } from '@/features/events/check-in-retry';

/** Quick retries: a round lasts seconds, and the server keeps the first answer of a repeat. */
const ANSWER_RETRY_MS: readonly number[] = [250, 750, 1_500];

/**
 * Sending the player's answer to a round, once: the receipt ("answer received") shows as soon as
 * the server has it. A network failure is tried again (a repeat is harmless: the first answer
 * counts); a refusal (the round closed meanwhile) is shown.
 */
export function useLiveAnswer(gameId: Ref<string>, playerToken: Ref<string | null>) {
  const mutation = useMutation(LiveAnswerDocument);
  /** The round whose answer the server confirmed. */
  const receivedRound = ref<number | null>(null);
  const sendingRound = ref<number | null>(null);
  const problem = ref<Problem | null>(null);

  async function send(round: number, answer: LiveAnswerInput): Promise<boolean> {
    const token = playerToken.value;
    if (!token || sendingRound.value === round || receivedRound.value === round) return false;
    sendingRound.value = round;
    problem.value = null;
    try {
      const result = await sendWithRetry(
        async () => {
          const r = await mutation.executeMutation({
            gameId: gameId.value,
            playerToken: token,
            round,
            answer,
          });
          return r.data
            ? { ok: true as const, data: r.data.answerLiveRound }
            : { ok: false as const, problem: toProblem(r.error) };
        },
        (p) => p.code === ClientErrorCode.NETWORK,
        ANSWER_RETRY_MS,
      );
      if (result.ok) {
        receivedRound.value = result.data.round;
        return true;
      }
      problem.value = result.problem;
      return false;
    } finally {
      sendingRound.value = null;
    }
  }

  return {
    send,
    receivedRound,
    sendingRound,
    problem,
    clearProblem: () => (problem.value = null),
  };
}
