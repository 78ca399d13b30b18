import { nextTick } from 'vue';

/**
 * After a row moved, keeps the keyboard on it: the same move button in its new place, or the other
 * one when it reached an end. Rows are marked `data-row="<key>"`, buttons `data-move="up|down"`.
 */
export async function focusMovedRow(root: HTMLElement | null, key: string, by: -1 | 1): Promise<void> {
  await nextTick();
  const row = root?.querySelector<HTMLElement>(`[data-row="${CSS.escape(key)}"]`);
  const same = row?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'up' : 'down'}"]`);
  const other = row?.querySelector<HTMLButtonElement>(`[data-move="${by < 0 ? 'down' : 'up'}"]`);
  (same && !same.disabled ? same : other)?.focus();
}

/** After a row was added, puts the cursor in its first field. */
export async function focusRow(root: HTMLElement | null, key: string): Promise<void> {
  await nextTick();
  root
    ?.querySelector<HTMLElement>(
      `[data-row="${CSS.escape(key)}"] input, [data-row="${CSS.escape(key)}"] textarea`,
    )
    ?.focus();
}
