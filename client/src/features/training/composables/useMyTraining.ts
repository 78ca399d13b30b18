import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { MyTrainingDocument, type TrainingAssignmentFieldsFragment } from '@/api/graphql';

export type TrainingAssignment = TrainingAssignmentFieldsFragment;

/** The viewer's mandatory training and credit totals (refreshed on every visit: learning moves them). */
export function useMyTraining() {
  const query = useQuery({
    query: MyTrainingDocument,
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['TrainingAssignment'] },
  });
  return {
    assignments: computed<TrainingAssignment[]>(() => query.data.value?.myTraining ?? []),
    credits: computed(() => query.data.value?.myCreditSummary ?? null),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}
