import { describe, expect, it } from 'vitest';
import en from './locales/event-admin.en.json';
import ko from './locales/event-admin.ko.json';

/** Every message as path → text. */
function entries(messages: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]): [string, string][] =>
    typeof value === 'object' && value !== null
      ? entries(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, String(value)]],
  );
}
const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

describe('event-admin messages', () => {
  it('have the same keys in Korean and English', () => {
    expect(
      entries(en)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      entries(ko)
        .map(([k]) => k)
        .sort(),
    );
  });

  it('use the same placeholders in both languages', () => {
    const english = new Map(entries(en));
    for (const [key, text] of entries(ko))
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('define the titles the router shows', () => {
    for (const messages of [ko, en]) expect(messages.title).toBeTruthy();
  });
});
