import type { LiveState } from './live-state';

/** What the host can do now; the buttons follow the game's phase. */
export interface HostActions {
  start: boolean;
  next: boolean;
  /** "Next" ends the game: the last round has been revealed. */
  nextFinishes: boolean;
  /** Golden Bell: the next round may be the revival round (once per game). */
  nextRevival: boolean;
  skip: boolean;
  pause: boolean;
  resume: boolean;
  end: boolean;
  /** Joining can be opened or closed. */
  joining: boolean;
  /** The players can be listed and removed (until the game is over). */
  players: boolean;
}

export function hostActions(
  state: Pick<LiveState, 'phase' | 'round' | 'roundCount' | 'mode' | 'revivalAvailable'> | null,
): HostActions {
  const phase = state?.phase;
  const last = !!state && state.round + 1 >= state.roundCount;
  return {
    start: phase === 'LOBBY',
    next: phase === 'REVEAL',
    nextFinishes: phase === 'REVEAL' && last,
    nextRevival: phase === 'REVEAL' && !last && state?.mode === 'GOLDEN_BELL' && state.revivalAvailable,
    skip: phase === 'LEAD_IN' || phase === 'OPEN' || phase === 'PAUSED',
    pause: phase === 'LEAD_IN' || phase === 'OPEN',
    resume: phase === 'PAUSED',
    end: !!phase && phase !== 'FINISHED',
    joining: !!phase && phase !== 'FINISHED',
    players: !!phase && phase !== 'FINISHED',
  };
}
