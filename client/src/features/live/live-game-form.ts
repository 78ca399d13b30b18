import {
  LIVE_QUESTION_TYPES,
  LiveLimits,
  type LiveMode,
  type LiveRoundKind,
  type QuestionType,
} from '@palma/shared';
import type { CreateLiveGameInput } from '@/api/graphql';

/** One round the host added: a bank question or a balloon-dart round. */
export interface LiveRoundDraft {
  /** Stable key for the list (a question can be added once; balloons many times). */
  key: string;
  kind: LiveRoundKind;
  questionId: string | null;
  promptKo: string;
  promptEn: string;
  type: QuestionType | null;
  timeLimitSeconds: number | null;
  leadInSeconds: number | null;
}

export interface LiveGameDraft {
  title: string;
  mode: LiveMode;
  speedWeighted: boolean;
  streakBonus: boolean;
  winners: number | null;
  creditMinutes: number | null;
  maxPlayers: number | null;
  /** Team battle: the teams guests pick from, one per line. */
  guestTeams: string;
  eventSessionId: string;
  /** The quiz whose questions open the game ('' = none). */
  quizId: string;
  quizTimeLimitSeconds: number | null;
  quizLeadInSeconds: number | null;
  rounds: LiveRoundDraft[];
}

export const DEFAULT_TIME_LIMIT = 20;
export const DEFAULT_LEAD_IN = 3;
export const DEFAULT_BALLOON_TIME = 30;

export function emptyGameDraft(): LiveGameDraft {
  return {
    title: '',
    mode: 'CLASSIC',
    speedWeighted: true,
    streakBonus: true,
    winners: 3,
    creditMinutes: 10,
    maxPlayers: 2_000,
    guestTeams: '',
    eventSessionId: '',
    quizId: '',
    quizTimeLimitSeconds: DEFAULT_TIME_LIMIT,
    quizLeadInSeconds: DEFAULT_LEAD_IN,
    rounds: [],
  };
}

/** Question types that can be played live (matching cannot). */
export function isLivePlayable(type: QuestionType): boolean {
  return LIVE_QUESTION_TYPES.includes(type);
}

let keys = 0;
const nextKey = (prefix: string) => `${prefix}-${++keys}`;

export function questionRound(question: {
  id: string;
  promptKo: string;
  promptEn: string;
  type: QuestionType;
}): LiveRoundDraft {
  return {
    key: nextKey(question.id),
    kind: 'QUESTION',
    questionId: question.id,
    promptKo: question.promptKo,
    promptEn: question.promptEn,
    type: question.type,
    timeLimitSeconds: DEFAULT_TIME_LIMIT,
    leadInSeconds: DEFAULT_LEAD_IN,
  };
}

export function balloonRoundDraft(): LiveRoundDraft {
  return {
    key: nextKey('balloon'),
    kind: 'BALLOON',
    questionId: null,
    promptKo: '',
    promptEn: '',
    type: null,
    timeLimitSeconds: DEFAULT_BALLOON_TIME,
    leadInSeconds: DEFAULT_LEAD_IN,
  };
}

/** The guest teams as a list: one per line (or comma), trimmed, each once. */
export function guestTeamList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** A problem with one field: a message key under liveHost.form.problems and its values. */
export interface DraftProblem {
  key: string;
  values?: Record<string, number>;
}

function range(value: number | null, min: number, max: number): DraftProblem | null {
  if (value === null) return { key: 'required' };
  return value < min || value > max ? { key: 'range', values: { min, max } } : null;
}

/**
 * What stops the game from being created, by field (`title`, `rounds`, `rounds.2.timeLimitSeconds`,
 * …); empty when the draft can be sent. The same limits as the server's.
 */
export function gameDraftProblems(draft: LiveGameDraft): Record<string, DraftProblem> {
  const out: Record<string, DraftProblem> = {};
  const put = (field: string, problem: DraftProblem | null) => {
    if (problem) out[field] = problem;
  };
  const title = draft.title.trim();
  if (!title) put('title', { key: 'required' });
  else if (title.length > LiveLimits.titleMax)
    put('title', { key: 'tooLong', values: { max: LiveLimits.titleMax } });
  put('winners', range(draft.winners, 1, LiveLimits.winnersMax));
  put('creditMinutes', range(draft.creditMinutes, 0, LiveLimits.creditMinutesMax));
  put('maxPlayers', range(draft.maxPlayers, 2, LiveLimits.playersMax));
  if (draft.mode === 'TEAM_BATTLE') {
    const teams = guestTeamList(draft.guestTeams);
    if (teams.length > LiveLimits.guestTeamsMax)
      put('guestTeams', { key: 'tooManyTeams', values: { max: LiveLimits.guestTeamsMax } });
    else if (teams.some((t) => t.length > LiveLimits.teamMax))
      put('guestTeams', { key: 'teamTooLong', values: { max: LiveLimits.teamMax } });
  }
  if (draft.quizId) {
    put(
      'quizTimeLimitSeconds',
      range(draft.quizTimeLimitSeconds, LiveLimits.timeLimitMin, LiveLimits.timeLimitMax),
    );
    put('quizLeadInSeconds', range(draft.quizLeadInSeconds, 0, LiveLimits.leadInMax));
  }
  draft.rounds.forEach((r, i) => {
    put(
      `rounds.${i}.timeLimitSeconds`,
      range(r.timeLimitSeconds, LiveLimits.timeLimitMin, LiveLimits.timeLimitMax),
    );
    put(`rounds.${i}.leadInSeconds`, range(r.leadInSeconds, 0, LiveLimits.leadInMax));
  });
  if (!draft.quizId && draft.rounds.length === 0) put('rounds', { key: 'noRounds' });
  else if (draft.rounds.length > LiveLimits.roundsMax)
    put('rounds', { key: 'tooManyRounds', values: { max: LiveLimits.roundsMax } });
  return out;
}

/** The mutation's input from a draft without problems. */
export function gameDraftInput(draft: LiveGameDraft): CreateLiveGameInput {
  return {
    title: draft.title.trim(),
    mode: draft.mode,
    speedWeighted: draft.speedWeighted,
    streakBonus: draft.streakBonus,
    winners: draft.winners ?? 3,
    creditMinutes: draft.creditMinutes ?? 0,
    maxPlayers: draft.maxPlayers ?? 2_000,
    guestTeams: draft.mode === 'TEAM_BATTLE' ? guestTeamList(draft.guestTeams) : [],
    eventSessionId: draft.eventSessionId || null,
    quizId: draft.quizId || null,
    quizTimeLimitSeconds: draft.quizTimeLimitSeconds ?? DEFAULT_TIME_LIMIT,
    quizLeadInSeconds: draft.quizLeadInSeconds ?? 0,
    rounds: draft.rounds.map((r) => ({
      kind: r.kind,
      questionId: r.kind === 'QUESTION' ? r.questionId : null,
      timeLimitSeconds: r.timeLimitSeconds ?? DEFAULT_TIME_LIMIT,
      leadInSeconds: r.leadInSeconds ?? 0,
    })),
  };
}

/**
 * The server's own reasons for refusing a game's rounds (VALIDATION_FAILED fields under
 * `rounds`), as message keys under liveHost.form.problems; other fields are left to the
 * shared field messages.
 */
export function serverRoundProblems(fields: readonly { field: string; message: string }[]): DraftProblem[] {
  const out: DraftProblem[] = [];
  for (const f of fields) {
    if (f.field !== 'rounds' && !f.field.startsWith('rounds.')) continue;
    const round = Number(f.field.split('.')[1]);
    const values = Number.isInteger(round) ? { n: round + 1 } : undefined;
    if (/matching/i.test(f.message)) out.push({ key: 'matching', values });
    else if (/no such question/i.test(f.message)) out.push({ key: 'unknownQuestion', values });
    else if (/add questions or choose a quiz/i.test(f.message)) out.push({ key: 'noRounds' });
    else if (/at most/i.test(f.message)) out.push({ key: 'tooManyRounds', values: { max: 50 } });
  }
  return out;
}
