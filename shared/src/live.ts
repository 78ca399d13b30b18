import { z } from 'zod';
import type { QuestionType } from './quiz/questions.js';

/**
 * Live games (Kahoot-style, during concerts and contests): the rules both sides share — modes,
 * phases, scoring, Golden Bell elimination, team averages, the balloon-dart round, nicknames.
 * The server decides every score with these functions; the client only explains them.
 */

export const LiveMode = {
  /** Speed-weighted points and answer streaks (both can be switched off). */
  CLASSIC: 'CLASSIC',
  /** 골든벨: a wrong or missing answer eliminates; the last players standing ring the bell. */
  GOLDEN_BELL: 'GOLDEN_BELL',
  /** Players grouped by department (guests by a chosen team); teams ranked by average points. */
  TEAM_BATTLE: 'TEAM_BATTLE',
} as const;
export type LiveMode = (typeof LiveMode)[keyof typeof LiveMode];
export const LIVE_MODES = Object.values(LiveMode) as [LiveMode, ...LiveMode[]];

/**
 * Where a game is. LOBBY → (start) → LEAD_IN (question shown, answers not yet open) → OPEN →
 * (time is up, the host skips, or everyone answered) → REVEAL → (next) → LEAD_IN … → FINISHED.
 * PAUSED freezes LEAD_IN or OPEN with the time that was left.
 */
export const LivePhase = {
  LOBBY: 'LOBBY',
  LEAD_IN: 'LEAD_IN',
  OPEN: 'OPEN',
  PAUSED: 'PAUSED',
  REVEAL: 'REVEAL',
  FINISHED: 'FINISHED',
} as const;
export type LivePhase = (typeof LivePhase)[keyof typeof LivePhase];

/** What one round of a game is. */
export const LiveRoundKind = { QUESTION: 'QUESTION', BALLOON: 'BALLOON' } as const;
export type LiveRoundKind = (typeof LiveRoundKind)[keyof typeof LiveRoundKind];

/** Question types that make sense on a phone in a hall (matching does not). */
export const LIVE_QUESTION_TYPES: readonly QuestionType[] = [
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'TRUE_FALSE',
  'ORDERING',
  'SHORT_ANSWER',
  'NUMERIC',
];

export const LiveLimits = {
  pinLength: 6,
  titleMax: 200,
  roundsMax: 50,
  timeLimitMin: 5,
  timeLimitMax: 240,
  leadInMax: 30,
  winnersMax: 10,
  creditMinutesMax: 240,
  playersMax: 5_000,
  nicknameMax: 20,
  /** Raw nickname input longer than this is refused before it is even normalised. */
  nicknameInputMax: 200,
  teamMax: 40,
  guestTeamsMax: 20,
  /**
   * An answer received this long after the question closed still counts (network jitter between
   * the phone and the server); it is scored as if it came at the time limit.
   */
  graceMs: 500,
  balloonsPerRound: 12,
} as const;

/** Points for an instant correct answer. */
export const LIVE_BASE_POINTS = 1_000;
/** Streak bonus per correct answer in a row after the first, capped. */
export const LIVE_STREAK_STEP = 100;
export const LIVE_STREAK_CAP = 500;

export const liveGameSettingsSchema = z.object({
  mode: z.enum(LIVE_MODES),
  /** Full points for an instant answer falling to half at the time limit; off = always full points. */
  speedWeighted: z.boolean().default(true),
  streakBonus: z.boolean().default(true),
  /** Places shown on the podium (and earning placement XP). */
  winners: z.number().int().min(1).max(LiveLimits.winnersMax).default(3),
  /** Credit minutes for every signed-in player who answered at least one round. */
  creditMinutes: z.number().int().min(0).max(LiveLimits.creditMinutesMax).default(10),
  maxPlayers: z.number().int().min(2).max(LiveLimits.playersMax).default(2_000),
  /** Teams a guest may pick in a team battle (employees play for their department). */
  guestTeams: z
    .array(z.string().trim().min(1).max(LiveLimits.teamMax))
    .max(LiveLimits.guestTeamsMax)
    .default([]),
});
export type LiveGameSettings = z.output<typeof liveGameSettingsSchema>;
export type LiveGameSettingsInput = z.input<typeof liveGameSettingsSchema>;

export const liveRoundSchema = z.object({
  kind: z.enum([LiveRoundKind.QUESTION, LiveRoundKind.BALLOON]),
  /** The bank question (its current version is copied into the game); null for a balloon round. */
  questionId: z.string().uuid().nullish(),
  timeLimitSeconds: z.number().int().min(LiveLimits.timeLimitMin).max(LiveLimits.timeLimitMax),
  /** Seconds the question is shown before answers open. */
  leadInSeconds: z.number().int().min(0).max(LiveLimits.leadInMax).default(0),
});
export type LiveRound = z.output<typeof liveRoundSchema>;

// ---------------------------------------------------------------------------------------------
// Scoring

/** 1 for an instant answer, falling linearly to ½ at the time limit (and never below). */
export function speedFactor(elapsedMs: number, limitMs: number): number {
  if (limitMs <= 0) return 0.5;
  const share = Math.min(1, Math.max(0, elapsedMs / limitMs));
  return 1 - share / 2;
}

export interface ScoreInput {
  correct: boolean;
  elapsedMs: number;
  limitMs: number;
  /** Correct answers in a row before this one. */
  streakBefore: number;
  speedWeighted: boolean;
  streakBonus: boolean;
}

export interface ScoreResult {
  points: number;
  /** Included in points. */
  bonus: number;
  streak: number;
}

/** Points for one answer in a classic or team round. A wrong or missing answer earns 0 and ends the streak. */
export function scoreAnswer(input: ScoreInput): ScoreResult {
  if (!input.correct) return { points: 0, bonus: 0, streak: 0 };
  const streak = input.streakBefore + 1;
  const base = Math.round(
    LIVE_BASE_POINTS * (input.speedWeighted ? speedFactor(input.elapsedMs, input.limitMs) : 1),
  );
  const bonus = input.streakBonus ? Math.min(LIVE_STREAK_CAP, LIVE_STREAK_STEP * (streak - 1)) : 0;
  return { points: base + bonus, bonus, streak };
}

// ---------------------------------------------------------------------------------------------
// Golden Bell

export interface BellAnswer {
  playerId: string;
  alive: boolean;
  /** False also when the player did not answer. */
  correct: boolean;
}

/**
 * Who leaves and who comes back after a Golden Bell round.
 * - A normal round eliminates every standing player without a correct answer — except when that
 *   would eliminate everyone still standing: then nobody leaves (the round is replayed in spirit).
 * - The revival round (패자부활전, once per game) brings back every eliminated player who
 *   answered it correctly; standing players cannot be eliminated in it.
 */
export function goldenBellOutcome(
  players: readonly BellAnswer[],
  revival: boolean,
): { eliminated: string[]; revived: string[] } {
  if (revival) {
    return { eliminated: [], revived: players.filter((p) => !p.alive && p.correct).map((p) => p.playerId) };
  }
  const standing = players.filter((p) => p.alive);
  const out = standing.filter((p) => !p.correct).map((p) => p.playerId);
  if (out.length === standing.length) return { eliminated: [], revived: [] };
  return { eliminated: out, revived: [] };
}

// ---------------------------------------------------------------------------------------------
// Rankings

export interface RankablePlayer {
  id: string;
  score: number;
  /** Golden Bell: still standing sorts first. */
  alive?: boolean;
  /** Golden Bell: the round a player left at (later is better); null while standing. */
  eliminatedAt?: number | null;
}

/**
 * Competition ranking ("1, 1, 3"): Golden Bell orders standing players first, then by how long
 * they lasted, then by points; other modes by points. Equal keys share a rank.
 */
export function rankPlayers<T extends RankablePlayer>(
  players: readonly T[],
  mode: LiveMode,
): (T & { rank: number })[] {
  const key = (p: T): number[] =>
    mode === 'GOLDEN_BELL'
      ? [p.alive ? 1 : 0, p.alive ? Number.MAX_SAFE_INTEGER : (p.eliminatedAt ?? -1), p.score]
      : [p.score];
  const keyed = players.map((p) => ({ p, k: key(p) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return b.k[i] - a.k[i];
    return 0;
  });
  const out: (T & { rank: number })[] = [];
  keyed.forEach(({ p, k }, i) => {
    const prev = keyed[i - 1];
    const same = prev && prev.k.every((v, j) => v === k[j]);
    out.push({ ...p, rank: same ? out[i - 1].rank : i + 1 });
  });
  return out;
}

export interface TeamStanding {
  team: string;
  members: number;
  total: number;
  /** Average points per member, one decimal: small departments can win. */
  average: number;
  rank: number;
}

/** Team battle: teams ranked by the average of their members' points. */
export function teamStandings(players: readonly { team: string; score: number }[]): TeamStanding[] {
  const teams = new Map<string, { members: number; total: number }>();
  for (const p of players) {
    const t = teams.get(p.team) ?? { members: 0, total: 0 };
    t.members += 1;
    t.total += p.score;
    teams.set(p.team, t);
  }
  const rows = [...teams].map(([team, t]) => ({
    team,
    members: t.members,
    total: t.total,
    average: Math.round((t.total / t.members) * 10) / 10,
  }));
  rows.sort((a, b) => b.average - a.average || a.team.localeCompare(b.team));
  const out: TeamStanding[] = [];
  rows.forEach((r, i) => {
    const rank = i > 0 && rows[i - 1].average === r.average ? out[i - 1].rank : i + 1;
    out.push({ ...r, rank });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Balloon-dart round ("pop corruption")

export interface BalloonPractice {
  id: string;
  ko: string;
  en: string;
  /** A corrupt practice (pop it) or a clean one (spare it). */
  corrupt: boolean;
}

/** The practices balloons carry; ids are stable (answers refer to them). */
export const BALLOON_PRACTICES: readonly BalloonPractice[] = [
  { id: 'gift', ko: '업체에서 받은 상품권', en: 'A gift card from a contractor', corrupt: true },
  { id: 'bid-leak', ko: '입찰 정보 미리 알려주기', en: 'Leaking bid information early', corrupt: true },
  { id: 'golf', ko: '민원인과 접대 골프', en: 'Golf paid for by a petitioner', corrupt: true },
  { id: 'hire-relative', ko: '친척 채용 청탁', en: 'Pushing to hire a relative', corrupt: true },
  { id: 'split-contract', ko: '수의계약 쪼개기', en: 'Splitting a contract to avoid tender', corrupt: true },
  { id: 'fake-trip', ko: '허위 출장비 청구', en: 'Claiming a trip that never happened', corrupt: true },
  { id: 'insider-land', ko: '개발 정보로 땅 투기', en: 'Buying land on inside information', corrupt: true },
  { id: 'permit-favour', ko: '지인 인허가 봐주기', en: 'Fast-tracking a friend’s permit', corrupt: true },
  { id: 'data-sell', ko: '개인정보 빼돌리기', en: 'Selling citizens’ personal data', corrupt: true },
  { id: 'cash-envelope', ko: '명절 현금 봉투', en: 'A cash envelope at the holidays', corrupt: true },
  { id: 'report', ko: '부패 행위 신고하기', en: 'Reporting corruption', corrupt: false },
  { id: 'refuse-gift', ko: '선물 정중히 거절', en: 'Politely refusing a gift', corrupt: false },
  {
    id: 'declare-conflict',
    ko: '이해충돌 사전 신고',
    en: 'Declaring a conflict of interest',
    corrupt: false,
  },
  { id: 'open-tender', ko: '공개 경쟁 입찰', en: 'An open competitive tender', corrupt: false },
  { id: 'receipt', ko: '영수증 증빙 처리', en: 'Filing receipts for expenses', corrupt: false },
  { id: 'recuse', ko: '친족 사건 회피 신청', en: 'Stepping aside from a relative’s case', corrupt: false },
  { id: 'return-gift', ko: '받은 선물 반환 신고', en: 'Returning and reporting a gift', corrupt: false },
  { id: 'training', ko: '청렴교육 이수', en: 'Completing integrity training', corrupt: false },
  { id: 'same-rules', ko: '모든 민원 같은 기준', en: 'One rule for every petitioner', corrupt: false },
  { id: 'disclose', ko: '재산 등록 성실 신고', en: 'Declaring assets in full', corrupt: false },
];

export interface Balloon {
  id: string;
  ko: string;
  en: string;
}

/** A round's balloons: half corrupt, half clean, in a seeded order (the same for every player). */
export function balloonRound(seed: number, count: number = LiveLimits.balloonsPerRound): BalloonPractice[] {
  const shuffle = <T>(xs: readonly T[], s: number): T[] => {
    let state = s >>> 0;
    const next = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const corrupt = shuffle(
    BALLOON_PRACTICES.filter((b) => b.corrupt),
    seed,
  ).slice(0, Math.ceil(count / 2));
  const clean = shuffle(
    BALLOON_PRACTICES.filter((b) => !b.corrupt),
    seed + 1,
  ).slice(0, Math.floor(count / 2));
  return shuffle([...corrupt, ...clean], seed + 2);
}

export const BALLOON_HIT_POINTS = 100;
export const BALLOON_MISS_POINTS = 50;

/**
 * Scores popped balloons: +100 per corrupt practice popped, −50 per clean one popped, never below
 * zero; unknown or repeated ids count once or not at all. "Correct" (for Golden Bell and the
 * who-got-it-right count) means at least half the possible points.
 */
export function balloonScore(
  balloons: readonly BalloonPractice[],
  poppedIds: readonly string[],
): { hits: number; misses: number; points: number; correct: boolean; fraction: number } {
  const popped = new Set(poppedIds);
  const hits = balloons.filter((b) => b.corrupt && popped.has(b.id)).length;
  const misses = balloons.filter((b) => !b.corrupt && popped.has(b.id)).length;
  const max = balloons.filter((b) => b.corrupt).length * BALLOON_HIT_POINTS;
  const points = Math.max(0, hits * BALLOON_HIT_POINTS - misses * BALLOON_MISS_POINTS);
  const fraction = max === 0 ? 0 : points / max;
  return { hits, misses, points, correct: max > 0 && points * 2 >= max, fraction };
}

// ---------------------------------------------------------------------------------------------
// Nicknames

export type NicknameProblem = 'EMPTY' | 'TOO_LONG';

/**
 * A guest's nickname as shown: Unicode NFKC, invisible format characters (zero-width, bidi
 * overrides) and control characters removed, runs of spaces collapsed, trimmed, at most 20
 * characters. `key` decides uniqueness within a game (case and spaces ignored). Markup is kept as
 * text: the client always escapes it.
 */
export function normaliseNickname(
  raw: string,
): { ok: true; nickname: string; key: string } | { ok: false; problem: NicknameProblem } {
  if (raw.length > LiveLimits.nicknameInputMax) return { ok: false, problem: 'TOO_LONG' };
  const nickname = raw
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Cc}\p{Co}\p{Cn}\u115f\u1160\u3164\uffa0]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  if (nickname === '') return { ok: false, problem: 'EMPTY' };
  if ([...nickname].length > LiveLimits.nicknameMax) return { ok: false, problem: 'TOO_LONG' };
  return { ok: true, nickname, key: nickname.toLowerCase().replace(/\s/gu, '') };
}

/** A join PIN: six digits, not starting with 0 (so it never loses a digit when typed as a number). */
export function isLivePin(pin: string): boolean {
  return /^[1-9][0-9]{5}$/.test(pin);
}
