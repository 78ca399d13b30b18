import { onBeforeUnmount, onMounted, ref } from 'vue';

const TICK_MS = 250;

/**
 * The time left until a deadline set by the server, on the server's clock: the device's clock plus
 * the offset measured when the attempt was read (a phone set five minutes fast must not end the
 * quiz early). Recomputed from the clock at every tick, so a throttled background tab catches up.
 */
export function useQuizCountdown(deadlineAt: string, clockOffsetMs: number, onZero: () => void) {
  const deadline = Date.parse(deadlineAt);
  const remainingMs = ref(Math.max(0, deadline - (Date.now() + clockOffsetMs)));
  let timer: ReturnType<typeof setInterval> | undefined;
  let done = false;

  function tick() {
    remainingMs.value = Math.max(0, deadline - (Date.now() + clockOffsetMs));
    if (remainingMs.value === 0 && !done) {
      done = true;
      clearInterval(timer);
      onZero();
    }
  }
  const onVisible = () => {
    if (document.visibilityState === 'visible') tick();
  };

  onMounted(() => {
    timer = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisible);
    tick();
  });
  onBeforeUnmount(() => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  });

  return { remainingMs };
}
