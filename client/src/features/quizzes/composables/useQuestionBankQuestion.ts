import { useMutation, useQuery } from '@urql/vue';
import { computed, type Ref } from 'vue';
import {
  QuestionBankCreateQuestionDocument,
  QuestionBankQuestionDocument,
  QuestionBankUpdateQuestionDocument,
  type QuestionInput,
} from '@/api/graphql';
import type { SavedQuestion } from '../question-bank-form';
import { bankOutcome, type BankOutcome } from '../question-bank-outcome';

/**
 * One question of the bank for the editor (nothing to load for a new one), and its saves. A save
 * of a saved question is a new version: the server keeps the old one for attempts that showed it.
 */
export function useQuestionBankQuestion(id: Ref<string | null>) {
  const query = useQuery({
    query: QuestionBankQuestionDocument,
    variables: computed(() => ({ id: id.value ?? '' })),
    pause: computed(() => id.value === null),
    // Usage counts move while nobody edits: always check.
    requestPolicy: 'cache-and-network',
  });
  // Lists and category counts elsewhere depend on questions.
  const touches = { additionalTypenames: ['Question', 'QuestionCategory'] };
  const create = useMutation(QuestionBankCreateQuestionDocument);
  const update = useMutation(QuestionBankUpdateQuestionDocument);

  return {
    question: computed<SavedQuestion | null>(() =>
      id.value === null ? null : (query.data.value?.question ?? null),
    ),
    fetching: query.fetching,
    error: query.error,
    async createQuestion(input: QuestionInput): Promise<BankOutcome<string>> {
      return bankOutcome(await create.executeMutation({ input }, touches), (d) => d.createQuestion.id);
    },
    async updateQuestion(questionId: string, input: QuestionInput): Promise<BankOutcome<SavedQuestion>> {
      return bankOutcome(
        await update.executeMutation({ id: questionId, input }, touches),
        (d) => d.updateQuestion,
      );
    },
    saving: computed(() => create.fetching.value || update.fetching.value),
  };
}
