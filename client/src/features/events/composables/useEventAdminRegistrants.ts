import { useClientHandle } from '@urql/vue';
import { ref, shallowRef, watch, type Ref } from 'vue';
import {
  EventAdminRegistrantsDocument,
  type EventAdminAttendeeFieldsFragment,
  type RegistrationStatus,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

export type AdminAttendee = EventAdminAttendeeFieldsFragment;

export interface RegistrantFilter {
  /** '' for every session. */
  sessionId: string;
  /** '' for every status. */
  status: RegistrationStatus | '';
  /** Name or employee number (already settled: the caller waits for typing to pause). */
  search: string;
}

export const REGISTRANTS_PAGE_SIZE = 50;

/**
 * An event's registrants with the organiser's filters; "load more" adds the next page. Always
 * from the server: people register and arrive while the organiser looks.
 */
export function useEventAdminRegistrants(eventId: Ref<string>, filter: Ref<RegistrantFilter>) {
  const { client } = useClientHandle();
  const attendees = shallowRef<AdminAttendee[]>([]);
  const totalCount = ref(0);
  const hasMore = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const problem = ref<Problem | null>(null);
  let endCursor: string | null = null;
  let request = 0;

  async function load(reset: boolean) {
    const mine = ++request;
    loading.value = true;
    problem.value = null;
    const f = filter.value;
    const r = await client
      .query(
        EventAdminRegistrantsDocument,
        {
          eventId: eventId.value,
          filter: {
            sessionId: f.sessionId || null,
            status: f.status || null,
            search: f.search.trim() || null,
          },
          first: REGISTRANTS_PAGE_SIZE,
          after: reset ? null : endCursor,
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    // A newer request (the filter changed) wins.
    if (mine !== request) return;
    loading.value = false;
    if (!r.data) {
      problem.value = toProblem(r.error);
      return;
    }
    const page = r.data.eventRegistrants;
    const nodes = page.edges.map((e) => e.node);
    attendees.value = reset ? nodes : [...attendees.value, ...nodes];
    totalCount.value = page.totalCount;
    endCursor = page.pageInfo.endCursor;
    hasMore.value = page.pageInfo.hasNextPage;
    loaded.value = true;
  }

  watch([eventId, filter], () => void load(true), { immediate: true, deep: true });

  return {
    attendees,
    totalCount,
    hasMore,
    loading,
    loaded,
    problem,
    loadMore: () => load(false),
    refresh: () => load(true),
  };
}
