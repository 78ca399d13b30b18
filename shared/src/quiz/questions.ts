import { z } from 'zod';

/** The seven question types. The same questions feed quizzes and live games. */
export const QuestionType = {
  SINGLE_CHOICE: 'SINGLE_CHOICE',
  MULTIPLE_CHOICE: 'MULTIPLE_CHOICE',
  /** Shown as O/X. */
  TRUE_FALSE: 'TRUE_FALSE',
  ORDERING: 'ORDERING',
  MATCHING: 'MATCHING',
  SHORT_ANSWER: 'SHORT_ANSWER',
  NUMERIC: 'NUMERIC',
} as const;
export type QuestionType = (typeof QuestionType)[keyof typeof QuestionType];
export const QUESTION_TYPES = Object.values(QuestionType);

export const QuestionDifficulty = { EASY: 'EASY', MEDIUM: 'MEDIUM', HARD: 'HARD' } as const;
export type QuestionDifficulty = (typeof QuestionDifficulty)[keyof typeof QuestionDifficulty];

/** How a multiple-choice answer earns points. */
export const MultipleScoring = {
  /** Every correct option and no wrong one, or nothing. */
  ALL_OR_NOTHING: 'ALL_OR_NOTHING',
  /** Each correct option chosen earns its share, each wrong one costs a share; never below zero. */
  PARTIAL: 'PARTIAL',
} as const;
export type MultipleScoring = (typeof MultipleScoring)[keyof typeof MultipleScoring];

export const QuestionLimits = {
  promptMax: 2_000,
  explanationMax: 2_000,
  optionTextMax: 300,
  feedbackMax: 500,
  optionsMin: 2,
  optionsMax: 10,
  acceptedAnswersMax: 20,
  acceptedAnswerMax: 200,
  patternMax: 200,
  numericAnswersMax: 10,
  pointsMax: 100,
  tagsMax: 10,
  tagMax: 40,
  categoryNameMax: 100,
  /** A learner's short answer. */
  shortAnswerMax: 200,
  /** Questions in one GIFT or CSV import. */
  importQuestionsMax: 10_000,
  /** Largest import file, in bytes. */
  importBytesMax: 8 * 1024 * 1024,
} as const;

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullish()
    .transform((v) => v ?? '');
const localId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

export const choiceOptionSchema = z.object({
  id: localId,
  textKo: text(QuestionLimits.optionTextMax),
  textEn: text(QuestionLimits.optionTextMax),
  correct: z.boolean(),
  feedbackKo: optionalText(QuestionLimits.feedbackMax),
  feedbackEn: optionalText(QuestionLimits.feedbackMax),
});
export type ChoiceOption = z.output<typeof choiceOptionSchema>;

export const orderingItemSchema = z.object({
  id: localId,
  textKo: text(QuestionLimits.optionTextMax),
  textEn: text(QuestionLimits.optionTextMax),
});
export type OrderingItem = z.output<typeof orderingItemSchema>;

/** Prompt and match carry different ids, so the ids a learner sees say nothing about the pairing. */
export const matchingPairSchema = z.object({
  promptId: localId,
  promptKo: text(QuestionLimits.optionTextMax),
  promptEn: text(QuestionLimits.optionTextMax),
  matchId: localId,
  matchKo: text(QuestionLimits.optionTextMax),
  matchEn: text(QuestionLimits.optionTextMax),
});
export type MatchingPair = z.output<typeof matchingPairSchema>;

export const numericAnswerSchema = z.object({
  value: z.number().finite(),
  tolerance: z.number().finite().min(0),
});
export type NumericAnswer = z.output<typeof numericAnswerSchema>;

const options = z.array(choiceOptionSchema).min(QuestionLimits.optionsMin).max(QuestionLimits.optionsMax);

/** The answer key and the material of a question, by type. Stored as jsonb; never sent to learners. */
export const questionBodySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('SINGLE_CHOICE'), options }),
  z.object({
    type: z.literal('MULTIPLE_CHOICE'),
    options,
    scoring: z.enum(['ALL_OR_NOTHING', 'PARTIAL']),
  }),
  z.object({ type: z.literal('TRUE_FALSE'), answer: z.boolean() }),
  z.object({
    type: z.literal('ORDERING'),
    /** In the correct order. */
    items: z.array(orderingItemSchema).min(QuestionLimits.optionsMin).max(QuestionLimits.optionsMax),
  }),
  z.object({
    type: z.literal('MATCHING'),
    pairs: z.array(matchingPairSchema).min(QuestionLimits.optionsMin).max(QuestionLimits.optionsMax),
  }),
  z.object({
    type: z.literal('SHORT_ANSWER'),
    answers: z.array(text(QuestionLimits.acceptedAnswerMax)).max(QuestionLimits.acceptedAnswersMax),
    /** Regular expressions tried against the normalised answer (whole match, case-insensitive). */
    patterns: z.array(text(QuestionLimits.patternMax)).max(QuestionLimits.acceptedAnswersMax),
  }),
  z.object({
    type: z.literal('NUMERIC'),
    answers: z.array(numericAnswerSchema).min(1).max(QuestionLimits.numericAnswersMax),
  }),
]);
export type QuestionBody = z.output<typeof questionBodySchema>;
export type BodyOf<T extends QuestionType> = Extract<QuestionBody, { type: T }>;

/** The problems of a body that its shape alone does not show; empty when it is usable. */
export function questionBodyProblems(body: QuestionBody): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const unique = (field: string, ids: string[]) => {
    if (new Set(ids).size !== ids.length) problems.push({ field, message: 'ids must be unique' });
  };
  switch (body.type) {
    case 'SINGLE_CHOICE':
      unique(
        'options',
        body.options.map((o) => o.id),
      );
      if (body.options.filter((o) => o.correct).length !== 1)
        problems.push({ field: 'options', message: 'exactly one option must be correct' });
      break;
    case 'MULTIPLE_CHOICE':
      unique(
        'options',
        body.options.map((o) => o.id),
      );
      if (!body.options.some((o) => o.correct))
        problems.push({ field: 'options', message: 'at least one option must be correct' });
      break;
    case 'ORDERING':
      unique(
        'orderingItems',
        body.items.map((i) => i.id),
      );
      break;
    case 'MATCHING':
      unique(
        'matchingPairs',
        body.pairs.flatMap((p) => [p.promptId, p.matchId]),
      );
      break;
    case 'SHORT_ANSWER':
      if (body.answers.length + body.patterns.length === 0)
        problems.push({ field: 'acceptedAnswers', message: 'give at least one accepted answer or pattern' });
      for (const [i, pattern] of body.patterns.entries()) {
        try {
          new RegExp(pattern, 'iu');
        } catch {
          problems.push({ field: `acceptedPatterns.${i}`, message: 'not a valid regular expression' });
        }
      }
      break;
    case 'TRUE_FALSE':
    case 'NUMERIC':
      break;
  }
  return problems;
}

/** The learner's answer to one question. Exactly the field of the question's type is read. */
export interface LearnerAnswer {
  optionIds?: string[] | null;
  booleanValue?: boolean | null;
  itemIds?: string[] | null;
  matches?: { promptId: string; matchId: string }[] | null;
  text?: string | null;
  numberValue?: number | null;
}

/** Which field of LearnerAnswer each type reads. */
export const ANSWER_FIELD_OF: Record<QuestionType, keyof LearnerAnswer> = {
  SINGLE_CHOICE: 'optionIds',
  MULTIPLE_CHOICE: 'optionIds',
  TRUE_FALSE: 'booleanValue',
  ORDERING: 'itemIds',
  MATCHING: 'matches',
  SHORT_ANSWER: 'text',
  NUMERIC: 'numberValue',
};

export type AnswerProblem =
  /** The answer uses a field of another type, or misses its own. */
  | 'WRONG_SHAPE'
  /** An option, item, prompt or match id that is not part of this question. */
  | 'UNKNOWN_ID'
  | 'TOO_LONG';

/**
 * Checks an answer against the question before it is saved: the right field, ids that belong to
 * this question, no duplicates. Returns the answer reduced to its own field, or a problem.
 */
export function checkAnswer(
  body: QuestionBody,
  answer: LearnerAnswer,
): { ok: true; answer: LearnerAnswer } | { ok: false; problem: AnswerProblem } {
  const field = ANSWER_FIELD_OF[body.type];
  const given = (Object.keys(answer) as (keyof LearnerAnswer)[]).filter((k) => answer[k] != null);
  if (given.some((k) => k !== field) || answer[field] == null) return { ok: false, problem: 'WRONG_SHAPE' };
  const noDuplicates = (ids: string[]) => new Set(ids).size === ids.length;
  switch (body.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const ids = answer.optionIds!;
      if (body.type === 'SINGLE_CHOICE' && ids.length > 1) return { ok: false, problem: 'WRONG_SHAPE' };
      const known = new Set(body.options.map((o) => o.id));
      if (!noDuplicates(ids) || ids.some((id) => !known.has(id))) return { ok: false, problem: 'UNKNOWN_ID' };
      return { ok: true, answer: { optionIds: ids } };
    }
    case 'TRUE_FALSE':
      return { ok: true, answer: { booleanValue: answer.booleanValue! } };
    case 'ORDERING': {
      const ids = answer.itemIds!;
      const known = new Set(body.items.map((i) => i.id));
      if (!noDuplicates(ids) || ids.some((id) => !known.has(id))) return { ok: false, problem: 'UNKNOWN_ID' };
      if (ids.length !== known.size) return { ok: false, problem: 'WRONG_SHAPE' };
      return { ok: true, answer: { itemIds: ids } };
    }
    case 'MATCHING': {
      const matches = answer.matches!;
      const prompts = new Set(body.pairs.map((p) => p.promptId));
      const matchIds = new Set(body.pairs.map((p) => p.matchId));
      if (
        !noDuplicates(matches.map((m) => m.promptId)) ||
        matches.some((m) => !prompts.has(m.promptId) || !matchIds.has(m.matchId))
      )
        return { ok: false, problem: 'UNKNOWN_ID' };
      return {
        ok: true,
        answer: { matches: matches.map((m) => ({ promptId: m.promptId, matchId: m.matchId })) },
      };
    }
    case 'SHORT_ANSWER': {
      if (answer.text!.length > QuestionLimits.shortAnswerMax) return { ok: false, problem: 'TOO_LONG' };
      return { ok: true, answer: { text: answer.text! } };
    }
    case 'NUMERIC':
      if (!Number.isFinite(answer.numberValue)) return { ok: false, problem: 'WRONG_SHAPE' };
      return { ok: true, answer: { numberValue: answer.numberValue! } };
  }
}

/**
 * How short answers are compared: Unicode NFKC (full-width Latin and digits become ordinary ones,
 * compatibility jamo are composed), case folded, every kind of space removed (Korean spacing
 * varies: 청탁금지법 = 청탁 금지법) and outer punctuation dropped.
 */
export function normaliseShortAnswer(value: string): string {
  // NFKC has already turned the Hangul fillers (U+3164, U+FFA0) into U+1160, so that one is removed.
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b\u1160\u3164]+/gu, '')
    .replace(/^[\p{P}]+|[\p{P}]+$/gu, '')
    .normalize('NFC');
}

/** Whether a short answer matches a pattern: whole match on the normalised text, case-insensitive. */
export function matchesPattern(pattern: string, value: string): boolean {
  try {
    // Compiled alone first: an invalid pattern such as `a)|(b` would otherwise close the group and
    // escape the anchors once wrapped.
    new RegExp(pattern, 'iu');
    return new RegExp(`^(?:${pattern})$`, 'iu').test(normaliseShortAnswer(value));
  } catch {
    return false;
  }
}

export interface Grade {
  /** Share of the points earned, 0..1. */
  fraction: number;
  correct: boolean;
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** Grades an answer (already checked with checkAnswer) against the key. No answer earns nothing. */
export function gradeAnswer(body: QuestionBody, answer: LearnerAnswer | null): Grade {
  const none = { fraction: 0, correct: false };
  if (!answer) return none;
  switch (body.type) {
    case 'SINGLE_CHOICE': {
      const chosen = answer.optionIds ?? [];
      const right = body.options.find((o) => o.correct)!.id;
      return chosen.length === 1 && chosen[0] === right ? { fraction: 1, correct: true } : none;
    }
    case 'MULTIPLE_CHOICE': {
      const chosen = new Set(answer.optionIds ?? []);
      const right = body.options.filter((o) => o.correct);
      const wrong = body.options.filter((o) => !o.correct);
      const allRight = right.every((o) => chosen.has(o.id)) && wrong.every((o) => !chosen.has(o.id));
      if (body.scoring === 'ALL_OR_NOTHING' || allRight)
        return allRight ? { fraction: 1, correct: true } : none;
      const gained = right.filter((o) => chosen.has(o.id)).length / right.length;
      const lost = wrong.length === 0 ? 0 : wrong.filter((o) => chosen.has(o.id)).length / wrong.length;
      return { fraction: round(Math.max(0, gained - lost)), correct: false };
    }
    case 'TRUE_FALSE':
      return answer.booleanValue === body.answer ? { fraction: 1, correct: true } : none;
    case 'ORDERING': {
      const given = answer.itemIds ?? [];
      const inPlace = body.items.filter((item, i) => given[i] === item.id).length;
      const fraction = round(inPlace / body.items.length);
      return { fraction, correct: inPlace === body.items.length };
    }
    case 'MATCHING': {
      const given = new Map((answer.matches ?? []).map((m) => [m.promptId, m.matchId]));
      const right = body.pairs.filter((p) => given.get(p.promptId) === p.matchId).length;
      const fraction = round(right / body.pairs.length);
      return { fraction, correct: right === body.pairs.length };
    }
    case 'SHORT_ANSWER': {
      const value = answer.text ?? '';
      const normalised = normaliseShortAnswer(value);
      if (normalised === '') return none;
      const ok =
        body.answers.some((a) => normaliseShortAnswer(a) === normalised) ||
        body.patterns.some((p) => matchesPattern(p, value));
      return ok ? { fraction: 1, correct: true } : none;
    }
    case 'NUMERIC': {
      const value = answer.numberValue;
      if (value == null || !Number.isFinite(value)) return none;
      // A small epsilon so that 0.1 + 0.2 within a tolerance of 0 still counts as 0.3.
      const ok = body.answers.some((a) => Math.abs(value - a.value) <= a.tolerance + 1e-9);
      return ok ? { fraction: 1, correct: true } : none;
    }
  }
}

/** Points earned for a fraction of a question worth `points`, to two decimals. */
export function pointsFor(fraction: number, points: number): number {
  return Math.round(fraction * points * 100) / 100;
}

/** A seeded shuffle (mulberry32), so an attempt's order is fixed once and reproducible in tests. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The order in which a learner sees the parts of a question in one attempt: option ids for choice
 * questions, item ids for ordering (always shuffled: the stored order is the key, and never left
 * in it), match ids for matching (always shuffled) and prompt ids (shuffled with options).
 */
export interface Presentation {
  optionIds?: string[];
  itemIds?: string[];
  promptIds?: string[];
  matchIds?: string[];
}

export function presentationOf(body: QuestionBody, shuffleOptions: boolean, seed: number): Presentation {
  const maybe = <T>(xs: T[]) => (shuffleOptions ? seededShuffle(xs, seed) : xs);
  switch (body.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return { optionIds: maybe(body.options.map((o) => o.id)) };
    case 'ORDERING':
      return {
        itemIds: derange(
          body.items.map((i) => i.id),
          seed,
        ),
      };
    case 'MATCHING': {
      const promptIds = maybe(body.pairs.map((p) => p.promptId));
      const matchOf = new Map(body.pairs.map((p) => [p.promptId, p.matchId]));
      // Deranged against the prompts as shown, so the matches never line up with their prompts.
      return {
        promptIds,
        matchIds: derange(
          promptIds.map((id) => matchOf.get(id)!),
          seed + 1,
        ),
      };
    }
    default:
      return {};
  }
}

/** A shuffle that never returns the original order (for two or more distinct items). */
function derange(ids: string[], seed: number): string[] {
  for (let attempt = 0; attempt < 20; attempt++) {
    const shuffled = seededShuffle(ids, seed + attempt * 7919);
    if (shuffled.some((id, i) => id !== ids[i])) return shuffled;
  }
  return [...ids.slice(1), ids[0]];
}

/** What a review shows of a question's key (the learner's own grade comes from gradeAnswer). */
export interface ReviewKey {
  correctOptionIds: string[];
  correctBoolean: boolean | null;
  /** Ordering: the item ids in the right order. */
  correctItemIds: string[];
  correctMatches: { promptId: string; matchId: string }[];
  /** Short answer: the plain accepted answers (patterns are the author's tool, never shown). */
  acceptedAnswers: string[];
  acceptedNumbers: number[];
  optionFeedback: { optionId: string; feedbackKo: string; feedbackEn: string }[];
}

/** The key of a question as a review shows it: the server's review and the author's preview. */
export function reviewKeyOf(body: QuestionBody): ReviewKey {
  const key: ReviewKey = {
    correctOptionIds: [],
    correctBoolean: null,
    correctItemIds: [],
    correctMatches: [],
    acceptedAnswers: [],
    acceptedNumbers: [],
    optionFeedback: [],
  };
  switch (body.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      key.correctOptionIds = body.options.filter((o) => o.correct).map((o) => o.id);
      key.optionFeedback = body.options
        .filter((o) => o.feedbackKo.trim() !== '' || o.feedbackEn.trim() !== '')
        .map((o) => ({ optionId: o.id, feedbackKo: o.feedbackKo, feedbackEn: o.feedbackEn }));
      break;
    case 'TRUE_FALSE':
      key.correctBoolean = body.answer;
      break;
    case 'ORDERING':
      key.correctItemIds = body.items.map((i) => i.id);
      break;
    case 'MATCHING':
      key.correctMatches = body.pairs.map((p) => ({ promptId: p.promptId, matchId: p.matchId }));
      break;
    case 'SHORT_ANSWER':
      key.acceptedAnswers = body.answers;
      break;
    case 'NUMERIC':
      key.acceptedNumbers = body.answers.map((a) => a.value);
      break;
  }
  return key;
}
