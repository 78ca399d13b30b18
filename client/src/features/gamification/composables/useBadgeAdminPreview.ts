import { useQuery } from '@urql/vue';
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { BadgeAdminPreviewDocument, type BadgeAdminPreviewQuery } from '@/api/graphql';
import { toProblem, type Problem } from '@/app/errors';

export type BadgePreview = BadgeAdminPreviewQuery['badgePreview'];

/** How long the criteria must stay unchanged before the preview asks the server. */
export const PREVIEW_DEBOUNCE_MS = 800;

/**
 * "Who would qualify": asked a moment after the criteria stop changing, or at once with `check`.
 * `criteria` is the JSON to send, or null while the tree is invalid (nothing is asked then).
 * `badgeId` is the badge being edited (null for a new one), so that the server checks the
 * criteria as saving will (a badge requiring itself through others is refused).
 */
export function useBadgeAdminPreview(
  criteria: Readonly<Ref<string | null>>,
  badgeId: Readonly<Ref<string | null>> = ref(null),
) {
  const settled = ref<string | null>(criteria.value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watch(criteria, (value) => {
    clearTimeout(timer);
    if (value === null) {
      settled.value = null;
      return;
    }
    timer = setTimeout(() => (settled.value = value), PREVIEW_DEBOUNCE_MS);
  });
  onBeforeUnmount(() => clearTimeout(timer));

  const query = useQuery({
    query: BadgeAdminPreviewDocument,
    variables: computed(() => ({ criteria: settled.value ?? '', badgeId: badgeId.value })),
    pause: computed(() => settled.value === null),
    // People's achievements change all the time: never trust an old answer.
    requestPolicy: 'network-only',
  });

  return {
    preview: computed<BadgePreview | null>(() =>
      settled.value !== null && !query.error.value ? (query.data.value?.badgePreview ?? null) : null,
    ),
    /** True while the shown answer belongs to other criteria than the current ones. */
    stale: computed(() => criteria.value !== settled.value),
    fetching: query.fetching,
    problem: computed<Problem | null>(() =>
      settled.value !== null && query.error.value ? toProblem(query.error.value) : null,
    ),
    check() {
      clearTimeout(timer);
      if (criteria.value === null) return;
      if (settled.value === criteria.value) void query.executeQuery({ requestPolicy: 'network-only' });
      else settled.value = criteria.value;
    },
  };
}
