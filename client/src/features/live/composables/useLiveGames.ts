import type { Locale } from '@palma/shared';
import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  LiveCreateGameDocument,
  LiveEventSessionsDocument,
  LiveGameReportDocument,
  LiveGamesDocument,
  type CreateLiveGameInput,
  type LiveGameSummaryFieldsFragment,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import { eventTitle, formatSessionTime } from '@/features/events/event-display';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type LiveGameSummary = LiveGameSummaryFieldsFragment;

const touchesGames = { additionalTypenames: ['LiveGameSummary'] };

/** The games the viewer hosts (every game for admins), newest first. */
export function useLiveGames() {
  const query = useQuery({
    query: LiveGamesDocument,
    requestPolicy: 'cache-and-network',
    context: touchesGames,
  });
  return {
    games: computed<LiveGameSummary[]>(() => query.data.value?.liveGames ?? []),
    loaded: computed(() => query.data.value !== undefined),
    error: query.error,
  };
}

export function useLiveGameCreate() {
  const create = useMutation(LiveCreateGameDocument);
  return {
    creating: create.fetching,
    async createGame(input: CreateLiveGameInput): Promise<MutationOutcome<LiveGameSummary>> {
      const r = await create.executeMutation({ input }, touchesGames);
      return r.data ? { ok: true, data: r.data.createLiveGame } : { ok: false, problem: toProblem(r.error) };
    },
  };
}

export function useLiveReport(gameId: Ref<string>) {
  const query = useQuery({
    query: LiveGameReportDocument,
    variables: computed(() => ({ id: gameId.value })),
    requestPolicy: 'network-only',
  });
  return {
    report: computed(() => query.data.value?.liveGameReport ?? null),
    fetching: query.fetching,
    error: query.error,
    refresh: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** Sessions that may still host a game: from yesterday on (a concert under way counts). */
const SESSIONS_FROM_MS = 24 * 60 * 60 * 1000;
const SESSIONS_MAX = 50;

export interface SessionChoice {
  value: string;
  label: string;
  startsAt: string;
}

/** Upcoming event sessions (not cancelled) for the "played at" picker, soonest first. */
export function useLiveEventSessions(locale: Ref<Locale>) {
  const from = new Date(Date.now() - SESSIONS_FROM_MS).toISOString();
  const query = useQuery({
    query: LiveEventSessionsDocument,
    variables: { filter: { from }, first: SESSIONS_MAX },
    requestPolicy: 'cache-and-network',
  });
  const choices = computed<SessionChoice[]>(() =>
    (query.data.value?.events.edges ?? [])
      .map((e) => e.node)
      .filter((e) => e.status !== 'CANCELLED')
      .flatMap((e) =>
        e.sessions
          .filter((s) => Date.parse(s.endsAt) >= Date.parse(from))
          .map((s) => ({
            value: s.id,
            startsAt: s.startsAt,
            label: `${eventTitle(e, locale.value)} · ${formatSessionTime(s.startsAt, s.endsAt, locale.value, e.timeZone, false)}`,
          })),
      )
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
  );
  return { choices, loaded: computed(() => query.data.value !== undefined), error: query.error };
}
