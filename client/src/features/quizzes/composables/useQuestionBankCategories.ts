import { useMutation, useQuery } from '@urql/vue';
import { computed } from 'vue';
import {
  QuestionBankCategoriesDocument,
  QuestionBankCreateCategoryDocument,
  QuestionBankDeleteCategoryDocument,
  QuestionBankUpdateCategoryDocument,
  type QuestionCategoryInput,
} from '@/api/graphql';
import type { BankCategory } from '../question-bank-categories';
import { bankOutcome, type BankOutcome } from '../question-bank-outcome';

/**
 * Every category of the bank (a flat list; the tree is made by parentId). The counts change with
 * every question saved, archived or imported, so the list is fetched again when a Question changes.
 */
export function useQuestionBankCategories() {
  const query = useQuery({
    query: QuestionBankCategoriesDocument,
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['Question', 'QuestionCategory'] },
  });
  return {
    categories: computed<BankCategory[]>(() => query.data.value?.questionCategories ?? []),
    loaded: computed(() => query.data.value !== undefined),
    fetching: query.fetching,
    error: query.error,
  };
}

/** Creating, renaming or moving, and deleting categories. */
export function useQuestionBankCategoryEdits() {
  // deleteQuestionCategory answers with a bare id: say what it changed.
  const touches = { additionalTypenames: ['QuestionCategory'] };
  const create = useMutation(QuestionBankCreateCategoryDocument);
  const update = useMutation(QuestionBankUpdateCategoryDocument);
  const remove = useMutation(QuestionBankDeleteCategoryDocument);

  return {
    async createCategory(input: QuestionCategoryInput): Promise<BankOutcome<BankCategory>> {
      return bankOutcome(await create.executeMutation({ input }, touches), (d) => d.createQuestionCategory);
    },
    async updateCategory(id: string, input: QuestionCategoryInput): Promise<BankOutcome<BankCategory>> {
      return bankOutcome(
        await update.executeMutation({ id, input }, touches),
        (d) => d.updateQuestionCategory,
      );
    },
    async deleteCategory(id: string): Promise<BankOutcome<string>> {
      return bankOutcome(await remove.executeMutation({ id }, touches), (d) => d.deleteQuestionCategory);
    },
    saving: computed(() => create.fetching.value || update.fetching.value || remove.fetching.value),
  };
}
