import { describe, expect, it } from 'vitest';
import { forgetPlayerToken, playerTokenKey, readPlayerToken, savePlayerToken } from './live-token';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('player tokens on this device', () => {
  it('keeps one token per game under palma.live.<gameId>', () => {
    const store = memoryStorage();
    savePlayerToken('g-1', 'LP1.a.b', store);
    savePlayerToken('g-2', 'LP1.c.d', store);
    expect(store.data.get(playerTokenKey('g-1'))).toBe('LP1.a.b');
    expect(playerTokenKey('g-1')).toBe('palma.live.g-1');
    expect(readPlayerToken('g-2', store)).toBe('LP1.c.d');
    forgetPlayerToken('g-1', store);
    expect(readPlayerToken('g-1', store)).toBeNull();
  });

  it('still works for the page when storage refuses to save', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    savePlayerToken('g-3', 'LP1.e.f', broken);
    expect(readPlayerToken('g-3', broken)).toBe('LP1.e.f');
  });
});
