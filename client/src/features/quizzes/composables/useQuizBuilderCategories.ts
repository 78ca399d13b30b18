import type { Locale } from '@palma/shared';
import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { QuizBuilderCategoriesDocument } from '@/api/graphql';
import { categoryChoices, type CategoryChoice } from '../quiz-builder-categories';

/** The bank's categories as a tree in reading order, for filters and random draws. */
export function useQuizBuilderCategories(locale: Ref<Locale>) {
  const query = useQuery({
    query: QuizBuilderCategoriesDocument,
    context: { additionalTypenames: ['QuestionCategory', 'Question'] },
    requestPolicy: 'cache-and-network',
  });
  const choices = computed<CategoryChoice[]>(() =>
    categoryChoices(query.data.value?.questionCategories ?? [], locale.value),
  );
  const byId = computed(() => new Map(choices.value.map((c) => [c.id, c])));
  return {
    choices,
    byId,
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => query.data.value !== undefined),
  };
}
