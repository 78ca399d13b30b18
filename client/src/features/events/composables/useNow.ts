import { onBeforeUnmount, onMounted, shallowRef } from 'vue';

/** The current time, moved on every `intervalMs` (registration windows open and close by it). */
export function useNow(intervalMs = 30_000) {
  const now = shallowRef(new Date());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    timer = setInterval(() => (now.value = new Date()), intervalMs);
  });
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
