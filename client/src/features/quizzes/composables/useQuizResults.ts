import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { QuizBuilderResultsDocument, type QuizBuilderResultsQuery } from '@/api/graphql';

export type QuizResultsData = QuizBuilderResultsQuery['quizResults'];
export type QuizResultsQuestion = QuizResultsData['questions'][number];
export type QuizResultsAttempt = QuizResultsData['recentAttempts'][number];

/** A quiz's results for its authors: totals, score bands, item analysis and recent attempts. */
export function useQuizResults(quizId: Ref<string>) {
  const query = useQuery({
    query: QuizBuilderResultsDocument,
    variables: computed(() => ({ quizId: quizId.value })),
    // Attempts keep coming in: always ask the server, show the cached figures meanwhile.
    requestPolicy: 'cache-and-network',
  });
  return {
    quiz: computed(() => query.data.value?.quiz ?? null),
    results: computed<QuizResultsData | null>(() => query.data.value?.quizResults ?? null),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
