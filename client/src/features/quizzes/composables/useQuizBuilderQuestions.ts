import type { QuestionDifficulty, QuestionType } from '@palma/shared';
import { useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import { QuizBuilderQuestionsDocument, type QuizBuilderQuestionsQuery } from '@/api/graphql';

export type BankQuestion = QuizBuilderQuestionsQuery['questions']['edges'][number]['node'];

/** What the question search holds ('' = any). */
export interface QuestionSearchState {
  search: string;
  type: QuestionType | '';
  categoryId: string;
}

const PAGE_SIZE = 20;

/**
 * Active questions of the bank matching a search, one page at a time with "show more": the pages
 * seen so far stay on screen (their cursors are kept), and a new search starts over.
 */
export function useQuizBuilderQuestions(state: Ref<QuestionSearchState>, paused: Ref<boolean>) {
  const filter = computed(() => ({
    search: state.value.search.trim() || null,
    type: state.value.type || null,
    categoryId: state.value.categoryId || null,
    includeSubcategories: true,
  }));
  const pages = ref<BankQuestion[][]>([]);
  const after = ref<string | null>(null);
  watch(filter, () => {
    pages.value = [];
    after.value = null;
  });

  const query = useQuery({
    query: QuizBuilderQuestionsDocument,
    variables: computed(() => ({ filter: filter.value, first: PAGE_SIZE, after: after.value })),
    pause: paused,
    context: { additionalTypenames: ['Question'] },
  });

  const connection = computed(() => query.data.value?.questions ?? null);
  const current = computed(() => connection.value?.edges.map((e) => e.node) ?? []);

  function more() {
    const end = connection.value?.pageInfo.endCursor;
    if (query.fetching.value || !connection.value?.pageInfo.hasNextPage || !end) return;
    pages.value = [...pages.value, current.value];
    after.value = end;
  }

  return {
    // While the next page loads the last one may still be current: list each question once.
    questions: computed(() => {
      const seen = new Set<string>();
      return [...pages.value.flat(), ...current.value].filter((q) => !seen.has(q.id) && !!seen.add(q.id));
    }),
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    more,
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => connection.value !== null),
  };
}

/** How many active questions a random draw could choose from (null while unknown). */
export function useDrawAvailability(
  draw: Ref<{ categoryId: string; difficulty: QuestionDifficulty | ''; includeSubcategories: boolean }>,
) {
  const query = useQuery({
    query: QuizBuilderQuestionsDocument,
    variables: computed(() => ({
      filter: {
        categoryId: draw.value.categoryId,
        difficulty: draw.value.difficulty || null,
        includeSubcategories: draw.value.includeSubcategories,
      },
      first: 1,
    })),
    pause: computed(() => !draw.value.categoryId),
    context: { additionalTypenames: ['Question'] },
  });
  return {
    available: computed(() =>
      draw.value.categoryId && !query.fetching.value
        ? (query.data.value?.questions.totalCount ?? null)
        : null,
    ),
    fetching: query.fetching,
  };
}
