import { Limits, type QuestionDifficulty, type QuestionType } from '@palma/shared';
import { useClientHandle, useMutation, type CombinedError } from '@urql/vue';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import {
  QuestionBankQuestionsDocument,
  QuestionBankSetArchivedDocument,
  type QuestionBankQuestionsQuery,
} from '@/api/graphql';
import { bankOutcome, type BankOutcome } from '../question-bank-outcome';

export type BankQuestionRow = QuestionBankQuestionsQuery['questions']['edges'][number]['node'];

/** What the list controls hold ('' = any). */
export interface QuestionListFilter {
  /** null: the whole bank. */
  categoryId: string | null;
  includeSubcategories: boolean;
  search: string;
  type: QuestionType | '';
  difficulty: QuestionDifficulty | '';
  tag: string;
  archived: boolean;
}

export function emptyQuestionListFilter(categoryId: string | null = null): QuestionListFilter {
  return {
    categoryId,
    includeSubcategories: true,
    search: '',
    type: '',
    difficulty: '',
    tag: '',
    archived: false,
  };
}

/**
 * The questions of the bank, newest first, one page more at each "Load more". The pages are
 * fetched by hand and kept here rather than in the document cache: an archived question stays in
 * place (marked, with Restore at hand) instead of the pages shifting under the author's eyes. A
 * new filter, or coming back to the page, starts again from the server.
 */
export function useQuestionBankList(
  filter: Ref<QuestionListFilter>,
  pageSize: number = Limits.pageSizeDefault,
) {
  const { client } = useClientHandle();
  const archive = useMutation(QuestionBankSetArchivedDocument);

  const rows = ref<BankQuestionRow[]>([]);
  const totalCount = ref(0);
  const endCursor = ref<string | null>(null);
  const hasNext = ref(false);
  const fetching = ref(false);
  const loaded = ref(false);
  const error = shallowRef<CombinedError | null>(null);
  // Answers to an older filter arrive late sometimes; only the newest request may write.
  let generation = 0;

  const variables = computed(() => {
    const f = filter.value;
    return {
      categoryId: f.categoryId,
      includeSubcategories: f.includeSubcategories,
      search: f.search.trim() || null,
      type: f.type || null,
      difficulty: f.difficulty || null,
      tag: f.tag.trim() || null,
      archived: f.archived,
    };
  });

  async function fetchPage(after: string | null): Promise<void> {
    const mine = ++generation;
    fetching.value = true;
    error.value = null;
    const result = await client
      .query(
        QuestionBankQuestionsDocument,
        { filter: variables.value, first: pageSize, after },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (mine !== generation) return;
    fetching.value = false;
    const connection = result.data?.questions;
    if (!connection) {
      error.value = result.error ?? null;
      return;
    }
    const known = new Set(after === null ? [] : rows.value.map((r) => r.id));
    const page = connection.edges.map((e) => e.node).filter((node) => !known.has(node.id));
    rows.value = after === null ? page : [...rows.value, ...page];
    totalCount.value = connection.totalCount;
    endCursor.value = connection.pageInfo.endCursor;
    hasNext.value = connection.pageInfo.hasNextPage;
    loaded.value = true;
  }

  function reload(): Promise<void> {
    return fetchPage(null);
  }

  function loadMore(): Promise<void> {
    if (fetching.value || !hasNext.value || !endCursor.value) return Promise.resolve();
    return fetchPage(endCursor.value);
  }

  watch(
    () => JSON.stringify(variables.value),
    () => void reload(),
    { immediate: true },
  );

  /** Archives or restores one question; the row stays and shows its new state. */
  async function setArchived(id: string, archived: boolean): Promise<BankOutcome<boolean>> {
    const outcome = bankOutcome(
      await archive.executeMutation({ id, archived }, { additionalTypenames: ['Question'] }),
      (d) => d.setQuestionArchived,
    );
    if (outcome.ok) {
      const saved = outcome.data;
      rows.value = rows.value.map((r) => (r.id === id ? { ...r, ...saved } : r));
      return { ok: true, data: saved.archived };
    }
    return outcome;
  }

  return {
    rows,
    totalCount,
    hasNext,
    fetching,
    loaded,
    error,
    reload,
    loadMore,
    setArchived,
    archiving: archive.fetching,
  };
}
