import type { EventKind, GroupRegistrationMode } from '@palma/shared';
import { useMutation, useQuery } from '@urql/vue';
import { computed, ref, watch, type Ref } from 'vue';
import {
  EventCalendarFeedDocument,
  EventCancelRegistrationDocument,
  EventCheckInAccessDocument,
  EventDetailDocument,
  EventRegisterDocument,
  EventRegisterGroupDocument,
  EventRevokeCalendarFeedDocument,
  EventRotateCalendarFeedDocument,
  EventsDocument,
  MyEventRegistrationsDocument,
  type EventCalendarFeedFieldsFragment,
  type EventDetailFieldsFragment,
  type EventListFieldsFragment,
  type EventRegisterGroupMutation,
  type EventRegistrationFieldsFragment,
  type EventSessionFieldsFragment,
  type MyEventRegistrationsQuery,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';
import { monthRange, type YearMonth } from '../event-calendar';

export type EventListItem = EventListFieldsFragment;
export type EventDetail = EventDetailFieldsFragment;
export type EventSessionItem = EventSessionFieldsFragment;
export type EventRegistration = EventRegistrationFieldsFragment;
export type MyRegistration = MyEventRegistrationsQuery['myRegistrations'][number];
export type CalendarFeed = EventCalendarFeedFieldsFragment;
export type GroupRegistrationSummary = EventRegisterGroupMutation['registerGroup'];

export interface EventListFilter {
  month: YearMonth;
  kind: EventKind | '';
  openSeatsOnly: boolean;
}

/** A month holds a handful of events; a page this big nearly always is the whole month. */
const PAGE_SIZE = 100;

/**
 * Registering changes seat counts, the viewer's registration on the session and their list of
 * registrations: every query showing those is asked again.
 */
const touchesRegistrations = { additionalTypenames: ['Event', 'EventSession', 'Registration'] };

/** The events with a session in a month (in the viewer's time zone), soonest first. */
export function useEventList(filter: Ref<EventListFilter>, timeZone: string) {
  const after = ref<string | null>(null);
  /** Pages loaded before the current one ("Show more"). */
  const earlier = ref<EventListItem[]>([]);
  watch(
    () => JSON.stringify(filter.value),
    () => {
      after.value = null;
      earlier.value = [];
    },
  );

  const query = useQuery({
    query: EventsDocument,
    variables: computed(() => {
      const { from, to } = monthRange(filter.value.month, timeZone);
      return {
        first: PAGE_SIZE,
        after: after.value,
        filter: {
          from,
          to,
          kinds: filter.value.kind ? [filter.value.kind] : null,
          openSeatsOnly: filter.value.openSeatsOnly || null,
        },
      };
    }),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Event', 'Registration'] },
  });

  const connection = computed(() => query.data.value?.events ?? null);
  const events = computed<EventListItem[]>(() => {
    const seen = new Set(earlier.value.map((e) => e.id));
    return [
      ...earlier.value,
      ...(connection.value?.edges.map((e) => e.node) ?? []).filter((e) => !seen.has(e.id)),
    ];
  });
  const hasMore = computed(() => connection.value?.pageInfo.hasNextPage ?? false);

  return {
    events,
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore,
    more() {
      const end = connection.value?.pageInfo.endCursor;
      if (query.fetching.value || !hasMore.value || !end) return;
      earlier.value = events.value;
      after.value = end;
    },
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => connection.value !== null),
  };
}

/** One event with its sessions and the viewer's registrations. */
export function useEvent(id: Ref<string>) {
  const query = useQuery({
    query: EventDetailDocument,
    variables: computed(() => ({ id: id.value })),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Registration'] },
  });
  return {
    event: computed<EventDetail | null>(() => query.data.value?.event ?? null),
    fetching: query.fetching,
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** The viewer's upcoming seats and waitlist places, soonest first. */
export function useMyRegistrations() {
  const query = useQuery({
    query: MyEventRegistrationsDocument,
    variables: { upcomingOnly: true },
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Registration'] },
  });
  return {
    registrations: computed<MyRegistration[]>(() => query.data.value?.myRegistrations ?? []),
    fetching: query.fetching,
    error: query.error,
    loaded: computed(() => query.data.value !== undefined),
  };
}

/** Whether the viewer checks people in at any event (door staff, trainers, admins). */
export function useCheckInAccess() {
  const query = useQuery({ query: EventCheckInAccessDocument, context: { additionalTypenames: ['Event'] } });
  return { canCheckIn: computed(() => (query.data.value?.checkInEvents.length ?? 0) > 0) };
}

/**
 * Registering and cancelling. Each action is tracked by its own id, so one session's button
 * shows its work without blocking the others.
 */
export function useRegistrationActions() {
  const register = useMutation(EventRegisterDocument);
  const cancel = useMutation(EventCancelRegistrationDocument);
  const registering = ref<ReadonlySet<string>>(new Set());
  const cancelling = ref<ReadonlySet<string>>(new Set());
  const toggle = (set: Ref<ReadonlySet<string>>, id: string, on: boolean) => {
    const next = new Set(set.value);
    if (on) next.add(id);
    else next.delete(id);
    set.value = next;
  };

  async function registerFor(sessionId: string): Promise<MutationOutcome<EventRegistration>> {
    toggle(registering, sessionId, true);
    try {
      const r = await register.executeMutation({ sessionId }, touchesRegistrations);
      return r.data
        ? { ok: true, data: r.data.registerForSession }
        : { ok: false, problem: toProblem(r.error) };
    } finally {
      toggle(registering, sessionId, false);
    }
  }

  async function cancelRegistration(registrationId: string): Promise<MutationOutcome<EventRegistration>> {
    toggle(cancelling, registrationId, true);
    try {
      const r = await cancel.executeMutation({ registrationId }, touchesRegistrations);
      return r.data
        ? { ok: true, data: r.data.cancelRegistration }
        : { ok: false, problem: toProblem(r.error) };
    } finally {
      toggle(cancelling, registrationId, false);
    }
  }

  return { registerFor, cancelRegistration, registering, cancelling };
}

/** Several people at once (managers: people of their departments). */
export function useGroupRegistration() {
  const mutation = useMutation(EventRegisterGroupDocument);
  async function registerGroup(
    sessionId: string,
    personIds: string[],
    mode: GroupRegistrationMode,
  ): Promise<MutationOutcome<GroupRegistrationSummary>> {
    const r = await mutation.executeMutation({ sessionId, personIds, mode }, touchesRegistrations);
    return r.data ? { ok: true, data: r.data.registerGroup } : { ok: false, problem: toProblem(r.error) };
  }
  return { registerGroup, submitting: mutation.fetching };
}

/** The viewer's secret calendar address: show, replace, turn off. */
export function useCalendarFeed() {
  const touchesFeed = { additionalTypenames: ['CalendarFeed'] };
  const query = useQuery({ query: EventCalendarFeedDocument, context: touchesFeed });
  const rotate = useMutation(EventRotateCalendarFeedDocument);
  const revoke = useMutation(EventRevokeCalendarFeedDocument);

  async function rotateFeed(): Promise<MutationOutcome<CalendarFeed>> {
    const r = await rotate.executeMutation({}, touchesFeed);
    return r.data
      ? { ok: true, data: r.data.rotateCalendarFeed }
      : { ok: false, problem: toProblem(r.error) };
  }
  async function revokeFeed(): Promise<MutationOutcome<boolean>> {
    const r = await revoke.executeMutation({}, touchesFeed);
    return r.data
      ? { ok: true, data: r.data.revokeCalendarFeed }
      : { ok: false, problem: toProblem(r.error) };
  }

  return {
    feed: computed<CalendarFeed | null>(() => query.data.value?.myCalendarFeed ?? null),
    loaded: computed(() => query.data.value !== undefined),
    error: query.error,
    rotateFeed,
    revokeFeed,
    rotating: rotate.fetching,
    revoking: revoke.fetching,
  };
}
