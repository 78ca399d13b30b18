import { useQuery, useSubscription } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import {
  CheckInEventsDocument,
  CheckInSeatsDocument,
  type CheckInEventsQuery,
  type CheckInSeatFieldsFragment,
} from '@/api/graphql';
import { currentCounts, type SeatCounts } from '../check-in-session';

export type DoorEventRow = CheckInEventsQuery['checkInEvents'][number];
export type DoorSessionRow = DoorEventRow['sessions'][number];

/** The published events the viewer checks people in for (all of them for organisers). */
export function useCheckInEvents() {
  const query = useQuery({ query: CheckInEventsDocument, requestPolicy: 'cache-and-network' });
  return {
    events: computed<DoorEventRow[]>(() => query.data.value?.checkInEvents ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/**
 * Live counts of one session: what it was loaded with, then every update the sessionSeats
 * subscription brings (check-ins by any staff member at any door, registrations, cancellations).
 * `onArrivals` is called when the checked-in count changes, so the desk's log can follow.
 */
export function useCheckInSeats(
  sessionId: Ref<string | null>,
  loaded: Ref<SeatCounts | null>,
  onArrivals?: () => void,
) {
  const live = ref(new Map<string, CheckInSeatFieldsFragment>());
  useSubscription(
    {
      query: CheckInSeatsDocument,
      variables: computed(() => ({ sessionIds: sessionId.value ? [sessionId.value] : [] })),
      pause: computed(() => !sessionId.value),
    },
    (_previous, data) => {
      const seats = data.sessionSeats;
      const before = live.value.get(seats.sessionId) ?? loaded.value;
      live.value = new Map(live.value).set(seats.sessionId, seats);
      if (seats.sessionId === sessionId.value && before?.checkedInCount !== seats.checkedInCount)
        onArrivals?.();
      return data;
    },
  );
  // Counts loaded afresh are newer than an update remembered from before.
  watch(loaded, (value) => {
    if (value && live.value.has(value.sessionId)) {
      const next = new Map(live.value);
      next.delete(value.sessionId);
      live.value = next;
    }
  });
  return { counts: computed(() => currentCounts(loaded.value, live.value, sessionId.value)) };
}
