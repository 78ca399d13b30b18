import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { MyEnrolmentsDocument, type MyEnrolmentsQuery } from '@/api/graphql';

export type EnrolmentSummary = MyEnrolmentsQuery['myEnrolments']['edges'][number]['node'];

/** How far a learner is in a course, for cards and the catalogue. */
export type CourseStanding =
  { kind: 'none' } | { kind: 'in-progress'; percent: number } | { kind: 'completed'; completedAt: string };

/**
 * The learner's enrolments, newest first (the hundred most recent: enough to mark the catalogue
 * and find what to continue). Always checked with the server, since learning elsewhere moves them.
 */
export function useMyEnrolments() {
  const query = useQuery({
    query: MyEnrolmentsDocument,
    variables: { first: 100 },
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Enrolment'] },
  });
  const enrolments = computed<EnrolmentSummary[]>(
    () => query.data.value?.myEnrolments.edges.map((e) => e.node) ?? [],
  );

  /** The latest enrolment per course (the list is newest first). */
  const latestByCourse = computed(() => {
    const map = new Map<string, EnrolmentSummary>();
    for (const e of enrolments.value) if (!map.has(e.courseId)) map.set(e.courseId, e);
    return map;
  });

  function standingOf(courseId: string): CourseStanding {
    const e = latestByCourse.value.get(courseId);
    if (!e) return { kind: 'none' };
    return e.completedAt
      ? { kind: 'completed', completedAt: e.completedAt }
      : { kind: 'in-progress', percent: e.progressPercent };
  }

  /** The most recently started course that is not finished yet. */
  const current = computed(() => enrolments.value.find((e) => !e.completedAt) ?? null);

  return { enrolments, current, standingOf, fetching: query.fetching, error: query.error };
}
