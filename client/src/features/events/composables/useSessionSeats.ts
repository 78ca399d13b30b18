import { useSubscription } from '@urql/vue';
import { computed, shallowRef, type Ref } from 'vue';
import { EventSessionSeatsDocument, type EventSeatFieldsFragment } from '@/api/graphql';

export type SessionSeats = EventSeatFieldsFragment;

/** The server watches at most this many sessions per subscription. */
const MAX_WATCHED = 50;

interface SeatsOf {
  id: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  seatsLeft: number;
}

/**
 * Live seat counts for the given sessions (the sessionSeats subscription). `withLive` lays the
 * latest counts over a session from a query; `reset` drops them when the query itself is fresh
 * again. `onChange` hears every update (e.g. to refresh a waitlist place).
 */
export function useSessionSeats(
  sessionIds: Ref<readonly string[]>,
  onChange?: (seats: SessionSeats) => void,
) {
  const live = shallowRef<Readonly<Record<string, SessionSeats>>>({});
  const watched = computed(() => [...new Set(sessionIds.value)].sort().slice(0, MAX_WATCHED));
  const key = computed(() => watched.value.join(','));

  useSubscription(
    {
      query: EventSessionSeatsDocument,
      // Keyed on the joined ids, so an identical list does not restart the subscription.
      variables: computed(() => ({ sessionIds: key.value ? key.value.split(',') : [] })),
      pause: computed(() => key.value === ''),
    },
    (previous, data) => {
      const seats = data.sessionSeats;
      live.value = { ...live.value, [seats.sessionId]: seats };
      onChange?.(seats);
      return data ?? previous;
    },
  );

  function withLive<S extends SeatsOf>(session: S): S {
    const seats = live.value[session.id];
    if (!seats) return session;
    return {
      ...session,
      capacity: seats.capacity,
      confirmedCount: seats.confirmedCount,
      waitlistCount: seats.waitlistCount,
      seatsLeft: seats.seatsLeft,
    };
  }

  function reset() {
    live.value = {};
  }

  return { withLive, reset, live };
}
