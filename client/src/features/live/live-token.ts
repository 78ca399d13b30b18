/**
 * A player's token per game, kept on this device (`palma.live.<gameId>`): a phone that locks or
 * changes network rejoins as the same player, with its points and streak. Storage can be missing
 * or full (private browsing); then the token lives as long as the page.
 */
const PREFIX = 'palma.live.';
const memory = new Map<string, string>();

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): TokenStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function playerTokenKey(gameId: string): string {
  return `${PREFIX}${gameId}`;
}

export function readPlayerToken(gameId: string, store: TokenStorage | null = storage()): string | null {
  try {
    const saved = store?.getItem(playerTokenKey(gameId));
    if (saved) return saved;
  } catch {
    // Unreadable storage: fall back to this page's memory.
  }
  return memory.get(gameId) ?? null;
}

export function savePlayerToken(gameId: string, token: string, store: TokenStorage | null = storage()): void {
  memory.set(gameId, token);
  try {
    store?.setItem(playerTokenKey(gameId), token);
  } catch {
    // Full or forbidden: the copy in memory still carries this page.
  }
}

export function forgetPlayerToken(gameId: string, store: TokenStorage | null = storage()): void {
  memory.delete(gameId);
  try {
    store?.removeItem(playerTokenKey(gameId));
  } catch {
    // Nothing to do.
  }
}
