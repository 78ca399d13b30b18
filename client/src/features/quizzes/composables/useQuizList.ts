import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import { QuizBuilderDeleteDocument, QuizBuilderListDocument, type QuizBuilderListQuery } from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

export type QuizListItem = QuizBuilderListQuery['quizzes'][number];

/** Every quiz for its authors, most recently changed first, and deleting one. */
export function useQuizList(options: { refresh?: boolean } = {}) {
  const query = useQuery({
    query: QuizBuilderListDocument,
    // An empty list carries no Quiz: still refresh it when a quiz is created or deleted.
    context: { additionalTypenames: ['Quiz'] },
    // A picker opened after making a quiz elsewhere should list it at once.
    requestPolicy: options.refresh ? 'cache-and-network' : 'cache-first',
  });
  const remove = useMutation(QuizBuilderDeleteDocument);

  return {
    quizzes: computed<QuizListItem[]>(() => query.data.value?.quizzes ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    async deleteQuiz(id: string): Promise<{ ok: true } | { ok: false; problem: Problem }> {
      const result = await remove.executeMutation({ id }, { additionalTypenames: ['Quiz'] });
      return result.data ? { ok: true } : { ok: false, problem: toProblem(result.error) };
    },
    deleting: remove.fetching,
  };
}
