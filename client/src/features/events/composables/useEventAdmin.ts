import { useMutation, useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import {
  EventAdminCancelDocument,
  EventAdminCreateDocument,
  EventAdminEventDocument,
  EventAdminPublishDocument,
  EventAdminStaffCandidatesDocument,
  type EventAdminStaffMemberFieldsFragment,
  EventAdminUpdateDocument,
  type EventAdminEventFieldsFragment,
  type EventAdminSessionFieldsFragment,
  type EventInput,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type AdminEvent = EventAdminEventFieldsFragment;
export type AdminSession = EventAdminSessionFieldsFragment;

/** Tells the document cache that events changed, so lists and the editor ask again. */
const touchesEvents = { additionalTypenames: ['Event', 'EventSession'] };

function outcome<R, T>(result: { data?: R; error?: unknown }, pick: (data: R) => T): MutationOutcome<T> {
  return result.data
    ? { ok: true, data: pick(result.data) }
    : { ok: false, problem: toProblem(result.error) };
}

/** One event for its organisers (paused while there is no id: a new event). */
export function useEventAdminEvent(id: Ref<string | null>) {
  const query = useQuery({
    query: EventAdminEventDocument,
    variables: computed(() => ({ id: id.value ?? '' })),
    pause: computed(() => !id.value),
    // Seats change under the organiser's eyes (registrations): always ask, show the cache meanwhile.
    requestPolicy: 'cache-and-network',
    context: touchesEvents,
  });
  return {
    event: computed<AdminEvent | null>(() => (id.value ? (query.data.value?.event ?? null) : null)),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** Creating, saving, publishing and cancelling an event; each resolves to the saved event. */
export function useEventAdminMutations() {
  const create = useMutation(EventAdminCreateDocument);
  const update = useMutation(EventAdminUpdateDocument);
  const publish = useMutation(EventAdminPublishDocument);
  const cancel = useMutation(EventAdminCancelDocument);

  return {
    async createEvent(input: EventInput): Promise<MutationOutcome<AdminEvent>> {
      return outcome(await create.executeMutation({ input }, touchesEvents), (d) => d.createEvent);
    },
    async updateEvent(id: string, input: EventInput): Promise<MutationOutcome<AdminEvent>> {
      return outcome(await update.executeMutation({ id, input }, touchesEvents), (d) => d.updateEvent);
    },
    async publishEvent(id: string): Promise<MutationOutcome<AdminEvent>> {
      return outcome(await publish.executeMutation({ id }, touchesEvents), (d) => d.publishEvent);
    },
    async cancelEvent(id: string, reason: string): Promise<MutationOutcome<AdminEvent>> {
      return outcome(await cancel.executeMutation({ id, reason }, touchesEvents), (d) => d.cancelEvent);
    },
    saving: computed(() => create.fetching.value || update.fetching.value),
    publishing: publish.fetching,
    cancelling: cancel.fetching,
  };
}

/** People matching what is typed, to choose door staff from; asked for after a short pause. */
export function useEventAdminStaffCandidates(text: Ref<string>) {
  const settled = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(text, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => (settled.value = value.trim()), 250);
  });
  onBeforeUnmount(() => clearTimeout(timer));
  const query = useQuery({
    query: EventAdminStaffCandidatesDocument,
    variables: computed(() => ({ query: settled.value })),
    pause: computed(() => settled.value === ''),
  });
  return {
    results: computed<EventAdminStaffMemberFieldsFragment[]>(() =>
      settled.value === '' ? [] : (query.data.value?.eventStaffCandidates ?? []),
    ),
    searched: computed(() => settled.value !== '' && !query.fetching.value && query.data.value !== undefined),
    fetching: query.fetching,
  };
}
