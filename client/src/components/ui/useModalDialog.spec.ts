import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { useModalDialog } from './useModalDialog';

/** A dialog driven by `open`, with an input to focus and a close button. */
function harness(onOpen = vi.fn()) {
  const open = ref(false);
  const requestClose = vi.fn(() => (open.value = false));
  const Dialog = defineComponent({
    setup() {
      const input = ref<HTMLInputElement | null>(null);
      const { dialog, onClose, onBackdrop, close } = useModalDialog({
        open: () => open.value,
        requestClose,
        onOpen,
        focus: () => input.value,
      });
      return () =>
        h('dialog', { ref: dialog, onClose, onClick: onBackdrop }, [
          h('input', { ref: input, 'aria-label': 'search' }),
          h('button', { onClick: close }, 'close'),
        ]);
    },
  });
  const opener = document.createElement('button');
  document.body.append(opener);
  const wrapper = mount(Dialog, { attachTo: document.body });
  return { open, requestClose, onOpen, wrapper, opener };
}

describe('useModalDialog', () => {
  it('shows the dialog when opened, resets first and focuses the chosen element', async () => {
    const { open, onOpen, wrapper } = harness();
    const el = wrapper.element as HTMLDialogElement;
    const showModal = vi.fn(() => el.setAttribute('open', ''));
    el.showModal = showModal;
    open.value = true;
    await nextTick();
    await nextTick();
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(wrapper.find('input').element);
    wrapper.unmount();
  });

  it('asks the parent to close on the dialog’s close event and gives focus back to the opener', async () => {
    const { open, requestClose, wrapper, opener } = harness();
    const el = wrapper.element as HTMLDialogElement;
    el.showModal = () => el.setAttribute('open', '');
    opener.focus();
    open.value = true;
    await nextTick();
    await nextTick();
    expect(document.activeElement).not.toBe(opener);
    el.removeAttribute('open');
    el.dispatchEvent(new Event('close'));
    await nextTick();
    expect(requestClose).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(opener);
    // Closed by the parent: no second request.
    el.dispatchEvent(new Event('close'));
    expect(requestClose).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });

  it('closes on a click on the backdrop, not on a click inside', async () => {
    const { wrapper } = harness();
    const el = wrapper.element as HTMLDialogElement;
    const close = vi.fn();
    el.close = close;
    await wrapper.find('input').trigger('click');
    expect(close).not.toHaveBeenCalled();
    await wrapper.trigger('click');
    expect(close).toHaveBeenCalledTimes(1);
    wrapper.unmount();
  });
});
