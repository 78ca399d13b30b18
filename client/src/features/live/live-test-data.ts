import type { LivePlayer, LiveStanding, LiveState } from './live-state';

/** Test data for the live feature's specs: a game and a player, with whatever differs given. */
export function liveState(over: Partial<LiveState> = {}): LiveState {
  return {
    id: 'g-1',
    version: 1,
    serverNow: 1_000_000,
    pin: '123456',
    title: '청렴 콘서트',
    mode: 'CLASSIC',
    phase: 'LOBBY',
    round: -1,
    roundCount: 3,
    phaseEndsAt: null,
    pausedRemainingMs: null,
    joiningOpen: true,
    playerCount: 0,
    aliveCount: 0,
    revivalAvailable: false,
    winners: 3,
    speedWeighted: true,
    streakBonus: true,
    guestTeams: [],
    lobby: [],
    question: null,
    reveal: null,
    leaderboard: [],
    teams: [],
    ...over,
  };
}

export function liveMe(over: Partial<LivePlayer> = {}): LivePlayer {
  return {
    id: 'p-1',
    nickname: '팔마',
    team: 'Guests',
    score: 0,
    rank: null,
    streak: 0,
    alive: true,
    kicked: false,
    answeredRound: null,
    last: null,
    ...over,
  };
}

export function liveStanding(over: Partial<LiveStanding> = {}): LiveStanding {
  return {
    id: 'p-1',
    rank: 1,
    nickname: '팔마',
    guest: false,
    team: 'Guests',
    score: 0,
    alive: true,
    correct: 0,
    ...over,
  };
}
