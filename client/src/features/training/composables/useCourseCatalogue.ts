import type { CourseCategory } from '@palma/shared';
import { useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { CourseCatalogueDocument, type CatalogueCourseFragment } from '@/api/graphql';

export type CatalogueCourse = CatalogueCourseFragment & {
  published: NonNullable<CatalogueCourseFragment['published']>;
};

export interface CatalogueFilter {
  search: string;
  category: CourseCategory | '';
}

const PAGE_SIZE = 12;
const SEARCH_DELAY_MS = 300;

/** Published courses, a page at a time, filtered by title and category (typing settles first). */
export function useCourseCatalogue(filter: Ref<CatalogueFilter>) {
  const search = ref(filter.value.search.trim());
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => filter.value.search,
    (value) => {
      clearTimeout(timer);
      timer = setTimeout(() => (search.value = value.trim()), SEARCH_DELAY_MS);
    },
  );
  onBeforeUnmount(() => clearTimeout(timer));

  const cursors = ref<(string | null)[]>([null]);
  watch([search, () => filter.value.category], () => (cursors.value = [null]));

  const query = useQuery({
    query: CourseCatalogueDocument,
    variables: computed(() => ({
      first: PAGE_SIZE,
      after: cursors.value[cursors.value.length - 1],
      search: search.value || null,
      category: filter.value.category || null,
    })),
    context: { additionalTypenames: ['Course'] },
  });

  const connection = computed(() => query.data.value?.courses ?? null);
  const courses = computed<CatalogueCourse[]>(
    () =>
      connection.value?.edges.map((e) => e.node).filter((c): c is CatalogueCourse => c.published !== null) ??
      [],
  );
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);
  const hasPrevious = computed(() => cursors.value.length > 1);

  return {
    courses,
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    page: computed(() => cursors.value.length),
    pageCount: computed(() => Math.max(1, Math.ceil((connection.value?.totalCount ?? 0) / PAGE_SIZE))),
    hasNext,
    hasPrevious,
    next() {
      const end = connection.value?.pageInfo.endCursor;
      if (!query.fetching.value && hasNext.value && end) cursors.value = [...cursors.value, end];
    },
    previous() {
      if (!query.fetching.value && hasPrevious.value) cursors.value = cursors.value.slice(0, -1);
    },
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => connection.value !== null),
  };
}
