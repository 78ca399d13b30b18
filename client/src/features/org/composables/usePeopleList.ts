import { Limits, type Role } from '@palma/shared';
import { useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import { PeopleDocument, RanksDocument, type PeopleFilter, type PersonRowFragment } from '@/api/graphql';

export type PersonStatusFilter = 'active' | 'inactive' | 'all';

/** What the filter controls hold ('' = no restriction). */
export interface PeopleFilterState {
  search: string;
  departmentId: string;
  includeSubdepartments: boolean;
  role: Role | '';
  rank: string;
  status: PersonStatusFilter;
}

export function emptyPeopleFilter(): PeopleFilterState {
  return { search: '', departmentId: '', includeSubdepartments: true, role: '', rank: '', status: 'active' };
}

/** The API filter for the controls' state (explicit null for "all" — the API defaults to active). */
export function toPeopleFilter(state: PeopleFilterState): PeopleFilter {
  const filter: PeopleFilter = {
    active: state.status === 'all' ? null : state.status === 'active',
    includeSubdepartments: state.includeSubdepartments,
  };
  const search = state.search.trim();
  if (search) filter.search = search;
  if (state.departmentId) filter.departmentId = state.departmentId;
  if (state.role) filter.role = state.role;
  if (state.rank) filter.rank = state.rank;
  return filter;
}

/**
 * One page of people at a time. Cursors of the pages already seen are kept on a stack so that
 * "Previous" goes back exactly; any change of filter starts again at page one.
 */
export function usePeopleList(state: Ref<PeopleFilterState>, pageSize: number = Limits.pageSizeDefault) {
  const cursors = ref<(string | null)[]>([null]);
  const filter = computed(() => toPeopleFilter(state.value));
  watch(filter, () => (cursors.value = [null]), { deep: true });

  const query = useQuery({
    query: PeopleDocument,
    variables: computed(() => ({
      first: pageSize,
      after: cursors.value[cursors.value.length - 1],
      filter: filter.value,
    })),
    // A list that was empty carries no Person: still refresh it after people change.
    context: { additionalTypenames: ['Person'] },
  });

  const connection = computed(() => query.data.value?.people ?? null);
  const people = computed<PersonRowFragment[]>(() => connection.value?.edges.map((e) => e.node) ?? []);
  const totalCount = computed(() => connection.value?.totalCount ?? 0);
  // The page number of the rows on screen: it changes when they do, not when the next page is asked for.
  const page = ref(1);
  watch(
    () => query.data.value,
    () => {
      if (!query.fetching.value) page.value = cursors.value.length;
    },
  );
  watch(query.fetching, (fetching) => {
    if (!fetching && query.data.value) page.value = cursors.value.length;
  });
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);
  const hasPrevious = computed(() => cursors.value.length > 1);

  // Clicks while a page is still loading are ignored, so one click moves exactly one page.
  function next() {
    const end = connection.value?.pageInfo.endCursor;
    if (!query.fetching.value && hasNext.value && end) cursors.value = [...cursors.value, end];
  }
  function previous() {
    if (!query.fetching.value && hasPrevious.value) cursors.value = cursors.value.slice(0, -1);
  }

  return {
    people,
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

/** Ranks in use, for the rank filter and suggestions. */
export function useRanks() {
  const query = useQuery({ query: RanksDocument });
  return { ranks: computed(() => query.data.value?.ranks ?? []) };
}
