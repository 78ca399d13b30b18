import { useMutation, useQuery, useSubscription } from '@urql/vue';
import { computed, ref } from 'vue';
import {
  MarkNotificationsReadDocument,
  MyNotificationsDocument,
  NotificationAddedDocument,
  UnreadNotificationCountDocument,
  type NotificationFieldsFragment,
} from '@/api/graphql';

export type AppNotification = NotificationFieldsFragment;

/** How many notifications the bell lists. */
export const LATEST_NOTIFICATIONS = 10;

/**
 * The signed-in person's notifications: the unread count (kept fresh by the notificationAdded
 * subscription), the latest few (loaded when the panel first opens) and marking them read.
 */
export function useNotifications() {
  const countQuery = useQuery({ query: UnreadNotificationCountDocument, requestPolicy: 'cache-and-network' });
  const listWanted = ref(false);
  const listQuery = useQuery({
    query: MyNotificationsDocument,
    variables: { first: LATEST_NOTIFICATIONS },
    pause: computed(() => !listWanted.value),
    requestPolicy: 'network-only',
  });
  const mark = useMutation(MarkNotificationsReadDocument);

  const unreadCount = computed(() => countQuery.data.value?.unreadNotificationCount ?? 0);
  const notifications = computed<AppNotification[]>(
    () => listQuery.data.value?.myNotifications.edges.map((e) => e.node) ?? [],
  );

  function refreshCount() {
    void countQuery.executeQuery({ requestPolicy: 'network-only' });
  }
  /** Loads the latest notifications afresh (on opening the panel). */
  function refresh() {
    refreshCount();
    if (listWanted.value) void listQuery.executeQuery({ requestPolicy: 'network-only' });
    else listWanted.value = true;
  }

  useSubscription({ query: NotificationAddedDocument }, () => {
    refreshCount();
    if (listWanted.value) void listQuery.executeQuery({ requestPolicy: 'network-only' });
    return undefined;
  });

  /** Marks the given notifications read (all of them when ids is null). */
  async function markRead(ids: string[] | null): Promise<boolean> {
    const r = await mark.executeMutation({ ids }, { additionalTypenames: ['Notification'] });
    refreshCount();
    if (listWanted.value) void listQuery.executeQuery({ requestPolicy: 'network-only' });
    return !r.error;
  }

  return {
    unreadCount,
    notifications,
    loaded: computed(() => listQuery.data.value !== undefined),
    error: computed(() => listQuery.error.value ?? null),
    marking: mark.fetching,
    refresh,
    markRead,
  };
}
