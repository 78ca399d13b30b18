import { useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { PeopleDocument, type PersonRowFragment } from '@/api/graphql';

const SEARCH_DELAY_MS = 250;

/** A short list of active people matching what is typed (for pickers), asked for after a pause. */
export function usePersonSearch(text: Ref<string>, limit = 8) {
  const settled = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(text, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => (settled.value = value.trim()), SEARCH_DELAY_MS);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  const query = useQuery({
    query: PeopleDocument,
    variables: computed(() => ({
      first: limit,
      filter: { search: settled.value, active: true, includeSubdepartments: true },
    })),
    pause: computed(() => settled.value === ''),
  });

  return {
    results: computed<PersonRowFragment[]>(() =>
      settled.value === '' ? [] : (query.data.value?.people.edges.map((e) => e.node) ?? []),
    ),
    searched: computed(() => settled.value !== '' && !query.fetching.value && query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}
