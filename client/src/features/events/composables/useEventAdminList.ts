import { useClientHandle } from '@urql/vue';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import { EventAdminEventsDocument, type EventAdminEventsQuery } from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

export type EventAdminRow = EventAdminEventsQuery['events']['edges'][number]['node'];

export const EVENT_ADMIN_PAGE_SIZE = 50;

/** A day back, so that an event on today (or running now) still counts as current. */
const CURRENT_FROM_MS = 24 * 60 * 60 * 1000;

/**
 * The organisers' event list, drafts included, soonest first: current and coming events, or all
 * of them with `includePast`; more are added a page at a time.
 */
export function useEventAdminList(includePast: Ref<boolean>) {
  const { client } = useClientHandle();
  const events = shallowRef<EventAdminRow[]>([]);
  const totalCount = ref(0);
  const endCursor = ref<string | null>(null);
  const hasMore = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  const problem = ref<Problem | null>(null);
  // Answers to an older request (the filter changed meanwhile) are dropped.
  let request = 0;

  async function load(reset: boolean) {
    const mine = ++request;
    loading.value = true;
    problem.value = null;
    const filter = includePast.value ? null : { from: new Date(Date.now() - CURRENT_FROM_MS).toISOString() };
    const r = await client
      .query(
        EventAdminEventsDocument,
        { filter, first: EVENT_ADMIN_PAGE_SIZE, after: reset ? null : endCursor.value },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (mine !== request) return;
    loading.value = false;
    if (!r.data) {
      problem.value = toProblem(r.error);
      return;
    }
    const page = r.data.events;
    const nodes = page.edges.map((e) => e.node);
    events.value = reset ? nodes : [...events.value, ...nodes];
    totalCount.value = page.totalCount;
    endCursor.value = page.pageInfo.endCursor;
    hasMore.value = page.pageInfo.hasNextPage;
    loaded.value = true;
  }

  watch(includePast, () => void load(true), { immediate: true });

  return {
    events,
    totalCount,
    hasMore,
    loading,
    loaded,
    problem: computed(() => problem.value),
    loadMore: () => load(false),
  };
}
