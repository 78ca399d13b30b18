import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  EnrolInCourseDocument,
  LearnerCourseDocument,
  LearnerEnrolmentDocument,
  type EnrolmentStandingFragment,
  type LearnerCourseOutlineFragment,
  type LearnerCourseQuery,
  type LearnerEnrolmentQuery,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type LearnerCourseOutline = LearnerCourseOutlineFragment;
export type LearnerEnrolment = NonNullable<LearnerCourseQuery['myEnrolment']>;
/** An enrolment with the full content of the version it takes (the player's). */
export type PlayerEnrolment = NonNullable<LearnerEnrolmentQuery['myEnrolment']>;

/** Enrols the viewer (idempotent: an unfinished enrolment is returned as it is). */
function useEnrol(courseId: Ref<string>, after: () => PromiseLike<unknown>) {
  const mutation = useMutation(EnrolInCourseDocument);
  async function enrol(): Promise<MutationOutcome<EnrolmentStandingFragment>> {
    const r = await mutation.executeMutation(
      { courseId: courseId.value },
      { additionalTypenames: ['Enrolment'] },
    );
    if (!r.data) return { ok: false, problem: toProblem(r.error) };
    // The enrolment query may have been empty before: fetch it with its version now.
    await after();
    return { ok: true, data: r.data.enrolInCourse };
  }
  return { enrol, enrolling: mutation.fetching };
}

/**
 * One course as a learner sees it: the published version, and their latest enrolment with the
 * version they take (which stays theirs until they finish, even after a newer one is published).
 */
export function useLearnerCourse(courseId: Ref<string>) {
  const query = useQuery({
    query: LearnerCourseDocument,
    variables: computed(() => ({ id: courseId.value })),
    // Progress made elsewhere (another device, the player) must show here.
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Enrolment'] },
  });
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const { enrol, enrolling } = useEnrol(courseId, refetch);

  const published = computed<LearnerCourseOutline | null>(() => query.data.value?.course.published ?? null);
  const enrolment = computed<LearnerEnrolment | null>(() => query.data.value?.myEnrolment ?? null);
  /** What the learner sees: the version they take, else the one they would start. */
  const version = computed<LearnerCourseOutline | null>(() => enrolment.value?.version ?? published.value);

  return {
    published,
    enrolment,
    version,
    enrol,
    enrolling,
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}

/** The player's view of a course: the learner's enrolment with every lesson's content. */
export function useLearnerEnrolment(courseId: Ref<string>) {
  const query = useQuery({
    query: LearnerEnrolmentDocument,
    variables: computed(() => ({ courseId: courseId.value })),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Enrolment'] },
  });
  const refetch = () => query.executeQuery({ requestPolicy: 'network-only' });
  const { enrol, enrolling } = useEnrol(courseId, refetch);
  return {
    enrolment: computed<PlayerEnrolment | null>(() => query.data.value?.myEnrolment ?? null),
    enrol,
    enrolling,
    /** For progress the server made on its own (a passed quiz completes its lesson). */
    refetch,
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}
