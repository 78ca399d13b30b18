import { useQuery } from '@urql/vue';
import { computed, ref } from 'vue';
import { MyXpHistoryDocument, type MyXpHistoryQuery } from '@/api/graphql';

export type XpEntry = MyXpHistoryQuery['myCredits']['edges'][number]['node'];

export const XP_HISTORY_PAGE = 10;

/** The viewer's credit ledger, newest first, a page at a time ("More"). */
export function useXpHistory(pageSize = XP_HISTORY_PAGE) {
  const after = ref<string | null>(null);
  /** Entries of the pages loaded before the current one. */
  const earlier = ref<XpEntry[]>([]);
  const query = useQuery({
    query: MyXpHistoryDocument,
    variables: computed(() => ({ first: pageSize, after: after.value })),
    requestPolicy: 'cache-and-network',
    context: { additionalTypenames: ['CreditEntry'] },
  });
  const connection = computed(() => query.data.value?.myCredits ?? null);
  const entries = computed<XpEntry[]>(() => {
    const seen = new Set(earlier.value.map((e) => e.id));
    return [
      ...earlier.value,
      ...(connection.value?.edges.map((e) => e.node) ?? []).filter((e) => !seen.has(e.id)),
    ];
  });
  const hasMore = computed(() => connection.value?.pageInfo.hasNextPage ?? false);

  return {
    entries,
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    hasMore,
    loaded: computed(() => connection.value !== null),
    fetching: query.fetching,
    error: query.error,
    more() {
      const end = connection.value?.pageInfo.endCursor;
      if (query.fetching.value || !hasMore.value || !end) return;
      earlier.value = entries.value;
      after.value = end;
    },
  };
}
