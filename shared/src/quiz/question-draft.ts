import { z } from 'zod';
import {
  QuestionLimits,
  questionBodyProblems,
  questionBodySchema,
  type QuestionBody,
  type QuestionDifficulty,
  type QuestionType,
  type MultipleScoring,
} from './questions.js';

/**
 * A question as an author writes it: one flat shape for every type (the editor form, the GraphQL
 * input and the GIFT/CSV importers all produce it). Only the fields of its type are read.
 * Ids of options, items and pairs may be left out: new ones are made.
 */
export interface QuestionDraft {
  type: QuestionType;
  promptKo: string;
  promptEn: string;
  explanationKo?: string | null;
  explanationEn?: string | null;
  imageUrl?: string | null;
  difficulty: QuestionDifficulty;
  points: number;
  tags: string[];
  options?: DraftOption[] | null;
  multipleScoring?: MultipleScoring | null;
  trueFalseAnswer?: boolean | null;
  orderingItems?: { id?: string | null; textKo: string; textEn: string }[] | null;
  matchingPairs?:
    | {
        promptId?: string | null;
        promptKo: string;
        promptEn: string;
        matchId?: string | null;
        matchKo: string;
        matchEn: string;
      }[]
    | null;
  acceptedAnswers?: string[] | null;
  acceptedPatterns?: string[] | null;
  numericAnswers?: { value: number; tolerance: number }[] | null;
}

export interface DraftOption {
  id?: string | null;
  textKo: string;
  textEn: string;
  correct: boolean;
  feedbackKo?: string | null;
  feedbackEn?: string | null;
}

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .nullish()
    .transform((v) => v ?? '');

/** The parts of a question outside its body. */
export const questionMetaSchema = z.object({
  promptKo: text(QuestionLimits.promptMax),
  promptEn: text(QuestionLimits.promptMax),
  explanationKo: optionalText(QuestionLimits.explanationMax),
  explanationEn: optionalText(QuestionLimits.explanationMax),
  imageUrl: z
    .url({ protocol: /^https?$/, message: 'an http(s) URL' })
    .max(500)
    .nullish()
    .transform((v) => v ?? null),
  difficulty: z.enum(['EASY', 'MEDIUM', 'HARD']),
  points: z.number().int().min(1).max(QuestionLimits.pointsMax),
  tags: z
    .array(z.string().trim().min(1).max(QuestionLimits.tagMax))
    .max(QuestionLimits.tagsMax)
    .transform((tags) => [...new Set(tags)]),
});
export type QuestionMeta = z.output<typeof questionMetaSchema>;

/** Fields of the draft that belong to each type (others must be empty). */
export const DRAFT_FIELDS_OF: Record<QuestionType, (keyof QuestionDraft)[]> = {
  SINGLE_CHOICE: ['options'],
  MULTIPLE_CHOICE: ['options', 'multipleScoring'],
  TRUE_FALSE: ['trueFalseAnswer'],
  ORDERING: ['orderingItems'],
  MATCHING: ['matchingPairs'],
  SHORT_ANSWER: ['acceptedAnswers', 'acceptedPatterns'],
  NUMERIC: ['numericAnswers'],
};
const BODY_FIELDS = [...new Set(Object.values(DRAFT_FIELDS_OF).flat())] as (keyof QuestionDraft)[];

export type DraftProblem = { field: string; message: string };

/**
 * Turns a draft into its stored parts, or lists every problem (field paths as in the draft:
 * `options.1.textEn`). `newId` makes ids for options, items and pairs that have none.
 */
export function parseQuestionDraft(
  draft: QuestionDraft,
  newId: () => string,
): { ok: true; meta: QuestionMeta; body: QuestionBody } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  for (const field of BODY_FIELDS) {
    const value = draft[field];
    const empty = value == null || (Array.isArray(value) && value.length === 0);
    if (!empty && !DRAFT_FIELDS_OF[draft.type]?.includes(field))
      problems.push({ field, message: `not used by a ${draft.type} question` });
  }
  const meta = questionMetaSchema.safeParse(draft);
  if (!meta.success) problems.push(...issuesOf(meta.error));
  const body = questionBodySchema.safeParse(bodyCandidate(draft, newId));
  if (!body.success) problems.push(...issuesOf(body.error).map((p) => renameBodyField(p, draft.type)));
  else problems.push(...questionBodyProblems(body.data));
  if (problems.length > 0 || !meta.success || !body.success) return { ok: false, problems };
  return { ok: true, meta: meta.data, body: body.data };
}

function issuesOf(error: z.ZodError): DraftProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

/** Body paths back to draft names: items → orderingItems, pairs → matchingPairs, … */
function renameBodyField(problem: DraftProblem, type: QuestionType): DraftProblem {
  const [head, ...rest] = problem.field.split('.');
  const renamed =
    (
      {
        items: 'orderingItems',
        pairs: 'matchingPairs',
        answer: 'trueFalseAnswer',
        scoring: 'multipleScoring',
        answers: type === 'NUMERIC' ? 'numericAnswers' : 'acceptedAnswers',
        patterns: 'acceptedPatterns',
      } as Record<string, string>
    )[head] ?? head;
  return { ...problem, field: [renamed, ...rest].join('.') };
}

function bodyCandidate(draft: QuestionDraft, newId: () => string): unknown {
  const id = (given: string | null | undefined) => (given && given.trim() !== '' ? given.trim() : newId());
  switch (draft.type) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE': {
      const options = (draft.options ?? []).map((o) => ({ ...o, id: id(o.id) }));
      return draft.type === 'SINGLE_CHOICE'
        ? { type: draft.type, options }
        : { type: draft.type, options, scoring: draft.multipleScoring ?? 'ALL_OR_NOTHING' };
    }
    case 'TRUE_FALSE':
      return { type: draft.type, answer: draft.trueFalseAnswer };
    case 'ORDERING':
      return { type: draft.type, items: (draft.orderingItems ?? []).map((i) => ({ ...i, id: id(i.id) })) };
    case 'MATCHING':
      return {
        type: draft.type,
        pairs: (draft.matchingPairs ?? []).map((p) => ({
          ...p,
          promptId: id(p.promptId),
          matchId: id(p.matchId),
        })),
      };
    case 'SHORT_ANSWER':
      return {
        type: draft.type,
        answers: draft.acceptedAnswers ?? [],
        patterns: draft.acceptedPatterns ?? [],
      };
    case 'NUMERIC':
      return { type: draft.type, answers: draft.numericAnswers ?? [] };
    default:
      return { type: draft.type };
  }
}

/** The draft of a stored question (the editor's starting point and the exporters' input). */
export function draftOf(meta: QuestionMeta, body: QuestionBody): QuestionDraft {
  const draft: QuestionDraft = { ...meta, type: body.type };
  switch (body.type) {
    case 'SINGLE_CHOICE':
      return { ...draft, options: body.options };
    case 'MULTIPLE_CHOICE':
      return { ...draft, options: body.options, multipleScoring: body.scoring };
    case 'TRUE_FALSE':
      return { ...draft, trueFalseAnswer: body.answer };
    case 'ORDERING':
      return { ...draft, orderingItems: body.items };
    case 'MATCHING':
      return { ...draft, matchingPairs: body.pairs };
    case 'SHORT_ANSWER':
      return { ...draft, acceptedAnswers: body.answers, acceptedPatterns: body.patterns };
    case 'NUMERIC':
      return { ...draft, numericAnswers: body.answers };
  }
}
