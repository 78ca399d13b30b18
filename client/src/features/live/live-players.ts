import { LiveLimits } from '@palma/shared';
import type { LiveGamePlayersQuery, LiveMode } from '@/api/graphql';

/** A player as the host's list shows them (with the id to remove them). */
export type LiveHostPlayer = LiveGamePlayersQuery['liveGamePlayers'][number];

/** The server lists at most this many players; beyond it the host narrows by name. */
export const PLAYER_LIST_MAX = 200;

/** What the host typed, as the server searches it: trimmed and no longer than a nickname. */
export function playerSearchTerm(text: string): string {
  return text.trim().slice(0, LiveLimits.nicknameMax);
}

/**
 * The server's list with the players removed since it was fetched marked as removed. Removed
 * players go last (as the server orders them), each group keeping its order (newest first).
 */
export function withRemoved(
  players: readonly LiveHostPlayer[],
  removed: ReadonlySet<string>,
): LiveHostPlayer[] {
  const marked = players.map((p) => (!p.kicked && removed.has(p.id) ? { ...p, kicked: true } : p));
  return [...marked.filter((p) => !p.kicked), ...marked.filter((p) => p.kicked)];
}

export type PlayerStatus = 'removed' | 'out' | 'playing';

/** Where a player stands: removed by the host, out of a Golden Bell, or still playing. */
export function playerStatus(
  player: Pick<LiveHostPlayer, 'id' | 'kicked' | 'alive'>,
  mode: LiveMode,
  removed: ReadonlySet<string>,
): PlayerStatus {
  if (player.kicked || removed.has(player.id)) return 'removed';
  if (mode === 'GOLDEN_BELL' && !player.alive) return 'out';
  return 'playing';
}
