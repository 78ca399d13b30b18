import { randomUUID } from 'node:crypto';
import type { AnyData, GqlClient } from '../utils/gql.js';
import type { TestApp } from '../utils/test-app.js';
import { signedIn } from './org.factory.js';
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

/** A trainer with three bank questions and a game made of them (plus extra rounds). */
export async function hostGame(app: TestApp, input: AnyData = {}) {
  const { client: host, person } = await signedIn(app, { roles: ['TRAINER'] });
  const questions = await liveQuestions(host);
  const { createLiveGame: game } = await host.ok(CREATE_GAME, {
    i: {
      title: '청렴 골든벨',
      mode: 'CLASSIC',
      rounds: questions.map((q) => ({ kind: 'QUESTION', questionId: q.id, timeLimitSeconds: 20 })),
      ...input,
    },
  });
  return { host, hostPerson: person, questions, game };
}
