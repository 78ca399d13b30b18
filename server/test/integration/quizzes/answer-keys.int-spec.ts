import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@palma/shared';
import { signedIn } from '../../factories/org.factory.js';
import {
  answerAll,
  createQuizLesson,
  enrolIn,
  LESSON_QUIZ,
  READ_ATTEMPT,
  SAVE_ANSWER,
  START_ATTEMPT,
  wrongAnswer,
} from '../../factories/quiz.factory.js';
import { operationFor } from '../../utils/schema-operations.js';
import { startTestApp, type TestApp } from '../../utils/test-app.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));

/** Types that carry answer keys, or statistics that reveal them. */
const KEY_TYPES = [
  'Question',
  'QuestionOption',
  'OrderingItem',
  'MatchingPair',
  'NumericAnswer',
  'Quiz',
  'QuizSlot',
  'QuizResults',
  'QuestionStat',
  'OptionStat',
  'QuestionExport',
];
/** Field names that would hold a key wherever they appeared. */
const KEY_FIELDS =
  /^(correct|trueFalseAnswer|acceptedAnswers|acceptedPatterns|numericAnswers|body|orderingItemsInOrder)$/;
/**
 * Types that may carry a key to a learner because the server decides when they are filled:
 * the quiz review (by the feedback rule, per request), a live round's reveal and a player's
 * own last result (only once the round has closed — live/secrecy.int-spec.ts proves it).
 */
const GATED = new Set(['QuestionReview', 'LiveReveal', 'LiveLastAnswer']);
/** Fields whose name looks like a key but that count right answers after the fact. */
const COUNTS = new Set(['LiveStanding.correct']);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** Every type a set of root fields can reach, not descending into the gated review. */
function reachable(rootFields: { type: GraphQLNamedType }[]): Map<string, GraphQLNamedType> {
  const seen = new Map<string, GraphQLNamedType>();
  const queue = rootFields.map((f) => f.type);
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (seen.has(type.name) || GATED.has(type.name)) continue;
    seen.set(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
    }
    if (isUnionType(type)) queue.push(...type.getTypes());
  }
  return seen;
}

describe('answer keys never reach learners', () => {
  it.each<Role>(['EMPLOYEE', 'MANAGER'])(
    'no operation open to %s returns a type or field that holds a key',
    async (role) => {
      const { client } = await signedIn(app, { roles: [role] });
      const open: { name: string; type: GraphQLNamedType }[] = [];
      for (const kind of ['query', 'mutation'] as const) {
        const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
        for (const field of Object.values(root.getFields())) {
          if (field.name === 'logout') continue;
          const code = (await client.gql(operationFor(kind, field))).errors?.[0]?.extensions?.code;
          if (code !== 'FORBIDDEN') open.push({ name: field.name, type: getNamedType(field.type) });
        }
      }
      // Subscriptions are all open to signed-in people: walk every one of them.
      for (const field of Object.values(schema.getSubscriptionType()?.getFields() ?? {})) {
        open.push({ name: field.name, type: getNamedType(field.type) });
      }
      expect(open.map((f) => f.name)).toContain('quizAttempt');
      expect(open.map((f) => f.name)).not.toContain('question');

      const types = reachable(open);
      expect([...types.keys()].filter((name) => KEY_TYPES.includes(name))).toEqual([]);
      const keyFields = [...types.values()].flatMap((type) =>
        isObjectType(type)
          ? Object.keys(type.getFields())
              .filter((name) => KEY_FIELDS.test(name))
              .map((name) => `${type.name}.${name}`)
              .filter((field) => !COUNTS.has(field))
          : [],
      );
      expect(keyFields).toEqual([]);
      // The review is reachable (through AttemptQuestion) and is the only gate.
      expect(types.has('AttemptQuestion')).toBe(true);
    },
  );

  it('an open attempt shows no key, no grade and no explanation in any answer or error', async () => {
    const lesson = await createQuizLesson(app, { feedbackMode: 'AFTER_SUBMIT' });
    const { client } = await signedIn(app, { roles: ['EMPLOYEE'] });
    const enrolmentId = await enrolIn(client, lesson);
    const started = await client.gql(START_ATTEMPT, { e: enrolmentId, l: lesson.lessonId });
    const attempt = started.data!.startQuizAttempt;
    await answerAll(client, lesson, attempt, () => 'wrong');
    const saved = await client.gql(SAVE_ANSWER, {
      i: {
        attemptId: attempt.id,
        attemptQuestionId: attempt.questions[0].id,
        ...wrongAnswer(lesson.bank, attempt.questions[0]),
      },
    });
    const invalid = await client.gql(SAVE_ANSWER, {
      i: { attemptId: attempt.id, attemptQuestionId: attempt.questions[0].id, text: 'x', booleanValue: true },
    });
    const read = await client.gql(READ_ATTEMPT, { a: attempt.id });
    const overview = await client.gql(LESSON_QUIZ, { e: enrolmentId, l: lesson.lessonId });
    const everything = JSON.stringify([started, saved, invalid.errors, read, overview]);

    for (const q of lesson.bank.values()) {
      // Explanations and accepted answers never appear; nor does any per-question grade.
      if (q.explanationKo) expect(everything).not.toContain(q.explanationKo);
      for (const accepted of q.acceptedAnswers) expect(everything).not.toContain(accepted);
      for (const pattern of q.acceptedPatterns) expect(everything).not.toContain(pattern);
    }
    expect(read.data!.quizAttempt.questions.every((q: { review: unknown }) => q.review === null)).toBe(true);
    expect(read.data!.quizAttempt).toMatchObject({
      score: null,
      percent: null,
      passed: null,
      reviewAvailable: false,
    });
    expect(invalid.errors?.[0]?.extensions?.code).toBe('ANSWER_INVALID');
    // Ordering items and matches are never shown in the key's order.
    for (const aq of read.data!.quizAttempt.questions) {
      const q = lesson.bank.get(aq.promptKo)!;
      if (q.type === 'ORDERING') {
        expect(aq.orderingItems.map((i: { id: string }) => i.id)).not.toEqual(
          q.orderingItems.map((i: { id: string }) => i.id),
        );
      }
      if (q.type === 'MATCHING') {
        const prompts = aq.matchPrompts.map((p: { id: string }) => p.id);
        const keyOrder = prompts.map(
          (id: string) => q.matchingPairs.find((p: { promptId: string }) => p.promptId === id).matchId,
        );
        expect(aq.matchChoices.map((m: { id: string }) => m.id)).not.toEqual(keyOrder);
      }
    }
  });
});
