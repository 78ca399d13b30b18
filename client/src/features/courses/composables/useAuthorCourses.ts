import { Limits, type CourseCategory } from '@palma/shared';
import { useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import { AuthorCoursesDocument, type CourseListItemFragment } from '@/api/graphql';

export type CourseListItem = CourseListItemFragment;

/** What the list controls hold ('' = every category). */
export interface CourseFilterState {
  search: string;
  category: CourseCategory | '';
}

export function emptyCourseFilter(): CourseFilterState {
  return { search: '', category: '' };
}

/**
 * Every course an author may edit, drafts included, one page at a time (newest first). Cursors of
 * the pages seen are kept so that "Previous" goes back exactly; a new filter starts at page one.
 */
export function useAuthorCourses(state: Ref<CourseFilterState>, pageSize: number = Limits.pageSizeDefault) {
  const cursors = ref<(string | null)[]>([null]);
  const filter = computed(() => ({
    search: state.value.search.trim() || null,
    category: state.value.category || null,
  }));
  watch(filter, () => (cursors.value = [null]), { deep: true });

  const query = useQuery({
    query: AuthorCoursesDocument,
    variables: computed(() => ({
      first: pageSize,
      after: cursors.value[cursors.value.length - 1],
      ...filter.value,
    })),
    // An empty list carries no Course: still refresh it when a course is created.
    context: { additionalTypenames: ['Course'] },
  });

  const connection = computed(() => query.data.value?.courses ?? null);
  const courses = computed<CourseListItem[]>(() => connection.value?.edges.map((e) => e.node) ?? []);
  const totalCount = computed(() => connection.value?.totalCount ?? 0);
  const page = computed(() => cursors.value.length);
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);
  const hasPrevious = computed(() => cursors.value.length > 1);

  function next() {
    const end = connection.value?.pageInfo.endCursor;
    if (!query.fetching.value && hasNext.value && end) cursors.value = [...cursors.value, end];
  }
  function previous() {
    if (!query.fetching.value && hasPrevious.value) cursors.value = cursors.value.slice(0, -1);
  }

  return {
    courses,
    totalCount,
    page,
    pageCount: computed(() => Math.max(1, Math.ceil(totalCount.value / pageSize))),
    hasNext,
    hasPrevious,
    next,
    previous,
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => connection.value !== null),
  };
}
