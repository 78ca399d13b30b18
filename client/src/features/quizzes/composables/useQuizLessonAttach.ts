import { useMutation } from '@urql/vue';
import { QuizBuilderAttachToLessonDocument } from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

/** Puts a quiz into a quiz lesson of a course draft, or takes it out (null). */
export function useQuizLessonAttach() {
  const attach = useMutation(QuizBuilderAttachToLessonDocument);
  return {
    async attachQuiz(
      lessonId: string,
      quizId: string | null,
    ): Promise<{ ok: true } | { ok: false; problem: Problem }> {
      // The course being edited shows the lesson's quiz, and the quiz list counts its lessons.
      const result = await attach.executeMutation(
        { lessonId, quizId },
        { additionalTypenames: ['Course', 'CourseVersion', 'Lesson', 'Quiz'] },
      );
      return result.data ? { ok: true } : { ok: false, problem: toProblem(result.error) };
    },
    attaching: attach.fetching,
  };
}
