import { useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import { AuthorCourseDocument } from '@/api/graphql';
import type { AuthoredCourse, AuthoredVersion } from '../authored-course';

/** One course for its authors: the draft (if any), the published version and the history. */
export function useAuthorCourse(id: Ref<string>) {
  const query = useQuery({
    query: AuthorCourseDocument,
    variables: computed(() => ({ id: id.value })),
    context: { additionalTypenames: ['Course', 'CourseVersion'] },
  });

  const course = computed<AuthoredCourse | null>(() => query.data.value?.course ?? null);
  const draft = computed<AuthoredVersion | null>(() => course.value?.draft ?? null);
  const published = computed<AuthoredVersion | null>(() => course.value?.published ?? null);

  return {
    course,
    draft,
    published,
    /** What the editor shows: the draft being edited, else the version learners take. */
    shown: computed<AuthoredVersion | null>(() => draft.value ?? published.value),
    versions: computed(() => course.value?.versions ?? []),
    fetching: query.fetching,
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}
