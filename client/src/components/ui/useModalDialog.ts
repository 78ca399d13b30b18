import { nextTick, ref, watch } from 'vue';

export interface ModalDialogOptions {
  /** Whether the parent wants the dialog open (usually a prop). */
  open: () => boolean;
  /** Asks the parent to close it (usually `emit('close')`). */
  requestClose: () => void;
  /** Resets the dialog's own state just before it shows. */
  onOpen?: () => void;
  /** The element to focus once it shows (default: the browser's choice). */
  focus?: () => HTMLElement | null | undefined;
  /** Whether closing gives focus back to the opener (default yes; no when the opener is gone). */
  restoreFocus?: () => boolean;
}

/**
 * The wiring of a native `<dialog>` driven by an `open` prop: `showModal()` when it opens
 * (remembering what had focus), `close()` when it closes; Esc, a close button or a click on the
 * backdrop ask the parent to close it, and focus goes back to where it was.
 * Bind `ref="dialog"`, `@close="onClose"` and `@click="onBackdrop"` on the `<dialog>`.
 */
export function useModalDialog(options: ModalDialogOptions) {
  const dialog = ref<HTMLDialogElement | null>(null);
  let opener: HTMLElement | null = null;

  watch(
    options.open,
    (open) => {
      const el = dialog.value;
      if (!el) return;
      if (open && !el.open) {
        opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        options.onOpen?.();
        el.showModal?.();
        // Without showModal (old browsers, test DOMs) it still shows, though not as a modal.
        if (!el.open) el.setAttribute('open', '');
        if (options.focus) void nextTick(() => options.focus?.()?.focus());
      } else if (!open && el.open) {
        if (el.close) el.close();
        else el.removeAttribute('open');
      }
    },
    { flush: 'post' },
  );

  function onClose() {
    if (options.open()) options.requestClose();
    if (options.restoreFocus?.() ?? true) void nextTick(() => opener?.focus());
  }
  function onBackdrop(event: MouseEvent) {
    if (event.target === dialog.value) dialog.value?.close();
  }
  /** Closes it as Esc would (the `close` event then asks the parent). */
  const close = () => {
    const el = dialog.value;
    if (el?.close) el.close();
    else onClose();
  };

  return { dialog, onClose, onBackdrop, close };
}
