import type { LivePlayer, LiveState } from './live-state';

/** Which screen a player's phone shows. */
export type PlayerScreen =
  'connecting' | 'kicked' | 'lobby' | 'leadIn' | 'open' | 'answered' | 'paused' | 'reveal' | 'finished';

/**
 * Whether the player's answer to the current round is in: this phone's own receipt, or — after a
 * reconnect — what the server says (`me.answeredRound`).
 */
export function hasAnswered(
  state: Pick<LiveState, 'round'>,
  me: Pick<LivePlayer, 'answeredRound'> | null,
  receivedRound: number | null,
): boolean {
  return receivedRound === state.round || me?.answeredRound === state.round;
}

export function playerScreen(
  state: LiveState | null,
  me: LivePlayer | null,
  receivedRound: number | null,
): PlayerScreen {
  if (me?.kicked) return 'kicked';
  if (!state) return 'connecting';
  switch (state.phase) {
    case 'LOBBY':
      return 'lobby';
    case 'LEAD_IN':
      return 'leadIn';
    case 'OPEN':
      return hasAnswered(state, me, receivedRound) ? 'answered' : 'open';
    case 'PAUSED':
      return 'paused';
    case 'REVEAL':
      return 'reveal';
    case 'FINISHED':
      return 'finished';
  }
}

/** How the round went for the player. 'pending': answered, the result is on its way. */
export type RoundVerdict = 'correct' | 'wrong' | 'missed' | 'pending';

/**
 * Golden Bell news after a round: knocked out just now, back after the revival round, or out
 * already (playing for honour).
 */
export type BellNews = 'eliminated' | 'revived' | 'out' | null;

export interface PlayerRoundResult {
  verdict: RoundVerdict;
  points: number;
  /** Golden Bell: answered while out — the answer counts for nothing but honour. */
  forHonour: boolean;
  bell: BellNews;
}

/**
 * The player's result of the round being revealed. `aliveBefore` is whether the player was still
 * standing when the round began (known when this phone saw the round start; null after a reconnect,
 * when it is worked out from the answer where possible).
 */
export function roundResult(
  state: LiveState,
  me: LivePlayer | null,
  answeredHere: boolean,
  aliveBefore: boolean | null,
): PlayerRoundResult | null {
  if (!me || !state.question) return null;
  const last = me.last && me.last.round === state.round ? me.last : null;
  const verdict: RoundVerdict = !last
    ? answeredHere
      ? 'pending'
      : 'missed'
    : !last.answered
      ? 'missed'
      : last.correct
        ? 'correct'
        : 'wrong';
  let bell: BellNews = null;
  if (state.mode === 'GOLDEN_BELL' && last) {
    if (state.question.revival) {
      if (me.alive && aliveBefore === false) bell = 'revived';
      else if (!me.alive) bell = 'out';
    } else if (!me.alive) {
      // Someone who answered while standing (not for honour) and is out now left in this round.
      const wasStanding = aliveBefore ?? (last.answered && !last.forHonour);
      bell = wasStanding ? 'eliminated' : 'out';
    }
  }
  return { verdict, points: last?.points ?? 0, forHonour: last?.forHonour ?? false, bell };
}

/** Whether the player finished on the podium. */
export function isWinner(state: Pick<LiveState, 'winners'>, me: Pick<LivePlayer, 'rank'> | null): boolean {
  return me?.rank != null && me.rank <= state.winners;
}
