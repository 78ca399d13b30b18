import { onBeforeUnmount, onMounted, readonly, ref, type Ref } from 'vue';
import { createFrameReader, type FrameReader } from '../check-in-detector';

/**
 * Where the camera stands: off, asking for it, reading, or why it cannot (the person refused the
 * camera, the page is not secure or the device has none, something else went wrong).
 */
export type ScannerState = 'off' | 'starting' | 'on' | 'denied' | 'unavailable' | 'failed';

/** Frames are read this often: quick enough for a queue, gentle on a phone's battery. */
export const SCAN_INTERVAL_MS = 180;

/**
 * The door phone's camera as a QR reader: the back camera into `video`, a frame read every
 * SCAN_INTERVAL_MS, each text found handed to `onRead` (which decides what is new). The camera is
 * released when the page is hidden or left, and taken again when the page comes back.
 */
export function useCheckInScanner(video: Ref<HTMLVideoElement | null>, onRead: (text: string) => void) {
  const state = ref<ScannerState>('off');
  const engine = ref<'native' | 'jsqr' | null>(null);
  let stream: MediaStream | null = null;
  let reader: FrameReader | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The person wants the camera on (it is turned back on when the page is shown again). */
  let wanted = false;
  let generation = 0;

  function release() {
    generation += 1;
    clearTimeout(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    if (video.value) video.value.srcObject = null;
  }

  async function tick(mine: number) {
    if (mine !== generation) return;
    const el = video.value;
    if (el && reader && el.readyState >= 2) {
      try {
        const text = await reader(el);
        if (text && mine === generation) onRead(text);
      } catch {
        // A frame that cannot be read (the camera just stopped, a decoder hiccup): try the next.
      }
    }
    if (mine === generation) timer = setTimeout(() => void tick(mine), SCAN_INTERVAL_MS);
  }

  async function start() {
    wanted = true;
    if (state.value === 'starting' || state.value === 'on') return;
    if (!navigator.mediaDevices?.getUserMedia) {
      state.value = 'unavailable';
      return;
    }
    release();
    const mine = generation;
    state.value = 'starting';
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      if (mine !== generation || !wanted) {
        media.getTracks().forEach((track) => track.stop());
        return;
      }
      stream = media;
      reader ??= await createFrameReader().then((r) => {
        engine.value = r.kind;
        return r.read;
      });
      const el = video.value;
      if (!el || mine !== generation) return release();
      el.srcObject = media;
      el.muted = true;
      el.playsInline = true;
      await el.play().catch(() => undefined);
      state.value = 'on';
      void tick(mine);
    } catch (error) {
      release();
      const name = error instanceof DOMException ? error.name : '';
      state.value =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? 'denied'
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? 'unavailable'
            : 'failed';
    }
  }

  function stop() {
    wanted = false;
    release();
    state.value = 'off';
  }

  function onVisibility() {
    if (document.hidden) {
      if (state.value === 'on' || state.value === 'starting') {
        release();
        state.value = 'off';
      }
    } else if (wanted && state.value === 'off') {
      void start();
    }
  }

  onMounted(() => document.addEventListener('visibilitychange', onVisibility));
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    wanted = false;
    release();
  });

  return { state: readonly(state), engine: readonly(engine), start, stop };
}
