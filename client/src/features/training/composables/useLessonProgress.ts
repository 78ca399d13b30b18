import { useMutation } from '@urql/vue';
import { ref } from 'vue';
import {
  CompleteLessonDocument,
  SaveLessonStateDocument,
  StartLessonDocument,
  type CompleteLessonInput,
  type CompleteLessonMutation,
  type LessonProgressFieldsFragment,
  type LessonStateInput,
} from '@/api/graphql';
import { toProblem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';

export type LessonProgress = LessonProgressFieldsFragment;
export type LessonCompletion = CompleteLessonMutation['completeLesson'];
/** The part of the completion input that belongs to one lesson kind. */
export type CompletionPart = Omit<CompleteLessonInput, 'enrolmentId' | 'lessonId'>;

/**
 * The server's record of a learner in one lesson: opening it (the server clock starts there),
 * saving where they are as they go, and completing it.
 */
export function useLessonProgress(enrolmentId: () => string, lessonId: () => string) {
  const start = useMutation(StartLessonDocument);
  const save = useMutation(SaveLessonStateDocument);
  const complete = useMutation(CompleteLessonDocument);
  /** The last save failed (shown as a quiet warning; the next save tries again). */
  const saveFailed = ref(false);

  async function startLesson(): Promise<MutationOutcome<LessonProgress>> {
    const r = await start.executeMutation({ enrolmentId: enrolmentId(), lessonId: lessonId() });
    return r.data ? { ok: true, data: r.data.startLesson } : { ok: false, problem: toProblem(r.error) };
  }

  async function saveState(state: LessonStateInput): Promise<boolean> {
    const r = await save.executeMutation({ enrolmentId: enrolmentId(), lessonId: lessonId(), state });
    saveFailed.value = !r.data;
    return !!r.data;
  }

  async function completeLesson(part: CompletionPart): Promise<MutationOutcome<LessonCompletion>> {
    const r = await complete.executeMutation({
      input: { enrolmentId: enrolmentId(), lessonId: lessonId(), ...part },
    });
    return r.data ? { ok: true, data: r.data.completeLesson } : { ok: false, problem: toProblem(r.error) };
  }

  return { startLesson, saveState, completeLesson, completing: complete.fetching, saveFailed };
}
