import type { TrainingStatus } from '@palma/shared';
import { useMutation, useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import {
  CampaignReportDocument,
  ExtendDueDateDocument,
  ReportCampaignsDocument,
  type ExtendDueDateMutation,
  type ReportCampaignFragment,
  type ReportParticipantFragment,
  type StatusCountsFieldsFragment,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type ReportCampaign = ReportCampaignFragment;
export type ReportParticipant = ReportParticipantFragment;
export type StatusCounts = StatusCountsFieldsFragment;

/** Campaigns with assignments to report on (drafts have none), latest due date first. */
export function useReportCampaigns() {
  const query = useQuery({ query: ReportCampaignsDocument });
  return {
    campaigns: computed<ReportCampaign[]>(
      () => query.data.value?.campaigns.filter((c) => c.status !== 'DRAFT') ?? [],
    ),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}

export interface ParticipantFilter {
  status: TrainingStatus | '';
  search: string;
}

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

/**
 * A campaign seen from one department (with its subtree; none = the viewer's whole scope): totals,
 * the sub-departments and a page of participants. Any change of department or filter starts the
 * participants again at page one.
 */
export function useCampaignReport(
  campaignId: Ref<string>,
  departmentId: Ref<string | null>,
  filter: Ref<ParticipantFilter>,
) {
  const search = ref(filter.value.search.trim());
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(
    () => filter.value.search,
    (value) => {
      clearTimeout(timer);
      timer = setTimeout(() => (search.value = value.trim()), SEARCH_DELAY_MS);
    },
  );
  onBeforeUnmount(() => clearTimeout(timer));

  const cursors = ref<(string | null)[]>([null]);
  watch([campaignId, departmentId, search, () => filter.value.status], () => (cursors.value = [null]));

  const query = useQuery({
    query: CampaignReportDocument,
    variables: computed(() => ({
      campaignId: campaignId.value,
      departmentId: departmentId.value,
      status: filter.value.status || null,
      search: search.value || null,
      first: PAGE_SIZE,
      after: cursors.value[cursors.value.length - 1],
    })),
    pause: computed(() => !campaignId.value),
    // Progress moves all the time: ask again on every visit.
    requestPolicy: 'cache-and-network',
  });

  const report = computed(() => query.data.value?.campaignReport ?? null);
  const connection = computed(() => report.value?.participants ?? null);
  const hasNext = computed(() => connection.value?.pageInfo.hasNextPage ?? false);
  const hasPrevious = computed(() => cursors.value.length > 1);

  return {
    report,
    participants: computed<ReportParticipant[]>(() => connection.value?.edges.map((e) => e.node) ?? []),
    participantCount: computed(() => connection.value?.totalCount ?? 0),
    page: computed(() => cursors.value.length),
    pageCount: computed(() => Math.max(1, Math.ceil((connection.value?.totalCount ?? 0) / PAGE_SIZE))),
    hasNext,
    hasPrevious,
    next() {
      const end = connection.value?.pageInfo.endCursor;
      if (!query.fetching.value && hasNext.value && end) cursors.value = [...cursors.value, end];
    },
    previous() {
      if (!query.fetching.value && hasPrevious.value) cursors.value = cursors.value.slice(0, -1);
    },
    fetching: query.fetching,
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

export type ExtendedAssignment = ExtendDueDateMutation['extendDueDate'];

/** Moves one person's due date (their manager or an admin), with a reason kept on record. */
export function useExtendDueDate() {
  const extend = useMutation(ExtendDueDateDocument);
  async function extendDueDate(
    assignmentId: string,
    newDueAt: string,
    reason: string,
  ): Promise<MutationOutcome<ExtendedAssignment>> {
    const r = await extend.executeMutation({ assignmentId, newDueAt, reason });
    return r.data ? { ok: true, data: r.data.extendDueDate } : { ok: false, problem: toProblem(r.error) };
  }
  return { extendDueDate, extending: extend.fetching };
}
