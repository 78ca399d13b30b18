import { useMutation, useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import {
  CheckInAdmitDocument,
  CheckInRecentDocument,
  CheckInSearchDocument,
  CheckInUndoDocument,
  type CheckInAttendeeFieldsFragment,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';
import { admittedPanel, isRetryable, refusedPanel, type CheckInPanel } from '../check-in-result';
import { sendWithRetry } from '../check-in-retry';
import { newScanId } from '../check-in-scan';

export type DoorAttendee = CheckInAttendeeFieldsFragment;

/** Who to let in: a scanned (or typed) ticket, or a registration found by name. */
export type CheckInBy = { token: string } | { registrationId: string };

/**
 * The door of one session: checking people in (a network failure is retried with the same scan
 * id, so a request that got through is not counted twice), the result panel, the desk's log of
 * recent check-ins, and undoing a mistaken one.
 */
export function useCheckInDesk(sessionId: Ref<string | null>) {
  const admit = useMutation(CheckInAdmitDocument);
  const undo = useMutation(CheckInUndoDocument);
  const panel = ref<CheckInPanel | null>(null);
  /** Increases with every result, so a panel showing the same refusal twice still re-announces. */
  const resultCount = ref(0);
  const pending = ref(0);

  const recentQuery = useQuery({
    query: CheckInRecentDocument,
    variables: computed(() => ({ sessionId: sessionId.value ?? '' })),
    pause: computed(() => !sessionId.value),
    requestPolicy: 'cache-and-network',
  });
  const recent = computed<DoorAttendee[]>(() => recentQuery.data.value?.recentCheckIns ?? []);
  function refreshRecent() {
    if (sessionId.value) void recentQuery.executeQuery({ requestPolicy: 'network-only' });
  }

  // Another session's result would be misleading on this one's screen.
  watch(sessionId, () => {
    panel.value = null;
  });

  async function checkIn(by: CheckInBy): Promise<CheckInPanel | null> {
    const session = sessionId.value;
    if (!session) return null;
    const scanId = newScanId();
    pending.value += 1;
    try {
      const result = await sendWithRetry(async () => {
        const r = await admit.executeMutation({ input: { sessionId: session, scanId, ...by } });
        return r.data
          ? { ok: true as const, data: r.data.checkIn }
          : { ok: false as const, problem: toProblem(r.error) };
      }, isRetryable);
      // The staff member moved to another session meanwhile: the answer belongs to the old one.
      if (sessionId.value !== session) return null;
      const shown = result.ok ? admittedPanel(result.data) : refusedPanel(result.problem);
      panel.value = shown;
      resultCount.value += 1;
      refreshRecent();
      return shown;
    } finally {
      pending.value -= 1;
    }
  }

  async function undoCheckIn(checkInId: string, reason: string): Promise<MutationOutcome<true>> {
    const r = await undo.executeMutation({ checkInId, reason: reason.trim() });
    refreshRecent();
    return r.data ? { ok: true, data: true } : { ok: false, problem: toProblem(r.error) };
  }

  return {
    panel,
    resultCount,
    checking: computed(() => pending.value > 0),
    checkIn,
    clearPanel: () => (panel.value = null),
    recent,
    recentLoaded: computed(() => recentQuery.data.value !== undefined),
    recentError: recentQuery.error,
    refreshRecent,
    undoCheckIn,
    undoing: undo.fetching,
  };
}

export const SEARCH_DELAY_MS = 300;

/** Registrants of the session by name or employee number, asked for once typing pauses. */
export function useCheckInSearch(sessionId: Ref<string | null>, text: Ref<string>) {
  const settled = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(text, (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => (settled.value = value.trim()), SEARCH_DELAY_MS);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  const query = useQuery({
    query: CheckInSearchDocument,
    variables: computed(() => ({ sessionId: sessionId.value ?? '', query: settled.value })),
    pause: computed(() => !sessionId.value || settled.value === ''),
    requestPolicy: 'network-only',
  });
  return {
    results: computed<DoorAttendee[]>(() =>
      settled.value === '' ? [] : (query.data.value?.checkInSearch ?? []),
    ),
    searched: computed(() => settled.value !== '' && !query.fetching.value && query.data.value !== undefined),
    fetching: query.fetching,
    problem: computed<Problem | null>(() => (query.error.value ? toProblem(query.error.value) : null)),
    refresh: () => {
      if (sessionId.value && settled.value) void query.executeQuery({ requestPolicy: 'network-only' });
    },
  };
}
