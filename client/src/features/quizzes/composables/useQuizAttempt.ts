import { ErrorCode } from '@palma/shared';
import { useClientHandle, useMutation } from '@urql/vue';
import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import {
  CheckQuizAnswerDocument,
  PlayerQuizAttemptDocument,
  SaveQuizAnswerDocument,
  StartQuizAttemptDocument,
  SubmitQuizAttemptDocument,
  type AttemptQuestionFieldsFragment,
  type QuizAttemptFieldsFragment,
} from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';
import type { MutationOutcome } from '@/features/org/composables/useDepartments';
import type { AnswerValue } from '../question-view';
import { answerFields, answerFromStored, isAnswered, sameAnswer, savesAsYouType } from '../quiz-answers';

export type PlayerAttempt = QuizAttemptFieldsFragment;
export type PlayerAttemptQuestion = AttemptQuestionFieldsFragment;

/** Typing settles this long before an answer is saved; a click saves at once. */
export const SAVE_DELAY_MS = 600;

/** Where one question's answer stands: typed but not sent yet, on its way, on the server, or not. */
export type SaveState = 'pending' | 'saving' | 'saved' | 'failed';
/** All answers together, for the one indicator the learner sees. */
export type SaveStatus = 'idle' | SaveState;

/** An attempt the server closed under the learner (time ran out, or it was submitted elsewhere). */
export function closesAttempt(problem: Problem): boolean {
  return problem.code === ErrorCode.ATTEMPT_EXPIRED || problem.code === ErrorCode.ATTEMPT_FINISHED;
}

/** Opening attempts: a new one (or the one in progress), or any of the learner's by id. */
export function useQuizAttemptLoader() {
  const { client } = useClientHandle();
  const start = useMutation(StartQuizAttemptDocument);
  const loading = ref(false);

  async function startAttempt(
    enrolmentId: string,
    lessonId: string,
  ): Promise<MutationOutcome<PlayerAttempt>> {
    const r = await start.executeMutation({ enrolmentId, lessonId });
    return r.data ? { ok: true, data: r.data.startQuizAttempt } : { ok: false, problem: toProblem(r.error) };
  }

  /** Always from the server: reading an attempt past its deadline closes and grades it there. */
  async function fetchAttempt(id: string): Promise<MutationOutcome<PlayerAttempt>> {
    loading.value = true;
    try {
      const r = await client
        .query(PlayerQuizAttemptDocument, { id }, { requestPolicy: 'network-only' })
        .toPromise();
      return r.data ? { ok: true, data: r.data.quizAttempt } : { ok: false, problem: toProblem(r.error) };
    } finally {
      loading.value = false;
    }
  }

  return { startAttempt, fetchAttempt, starting: start.fetching, loading };
}

export type SubmitOutcome =
  | { kind: 'submitted'; attempt: PlayerAttempt }
  /** The server had closed it already (deadline, another tab): load it to show the result. */
  | { kind: 'closed'; problem: Problem }
  /** Some answers could not be saved: the learner should retry before submitting. */
  | { kind: 'unsaved' }
  | { kind: 'problem'; problem: Problem };

/**
 * One attempt being taken. The answers live here, not in the document cache: they change at every
 * key press and are saved behind the learner's back — a click at once, typing once it settles,
 * one save per question at a time with the newest answer last. The server's clock is read once,
 * as an offset, so the countdown does not depend on the device's clock being right.
 */
export function useQuizAttempt(initial: PlayerAttempt, onClosed: (problem: Problem) => void) {
  const save = useMutation(SaveQuizAnswerDocument);
  const check = useMutation(CheckQuizAnswerDocument);
  const submitting = useMutation(SubmitQuizAttemptDocument);

  const attempt = shallowRef<PlayerAttempt>(initial);
  const attemptId = initial.id;
  const answers = ref<Record<string, AnswerValue | null>>(
    Object.fromEntries(initial.questions.map((q) => [q.id, answerFromStored(q.type, q.answer)])),
  );
  const saveStates = ref<Record<string, SaveState>>({});
  /** Why the last save failed (a translated message is made from it). */
  const saveProblem = shallowRef<Problem | null>(null);
  const checking = ref<string | null>(null);
  /** The server's clock minus the device's, when the attempt was read. */
  const clockOffsetMs = Date.parse(initial.serverNow) - Date.now();

  const questionById = computed(() => new Map(attempt.value.questions.map((q) => [q.id, q])));
  const answeredIds = computed(
    () =>
      new Set(
        attempt.value.questions.filter((q) => isAnswered(q.type, answers.value[q.id])).map((q) => q.id),
      ),
  );
  const status = computed<SaveStatus>(() => {
    const states = Object.values(saveStates.value);
    if (states.includes('failed')) return 'failed';
    if (states.includes('saving')) return 'saving';
    if (states.includes('pending')) return 'pending';
    return states.includes('saved') ? 'saved' : 'idle';
  });

  const dirty = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const chains = new Map<string, Promise<boolean>>();
  let closed = false;

  function close(problem: Problem) {
    if (closed) return;
    closed = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    onClosed(problem);
  }

  function setAnswer(questionId: string, value: AnswerValue | null) {
    const question = questionById.value.get(questionId);
    if (!question || question.checked || closed) return;
    const before = answers.value[questionId] ?? null;
    answers.value[questionId] = value;
    if (sameAnswer(question.type, before, value) && !dirty.has(questionId)) return;
    dirty.add(questionId);
    clearTimeout(timers.get(questionId));
    saveStates.value[questionId] = 'pending';
    if (savesAsYouType(question.type)) {
      timers.set(
        questionId,
        setTimeout(() => void send(questionId), SAVE_DELAY_MS),
      );
    } else {
      void send(questionId);
    }
  }

  /** Queues a save of the question's current answer behind any save already under way. */
  function send(questionId: string): Promise<boolean> {
    clearTimeout(timers.get(questionId));
    timers.delete(questionId);
    const previous = chains.get(questionId) ?? Promise.resolve(true);
    const next = previous.then(() => sendNow(questionId));
    chains.set(questionId, next);
    return next;
  }

  async function sendNow(questionId: string): Promise<boolean> {
    if (!dirty.has(questionId)) return saveStates.value[questionId] !== 'failed';
    if (closed) return false;
    const question = questionById.value.get(questionId)!;
    dirty.delete(questionId);
    saveStates.value[questionId] = 'saving';
    const r = await save.executeMutation({
      input: {
        attemptId,
        attemptQuestionId: questionId,
        ...answerFields(question.type, answers.value[questionId]),
      },
    });
    if (r.data) {
      // A newer answer typed meanwhile is still to be sent.
      saveStates.value[questionId] = dirty.has(questionId) ? 'pending' : 'saved';
      if (!Object.values(saveStates.value).includes('failed')) saveProblem.value = null;
      return true;
    }
    const problem = toProblem(r.error);
    if (closesAttempt(problem)) {
      close(problem);
      return false;
    }
    dirty.add(questionId);
    saveStates.value[questionId] = 'failed';
    saveProblem.value = problem;
    return false;
  }

  /** Sends every answer not on the server yet; true when all of them are. */
  async function flush(): Promise<boolean> {
    const ids = new Set([...dirty, ...timers.keys()]);
    const results = await Promise.all([...ids].map((id) => send(id)));
    return results.every(Boolean) && !Object.values(saveStates.value).includes('failed');
  }

  /** Tries the failed saves again (the button beside "저장 실패", and coming back online). */
  function retry() {
    for (const [id, state] of Object.entries(saveStates.value)) {
      if (state === 'failed') {
        dirty.add(id);
        void send(id);
      }
    }
  }

  function replaceQuestion(updated: Partial<PlayerAttemptQuestion> & { id: string }) {
    attempt.value = {
      ...attempt.value,
      questions: attempt.value.questions.map((q) => (q.id === updated.id ? { ...q, ...updated } : q)),
    };
  }

  /** Immediate feedback: saves the answer, then has it graded — and locked — by the server. */
  async function checkAnswer(questionId: string): Promise<Problem | null> {
    const question = questionById.value.get(questionId);
    if (!question || question.checked || closed) return null;
    checking.value = questionId;
    try {
      if (!(await send(questionId))) return closed ? null : (saveProblem.value ?? toProblem(null));
      const r = await check.executeMutation({ attemptId, attemptQuestionId: questionId });
      if (!r.data) {
        const problem = toProblem(r.error);
        if (closesAttempt(problem)) {
          close(problem);
          return null;
        }
        return problem;
      }
      const checked = r.data.checkQuizAnswer;
      replaceQuestion({
        id: checked.id,
        checked: checked.checked,
        answer: checked.answer,
        review: checked.review,
      });
      answers.value[questionId] = answerFromStored(question.type, checked.answer);
      return null;
    } finally {
      checking.value = null;
    }
  }

  /**
   * Saves what is left and submits. When the time is up (`auto`) it submits whatever the server
   * has: the server decides, and closes the attempt with the saved answers anyway.
   */
  async function submit(auto = false): Promise<SubmitOutcome> {
    if (closed) return { kind: 'closed', problem: toProblem(null) };
    const saved = await flush();
    if (closed) return { kind: 'closed', problem: toProblem(null) };
    if (!saved && !auto) return { kind: 'unsaved' };
    const r = await submitting.executeMutation({ attemptId });
    if (r.data) {
      closed = true;
      return { kind: 'submitted', attempt: r.data.submitQuizAttempt };
    }
    const problem = toProblem(r.error);
    if (closesAttempt(problem)) {
      closed = true;
      return { kind: 'closed', problem };
    }
    return { kind: 'problem', problem };
  }

  /* Unsaved answers: warn before the page goes, save on leaving the player, retry once online. */
  function onBeforeUnload(event: BeforeUnloadEvent) {
    if (!closed && (dirty.size > 0 || status.value === 'failed')) event.preventDefault();
  }
  const onOnline = () => retry();
  onMounted(() => {
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('online', onOnline);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('online', onOnline);
    if (!closed) void flush();
  });

  return {
    attempt,
    answers,
    answeredIds,
    saveStates,
    status,
    saveProblem,
    checking,
    submitting: submitting.fetching,
    clockOffsetMs,
    setAnswer,
    flush,
    retry,
    checkAnswer,
    submit,
  };
}

export type QuizAttemptSession = ReturnType<typeof useQuizAttempt>;
