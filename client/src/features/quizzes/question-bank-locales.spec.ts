import { describe, expect, it } from 'vitest';
import en from './locales/bank.en.json';
import ko from './locales/bank.ko.json';

function keys(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('question bank messages', () => {
  it('have the same keys in Korean and English', () => {
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });

  it('define the titles the router shows', () => {
    for (const messages of [ko, en]) {
      expect(messages.title).toBeTruthy();
      expect(messages.import.title).toBeTruthy();
      expect(messages.editor.title).toBeTruthy();
    }
  });
});
