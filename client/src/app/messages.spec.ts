import { describe, expect, it } from 'vitest';
import { messages } from './i18n';
import { routes } from './router';

/** Every message as path → text. */
function entries(tree: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'object' && value !== null
      ? entries(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, String(value)]],
  );
}
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const ko = new Map(entries(messages.ko));
const en = new Map(entries(messages.en));

describe('messages (all features, both languages)', () => {
  it('have the same keys in Korean and English', () => {
    expect([...en.keys()].sort()).toEqual([...ko.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of ko) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('give every page a title in both languages', () => {
    const titles = routes.flatMap((r) => (r.meta?.title ? [r.meta.title] : []));
    expect(titles.length).toBeGreaterThan(10);
    for (const key of titles) {
      expect(ko.get(key), key).toBeTruthy();
      expect(en.get(key), key).toBeTruthy();
    }
  });
});
