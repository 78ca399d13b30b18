import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  LeaderboardDepartmentStandingDocument,
  LeaderboardDepartmentsDocument,
  LeaderboardPeopleDocument,
  type LeaderboardDepartmentStandingQuery,
  type LeaderboardDepartmentsQuery,
  type LeaderboardPeopleQuery,
} from '@/api/graphql';
import type { BoardPeriod } from '../gamification-display';

export type PeopleBoard = LeaderboardPeopleQuery['peopleLeaderboard'];
export type PersonRow = PeopleBoard['rows'][number];
export type DepartmentBoard = LeaderboardDepartmentsQuery['departmentLeaderboard'];
export type DepartmentRow = DepartmentBoard['rows'][number];
export type DepartmentStanding = LeaderboardDepartmentStandingQuery['departmentStanding'];

/** A period to show, or null while a campaign board still waits for its campaign. */
export type BoardScope = { period: BoardPeriod; campaignId: string | null } | null;

// Boards move with everyone's learning: always ask the server, show the cached board meanwhile.
const policy = 'cache-and-network' as const;

/** People of one department (the viewer's when departmentId is null), ranked by XP. */
export function usePeopleLeaderboard(
  scope: Ref<BoardScope>,
  departmentId: Ref<string | null>,
  active: Ref<boolean>,
) {
  const query = useQuery({
    query: LeaderboardPeopleDocument,
    variables: computed(() => ({
      period: scope.value?.period ?? 'MONTH',
      campaignId: scope.value?.campaignId ?? null,
      departmentId: departmentId.value,
    })),
    pause: computed(() => !active.value || scope.value === null),
    requestPolicy: policy,
    context: { additionalTypenames: ['PeopleLeaderboard'] },
  });
  return {
    board: computed<PeopleBoard | null>(() => query.data.value?.peopleLeaderboard ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}

/** All departments ranked by average XP per member. */
export function useDepartmentLeaderboard(scope: Ref<BoardScope>, active: Ref<boolean>) {
  const query = useQuery({
    query: LeaderboardDepartmentsDocument,
    variables: computed(() => ({
      period: scope.value?.period ?? 'MONTH',
      campaignId: scope.value?.campaignId ?? null,
    })),
    pause: computed(() => !active.value || scope.value === null),
    requestPolicy: policy,
  });
  return {
    board: computed<DepartmentBoard | null>(() => query.data.value?.departmentLeaderboard ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}

/** One department's place among all, with the team badges its members earned. */
export function useDepartmentStanding(departmentId: Ref<string | null>, scope: Ref<BoardScope>) {
  const query = useQuery({
    query: LeaderboardDepartmentStandingDocument,
    variables: computed(() => ({
      departmentId: departmentId.value ?? '',
      period: scope.value?.period ?? 'MONTH',
      campaignId: scope.value?.campaignId ?? null,
    })),
    pause: computed(() => !departmentId.value || scope.value === null),
    requestPolicy: policy,
  });
  return {
    standing: computed<DepartmentStanding | null>(() => query.data.value?.departmentStanding ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}
