import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import type { AnyData, GqlClient } from '../utils/gql.js';
import type { TestApp } from '../utils/test-app.js';
import { wsClient } from '../utils/ws.js';
import { signedIn, type PersonFactoryInput } from './org.factory.js';
import { QUESTION_FIELDS } from './quiz.factory.js';

export const STATE_FIELDS = `id pin title mode phase version round roundCount joiningOpen playerCount aliveCount
  serverNow phaseEndsAt pausedRemainingMs winners revivalAvailable guestTeams
  question { round kind type promptKo choices { id textKo } timeLimitSeconds leadInSeconds revival }
  reveal { round correctIds correctBoolean acceptedAnswers explanationKo answered correct eliminated revived
           distribution { key count correct } }
  leaderboard { rank nickname team score alive correct }
  teams { rank team members average total }
  lobby`;

export const ME_FIELDS = `id nickname team score rank streak alive kicked answeredRound
  last { round answered correct points forHonour }`;

export const UPDATE_FIELDS = `state { ${STATE_FIELDS} } progress { round answered playerCount } me { ${ME_FIELDS} }`;

const opt = (textKo: string, correct: boolean) => ({ textKo, textEn: `${textKo} (en)`, correct });

/** Bank questions for a live game: single choice, O/X, numeric — each with its key. */
export async function liveQuestions(trainer: GqlClient): Promise<AnyData[]> {
  const tag = randomUUID().slice(0, 6);
  const { createQuestionCategory: category } = await trainer.ok(
    `mutation($i: QuestionCategoryInput!) { createQuestionCategory(input: $i) { id } }`,
    { i: { nameKo: `라이브 ${tag}`, nameEn: `Live ${tag}` } },
  );
  const specs = [
    {
      type: 'SINGLE_CHOICE',
      promptKo: `[${tag}] 음식물 가액 한도는?`,
      promptEn: 'Meal limit?',
      explanationKo: '3만 원입니다.',
      options: [opt('3만 원', true), opt('5만 원', false), opt('10만 원', false), opt('없음', false)],
    },
    {
      type: 'TRUE_FALSE',
      promptKo: `[${tag}] 경조사비는 언제나 금지된다.`,
      promptEn: 'Always banned?',
      trueFalseAnswer: false,
    },
    {
      type: 'NUMERIC',
      promptKo: `[${tag}] 사례금 상한(만 원)?`,
      promptEn: 'Fee cap?',
      numericAnswers: [{ value: 40, tolerance: 0 }],
    },
  ];
  const out: AnyData[] = [];
  for (const q of specs) {
    const { createQuestion } = await trainer.ok(
      `mutation($i: QuestionInput!) { createQuestion(input: $i) { ${QUESTION_FIELDS} } }`,
      { i: { ...q, categoryId: category.id } },
    );
    out.push(createQuestion);
  }
  return out;
}

/** The right (or a wrong) answer input for a bank question. */
export function liveAnswer(q: AnyData, right: boolean): AnyData {
  switch (q.type) {
    case 'SINGLE_CHOICE':
      return { optionIds: [q.options.find((o: AnyData) => o.correct === right).id] };
    case 'TRUE_FALSE':
      return { booleanValue: right ? q.trueFalseAnswer : !q.trueFalseAnswer };
    case 'NUMERIC':
      return { numberValue: right ? q.numericAnswers[0].value : q.numericAnswers[0].value + 1 };
    default:
      throw new Error(`no live answer for ${q.type}`);
  }
}

export const CREATE_GAME = `mutation($i: CreateLiveGameInput!) { createLiveGame(input: $i) { id pin title mode phase roundCount } }`;
export const JOIN = `mutation($pin: String!, $n: String, $t: String) {
  joinLiveGame(pin: $pin, nickname: $n, team: $t) { gameId playerId playerToken nickname team } }`;
export const ANSWER = `mutation($g: ID!, $t: String!, $r: Int!, $a: LiveAnswerInput!) {
  answerLiveRound(gameId: $g, playerToken: $t, round: $r, answer: $a) { round receivedAt duplicate } }`;
export const NEXT = `mutation($g: ID!, $r: Int!, $rev: Boolean) { nextLiveRound(gameId: $g, fromRound: $r, revival: $rev) { ${STATE_FIELDS} } }`;
export const SKIP = `mutation($g: ID!, $r: Int!) { skipLiveRound(gameId: $g, round: $r) { ${STATE_FIELDS} } }`;
export const END = `mutation($g: ID!) { endLiveGame(gameId: $g) { ${STATE_FIELDS} } }`;
export const HOSTED = `query($g: ID!) { hostedLiveGame(id: $g) { ${STATE_FIELDS} } }`;
export const PAUSE = `mutation($g: ID!) { pauseLiveGame(gameId: $g) { ${STATE_FIELDS} } }`;
export const RESUME = `mutation($g: ID!) { resumeLiveGame(gameId: $g) { ${STATE_FIELDS} } }`;
export const SET_JOINING = `mutation($g: ID!, $open: Boolean!) { setLiveJoining(gameId: $g, open: $open) { ${STATE_FIELDS} } }`;
export const KICK = `mutation($g: ID!, $p: ID!) { kickLivePlayer(gameId: $g, playerId: $p) }`;
export const BY_PIN = `query($pin: String!) { liveGameByPin(pin: $pin) { gameId title mode phase joiningOpen guestTeams } }`;
export const REPORT = `query($g: ID!) { liveGameReport(id: $g) {
  players { rank nickname team guest score correct answered alive kicked }
  rounds { round kind answered correct averageMs } } }`;

/** A question round of a game for a bank question. */
export const questionRound = (q: AnyData, timeLimitSeconds = 20, leadInSeconds = 0) => ({
  kind: 'QUESTION',
  questionId: q.id,
  timeLimitSeconds,
  leadInSeconds,
});

/**
 * A trainer with three bank questions (single choice, O/X, numeric) and a game made of them:
 * one 20-second round each unless `roundsOf` builds the rounds from the questions.
 */
export async function hostGame(
  app: TestApp,
  input: AnyData = {},
  roundsOf: (questions: AnyData[]) => AnyData[] = (qs) => qs.map((q) => questionRound(q)),
) {
  const { client: host, person } = await signedIn(app, { roles: ['TRAINER'] });
  const questions = await liveQuestions(host);
  const { createLiveGame: game } = await host.ok(CREATE_GAME, {
    i: { title: '청렴 골든벨', mode: 'CLASSIC', rounds: roundsOf(questions), ...input },
  });
  return { host, hostPerson: person, questions, game };
}

/** A player as a test drives it: the browser (cookie jar) and what joining returned. */
export interface LivePlayer {
  client: GqlClient;
  join: AnyData;
  personId: string | null;
}

/** A guest who joins with a nickname (and a team in a team battle). */
export async function joinAsGuest(
  app: TestApp,
  pin: string,
  nickname: string,
  team?: string,
): Promise<LivePlayer> {
  const client = app.client();
  const { joinLiveGame: join } = await client.ok(JOIN, { pin, n: nickname, t: team ?? null });
  return { client, join, personId: null };
}

/** A new signed-in employee who joins as themselves. */
export async function joinAsEmployee(
  app: TestApp,
  pin: string,
  input: PersonFactoryInput = {},
): Promise<LivePlayer> {
  const { client, person } = await signedIn(app, input);
  const { joinLiveGame: join } = await client.ok(JOIN, { pin });
  return { client, join, personId: person.id };
}

/** Answers a round as the player; returns the receipt. */
export async function answerAs(player: LivePlayer, round: number, answer: AnyData): Promise<AnyData> {
  const { answerLiveRound } = await player.client.ok(ANSWER, {
    g: player.join.gameId,
    t: player.join.playerToken,
    r: round,
    a: answer,
  });
  return answerLiveRound;
}

/** The error code of an answer expected to be refused. */
export function answerCode(player: LivePlayer, round: number, answer: AnyData, token?: string) {
  return player.client.code(ANSWER, {
    g: player.join.gameId,
    t: token ?? player.join.playerToken,
    r: round,
    a: answer,
  });
}

/** The player's own socket, as their phone opens it: the session cookie, or the guest's token. */
export function playerSocket(app: TestApp, player: LivePlayer, onClose?: (code: number) => void): Client {
  return player.personId
    ? wsClient(app.url, player.client.cookie, onClose)
    : wsClient(app.url, null, onClose, { playerToken: player.join.playerToken });
}

/** A subscription to a game and everything it received. */
export interface LiveFollower {
  updates: AnyData[];
  /** When each update arrived (Date.now()), index for index. */
  arrivals: number[];
  errors: unknown[];
  dispose(): void;
  /** The first update (already received or still to come) matching the predicate. */
  until(test: (u: AnyData) => boolean, ms?: number): Promise<AnyData>;
  /** The subscription's error (for a subscription that must be refused). */
  failure(ms?: number): Promise<unknown>;
}

/** Subscribes to a game (with a player token: also that player's own updates) and collects every LiveUpdate. */
export function follow(ws: Client, gameId: string, playerToken: string | null): LiveFollower {
  const updates: AnyData[] = [];
  const arrivals: number[] = [];
  const errors: unknown[] = [];
  const waiters: { test: (u: AnyData) => boolean; resolve: (u: AnyData) => void }[] = [];
  const failed: ((e: unknown) => void)[] = [];
  const fail = (e: unknown) => {
    errors.push(e);
    for (const f of failed.splice(0)) f(e);
  };
  const dispose = ws.subscribe(
    {
      query: `subscription($g: ID!, $t: String) { liveGame(gameId: $g, playerToken: $t) { ${UPDATE_FIELDS} } }`,
      variables: { g: gameId, t: playerToken },
    },
    {
      next: (value) => {
        if (value.errors) return fail(value.errors);
        const u = (value.data as AnyData).liveGame;
        updates.push(u);
        arrivals.push(Date.now());
        for (const w of [...waiters]) {
          if (w.test(u)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(u);
          }
        }
      },
      error: fail,
      complete: () => undefined,
    },
  );
  return {
    updates,
    arrivals,
    errors,
    dispose,
    until(test, ms = 8_000) {
      const seen = updates.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching update in ${ms} ms: ${JSON.stringify(updates.slice(-3))}`)),
          ms,
        );
        waiters.push({ test, resolve: (u) => (clearTimeout(timer), resolve(u)) });
      });
    },
    failure(ms = 5_000) {
      if (errors.length > 0) return Promise.resolve(errors[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no error in ${ms} ms`)), ms);
        failed.push((e) => (clearTimeout(timer), resolve(e)));
      });
    },
  };
}

/** The error code in a subscription failure (graphql-ws hands over the errors array). */
export function failureCode(failure: unknown): string | undefined {
  const errors = (Array.isArray(failure) ? failure : [failure]) as AnyData[];
  return errors[0]?.extensions?.code;
}

/** Predicates for follow().until(). */
export const phaseIs = (phase: string, round?: number) => (u: AnyData) =>
  u.state?.phase === phase && (round === undefined || u.state.round === round);
export const revealedTo = (round: number) => (u: AnyData) => u.me?.last?.round === round;

/** A person's ledger entries for live games. */
export async function liveCredits(
  app: TestApp,
  personId: string,
): Promise<{ minutes: number; xp: number }[]> {
  return app.dataSource.query(
    `SELECT minutes, xp FROM credit_entries WHERE person_id = $1 AND source_kind = 'LIVE_GAME' ORDER BY xp DESC`,
    [personId],
  );
}

/** The stored answers of a round, by player id. */
export async function storedAnswers(
  app: TestApp,
  gameId: string,
  round: number,
): Promise<Map<string, { elapsedMs: number; correct: boolean; points: number | null; forHonour: boolean }>> {
  const rows: AnyData[] = await app.dataSource.query(
    `SELECT player_id AS "playerId", elapsed_ms AS "elapsedMs", correct, points, for_honour AS "forHonour"
       FROM live_answers WHERE game_id = $1 AND position = $2`,
    [gameId, round],
  );
  return new Map(rows.map(({ playerId, ...rest }) => [playerId, rest as never]));
}
