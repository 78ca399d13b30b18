import { randomUUID } from 'node:crypto';
import type { AnyData, GqlClient } from '../utils/gql.js';
import type { TestApp } from '../utils/test-app.js';
import { createPublishedCourse, type PublishedCourse } from './course.factory.js';
import { signedIn } from './org.factory.js';

export const QUESTION_FIELDS = `id categoryId type difficulty points tags promptKo promptEn explanationKo explanationEn
  imageUrl version archived
  options { id textKo textEn correct feedbackKo feedbackEn } multipleScoring trueFalseAnswer
  orderingItems { id textKo textEn } matchingPairs { promptId promptKo promptEn matchId matchKo matchEn }
  acceptedAnswers acceptedPatterns numericAnswers { value tolerance }`;

export const ATTEMPT_FIELDS = `id quizId number status startedAt deadlineAt finishedAt score maxScore percent passed
  serverNow reviewAvailable
  questions {
    id position type promptKo points checked
    options { id textKo } orderingItems { id textKo } matchPrompts { id textKo } matchChoices { id textKo }
    answer { optionIds booleanValue itemIds matches { promptId matchId } text numberValue }
    review { correct fraction score explanationKo correctOptionIds correctBoolean correctItemIds
             correctMatches { promptId matchId } acceptedAnswers acceptedNumbers }
  }`;

const opt = (textKo: string, correct: boolean) => ({ textKo, textEn: `${textKo} (en)`, correct });

/** One question of every type, each worth its points; prompts are unique per call. */
export function sampleQuestions(tag: string): AnyData[] {
  return [
    {
      type: 'SINGLE_CHOICE',
      promptKo: `[${tag}] 직무관련자에게서 받을 수 있는 음식물 가액 한도는?`,
      promptEn: 'Meal limit?',
      explanationKo: '청탁금지법 시행령: 음식물 3만 원.',
      points: 2,
      options: [opt('3만 원', true), opt('5만 원', false), opt('10만 원', false)],
    },
    {
      type: 'MULTIPLE_CHOICE',
      promptKo: `[${tag}] 이해충돌방지법상 신고·회피 대상을 모두 고르시오.`,
      promptEn: 'Conflicts to report?',
      multipleScoring: 'PARTIAL',
      options: [
        opt('가족이 직무관련자인 경우', true),
        opt('과거 2년 내 재직 법인', true),
        opt('동호회 지인', false),
      ],
    },
    {
      type: 'TRUE_FALSE',
      promptKo: `[${tag}] 경조사비는 언제나 금지된다.`,
      promptEn: 'Gifts for weddings are always banned.',
      trueFalseAnswer: false,
    },
    {
      type: 'ORDERING',
      promptKo: `[${tag}] 부정청탁을 받았을 때의 순서`,
      promptEn: 'Order of steps',
      orderingItems: [
        { textKo: '거절 의사 표시', textEn: 'Refuse' },
        { textKo: '다시 청탁 시 소속기관장에게 신고', textEn: 'Report' },
        { textKo: '기록 보관', textEn: 'Keep records' },
      ],
    },
    {
      type: 'MATCHING',
      promptKo: `[${tag}] 법과 내용을 연결하시오.`,
      promptEn: 'Match',
      matchingPairs: [
        { promptKo: '청탁금지법', promptEn: 'Graft Act', matchKo: '금품 수수 금지', matchEn: 'No gifts' },
        {
          promptKo: '이해충돌방지법',
          promptEn: 'Conflict Act',
          matchKo: '사적이해관계 신고',
          matchEn: 'Declare interests',
        },
      ],
    },
    {
      type: 'SHORT_ANSWER',
      promptKo: `[${tag}] 공직자의 청렴 의무를 규정한 법의 약칭은?`,
      promptEn: 'Short name?',
      acceptedAnswers: ['부정청탁금지법'],
      acceptedPatterns: ['김영란\\s*법'],
    },
    {
      type: 'NUMERIC',
      promptKo: `[${tag}] 외부강의 사례금 상한(시간당, 만 원)은?`,
      promptEn: 'Fee cap?',
      numericAnswers: [{ value: 40, tolerance: 0 }],
    },
  ];
}

export interface QuizLesson {
  trainer: GqlClient;
  categoryId: string;
  quiz: AnyData;
  /** Bank questions with their keys, keyed by promptKo. */
  bank: Map<string, AnyData>;
  published: PublishedCourse;
  lessonId: string;
}

/**
 * Through the API as a trainer: a category, one question of every type, a quiz with the given
 * settings holding them all, and a published course whose only (or first) lesson is that quiz.
 */
export async function createQuizLesson(
  app: TestApp,
  settings: AnyData = {},
  options: { extraLessons?: number; questions?: AnyData[] } = {},
): Promise<QuizLesson> {
  const { client: trainer } = await signedIn(app, { roles: ['TRAINER'] });
  const tag = randomUUID().slice(0, 6);
  const { createQuestionCategory: category } = await trainer.ok(
    `mutation($i: QuestionCategoryInput!) { createQuestionCategory(input: $i) { id } }`,
    { i: { nameKo: `분류 ${tag}`, nameEn: `Category ${tag}` } },
  );
  const bank = new Map<string, AnyData>();
  for (const q of options.questions ?? sampleQuestions(tag)) {
    const { createQuestion } = await trainer.ok(
      `mutation($i: QuestionInput!) { createQuestion(input: $i) { ${QUESTION_FIELDS} } }`,
      { i: { ...q, categoryId: category.id } },
    );
    bank.set(createQuestion.promptKo, createQuestion);
  }
  const { createQuiz: quiz } = await trainer.ok(
    `mutation($i: QuizInput!) { createQuiz(input: $i) { id passPercent } }`,
    {
      i: {
        titleKo: `퀴즈 ${tag}`,
        titleEn: `Quiz ${tag}`,
        passPercent: 60,
        gradingMethod: 'HIGHEST',
        shuffleQuestions: true,
        shuffleOptions: true,
        feedbackMode: 'AFTER_SUBMIT',
        layout: 'ONE_PER_PAGE',
        creditMinutes: 10,
        ...settings,
      },
    },
  );
  await trainer.ok(`mutation($id: ID!, $s: [QuizSlotInput!]!) { setQuizSlots(id: $id, slots: $s) { id } }`, {
    id: quiz.id,
    s: [...bank.values()].map((q) => ({ questionId: q.id })),
  });
  const published = await createPublishedCourse(app, {
    lessons: [
      { kind: 'QUIZ', content: { kind: 'QUIZ', quizId: quiz.id } },
      ...Array.from({ length: options.extraLessons ?? 0 }, () => ({ kind: 'READING' as const })),
    ],
  });
  return { trainer, categoryId: category.id, quiz, bank, published, lessonId: published.lessons[0].id };
}

/** The answer fields that earn every point of an attempt question, read from the bank's key. */
export function rightAnswer(bank: Map<string, AnyData>, aq: AnyData): AnyData {
  const q = bank.get(aq.promptKo)!;
  switch (q.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return { optionIds: q.options.filter((o: AnyData) => o.correct).map((o: AnyData) => o.id) };
    case 'TRUE_FALSE':
      return { booleanValue: q.trueFalseAnswer };
    case 'ORDERING':
      return { itemIds: q.orderingItems.map((i: AnyData) => i.id) };
    case 'MATCHING':
      return { matches: q.matchingPairs.map((p: AnyData) => ({ promptId: p.promptId, matchId: p.matchId })) };
    case 'SHORT_ANSWER':
      return { text: ' 부정청탁 금지법 ' };
    case 'NUMERIC':
      return { numberValue: q.numericAnswers[0].value };
  }
  throw new Error(`unknown type ${q.type}`);
}

/** Answer fields that earn nothing. */
export function wrongAnswer(bank: Map<string, AnyData>, aq: AnyData): AnyData {
  const q = bank.get(aq.promptKo)!;
  switch (q.type) {
    case 'SINGLE_CHOICE':
      return { optionIds: [q.options.find((o: AnyData) => !o.correct).id] };
    case 'MULTIPLE_CHOICE':
      return { optionIds: q.options.filter((o: AnyData) => !o.correct).map((o: AnyData) => o.id) };
    case 'TRUE_FALSE':
      return { booleanValue: !q.trueFalseAnswer };
    case 'ORDERING':
      // Every item out of place: nothing earned.
      return { itemIds: [q.orderingItems[2].id, q.orderingItems[0].id, q.orderingItems[1].id] };
    case 'MATCHING':
      return {
        matches: q.matchingPairs.map((p: AnyData, i: number) => ({
          promptId: p.promptId,
          matchId: q.matchingPairs[(i + 1) % q.matchingPairs.length].matchId,
        })),
      };
    case 'SHORT_ANSWER':
      return { text: '행동강령' };
    case 'NUMERIC':
      return { numberValue: 99 };
  }
  throw new Error(`unknown type ${q.type}`);
}

export const START_ATTEMPT = `mutation($e: ID!, $l: ID!) { startQuizAttempt(enrolmentId: $e, lessonId: $l) { ${ATTEMPT_FIELDS} } }`;
export const SAVE_ANSWER = `mutation($i: SaveQuizAnswerInput!) {
  saveQuizAnswer(input: $i) { id checked answer { optionIds booleanValue itemIds text numberValue } review { correct fraction } }
}`;
export const SUBMIT_ATTEMPT = `mutation($a: ID!) { submitQuizAttempt(attemptId: $a) { ${ATTEMPT_FIELDS} } }`;
export const READ_ATTEMPT = `query($a: ID!) { quizAttempt(id: $a) { ${ATTEMPT_FIELDS} } }`;
export const LESSON_QUIZ = `query($e: ID!, $l: ID!) {
  lessonQuiz(enrolmentId: $e, lessonId: $l) {
    quiz { id feedbackMode passPercent maxAttempts } grade passed lessonCompleted attemptsLeft questionCount
    attempts { id number status percent passed } inProgress { id }
  }
}`;

/** Enrols the client in the quiz's course and returns the enrolment id. */
export async function enrolIn(client: GqlClient, lesson: QuizLesson): Promise<string> {
  const { enrolInCourse } = await client.ok(`mutation($c: ID!) { enrolInCourse(courseId: $c) { id } }`, {
    c: lesson.published.course.id,
  });
  return enrolInCourse.id;
}

/** Saves an answer for every question of an attempt (right or wrong per `pick`). */
export async function answerAll(
  client: GqlClient,
  lesson: QuizLesson,
  attempt: AnyData,
  pick: (aq: AnyData) => 'right' | 'wrong' | 'skip' = () => 'right',
): Promise<void> {
  for (const aq of attempt.questions) {
    const choice = pick(aq);
    if (choice === 'skip') continue;
    const fields = choice === 'right' ? rightAnswer(lesson.bank, aq) : wrongAnswer(lesson.bank, aq);
    await client.ok(SAVE_ANSWER, { i: { attemptId: attempt.id, attemptQuestionId: aq.id, ...fields } });
  }
}
