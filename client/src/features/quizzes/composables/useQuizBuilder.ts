import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  QuizBuilderCreateDocument,
  QuizBuilderQuizDocument,
  QuizBuilderSetSlotsDocument,
  QuizBuilderUpdateDocument,
  type QuizBuilderQuizQuery,
  type QuizBuilderSetSlotsMutation,
  type QuizBuilderSlotFieldsFragment,
  type QuizInput,
  type QuizSlotInput,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

export type BuilderQuiz = QuizBuilderQuizQuery['quiz'];
export type BuilderSlot = QuizBuilderSlotFieldsFragment;

export type QuizOutcome<T> = { ok: true; data: T } | { ok: false; problem: Problem };

function outcome<R, T>(result: { data?: R; error?: unknown }, pick: (data: R) => T): QuizOutcome<T> {
  return result.data
    ? { ok: true, data: pick(result.data) }
    : { ok: false, problem: toProblem(result.error) };
}

/** One quiz for its authors (a null id: a quiz not made yet). */
export function useQuizBuilder(id: Ref<string | null>) {
  const query = useQuery({
    query: QuizBuilderQuizDocument,
    variables: computed(() => ({ id: id.value ?? '' })),
    pause: computed(() => !id.value),
    context: { additionalTypenames: ['Quiz', 'QuizSlot'] },
  });
  return {
    quiz: computed<BuilderQuiz | null>(() => (id.value ? (query.data.value?.quiz ?? null) : null)),
    fetching: query.fetching,
    error: query.error,
  };
}

/** The builder's mutations; each tells the cache that quizzes changed (list and builder refetch). */
export function useQuizMutations() {
  const create = useMutation(QuizBuilderCreateDocument);
  const update = useMutation(QuizBuilderUpdateDocument);
  const slots = useMutation(QuizBuilderSetSlotsDocument);
  const touches = { additionalTypenames: ['Quiz', 'QuizSlot'] };

  return {
    /** `input.id` should be chosen once per form, so that a retried create makes one quiz. */
    async createQuiz(input: QuizInput): Promise<QuizOutcome<string>> {
      return outcome(await create.executeMutation({ input }, touches), (d) => d.createQuiz.id);
    },
    async updateQuiz(quizId: string, input: QuizInput): Promise<QuizOutcome<string>> {
      return outcome(await update.executeMutation({ id: quizId, input }, touches), (d) => d.updateQuiz.id);
    },
    async setQuizSlots(
      quizId: string,
      input: QuizSlotInput[],
    ): Promise<QuizOutcome<QuizBuilderSetSlotsMutation['setQuizSlots']>> {
      return outcome(
        await slots.executeMutation({ id: quizId, slots: input }, touches),
        (d) => d.setQuizSlots,
      );
    },
    saving: computed(() => create.fetching.value || update.fetching.value),
    savingSlots: slots.fetching,
  };
}
