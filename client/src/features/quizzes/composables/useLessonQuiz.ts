import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { PlayerLessonQuizDocument, type PlayerLessonQuizQuery } from '@/api/graphql';

export type LessonQuizStanding = PlayerLessonQuizQuery['lessonQuiz'];
export type LessonQuizInfo = LessonQuizStanding['quiz'];
export type LessonQuizAttemptSummary = LessonQuizStanding['attempts'][number];

/**
 * A quiz lesson as the learner stands in it: the quiz's rules, their attempts, grade and whether
 * the lesson is done. Always read from the server (an attempt may have been closed at its deadline
 * meanwhile); starting or submitting an attempt refreshes it through the document cache.
 */
export function useLessonQuiz(enrolmentId: () => string, lessonId: () => string) {
  const query = useQuery({
    query: PlayerLessonQuizDocument,
    variables: computed(() => ({ enrolmentId: enrolmentId(), lessonId: lessonId() })),
    requestPolicy: 'network-only',
    // Before the first attempt the result holds no QuizAttempt for the cache to notice.
    context: { additionalTypenames: ['QuizAttempt'] },
  });
  return {
    standing: computed<LessonQuizStanding | null>(() => query.data.value?.lessonQuiz ?? null),
    /** The learner's credit totals, read with the standing. */
    credits: computed(() => query.data.value?.myCreditSummary ?? null),
    fetching: query.fetching,
    error: query.error,
    refetch: () => query.executeQuery({ requestPolicy: 'network-only' }),
  };
}

/** A quiz lesson completed by an attempt just finished, and what the learner was credited for it. */
export interface QuizLessonCompletion {
  completedAt: string;
  creditedMinutes: number;
  creditedXp: number;
}
