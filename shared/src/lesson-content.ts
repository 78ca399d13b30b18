import { z } from 'zod';
import { CourseLimits } from './learning.js';

const text = (max: number) => z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

export const readingContentSchema = z.object({
  kind: z.literal('READING'),
  markdownKo: text(CourseLimits.markdownMax),
  markdownEn: text(CourseLimits.markdownMax),
  minReadingSeconds: z.number().int().min(0).max(CourseLimits.minReadingSecondsMax),
});

/** Video files over http(s), or YouTube/Vimeo pages (embedded by the player). */
export const videoContentSchema = z.object({
  kind: z.literal('VIDEO'),
  url: z.url({ protocol: /^https?$/, message: 'an http(s) URL' }).max(500),
  requiredWatchPercent: z.number().int().min(1).max(100),
});

export const dilemmaChoiceSchema = z.object({
  id: z.string().trim().min(1).max(40),
  labelKo: text(CourseLimits.dilemmaTextMax),
  labelEn: text(CourseLimits.dilemmaTextMax),
  /** Explains the law behind the choice (청탁금지법, 이해충돌방지법, code of conduct). */
  feedbackKo: optionalText(CourseLimits.dilemmaTextMax),
  feedbackEn: optionalText(CourseLimits.dilemmaTextMax),
  /** The next node, or null when the choice ends the scenario. */
  next: z.string().trim().min(1).max(40).nullable(),
});

export const dilemmaNodeSchema = z.object({
  id: z.string().trim().min(1).max(40),
  textKo: text(CourseLimits.dilemmaTextMax),
  textEn: text(CourseLimits.dilemmaTextMax),
  /** No choices: this node is an ending. */
  choices: z.array(dilemmaChoiceSchema).max(CourseLimits.dilemmaChoicesMax),
});

export const dilemmaContentSchema = z
  .object({
    kind: z.literal('DILEMMA'),
    startNodeId: z.string().trim().min(1),
    nodes: z.array(dilemmaNodeSchema).min(1).max(CourseLimits.dilemmaNodesMax),
  })
  .superRefine((content, ctx) => {
    for (const problem of dilemmaProblems(content))
      ctx.addIssue({ code: 'custom', path: ['nodes'], message: problem });
  });

export const pledgeContentSchema = z.object({
  kind: z.literal('PLEDGE'),
  textKo: text(CourseLimits.pledgeTextMax),
  textEn: text(CourseLimits.pledgeTextMax),
});

export const quizContentSchema = z.object({
  kind: z.literal('QUIZ'),
  /** Set by the quiz engine; null until a quiz is attached. */
  quizId: z.string().uuid().nullable(),
});

export const lessonContentSchema = z.union([
  readingContentSchema,
  videoContentSchema,
  dilemmaContentSchema,
  pledgeContentSchema,
  quizContentSchema,
]);

export type ReadingContent = z.output<typeof readingContentSchema>;
export type VideoContent = z.output<typeof videoContentSchema>;
export type DilemmaContent = z.output<typeof dilemmaContentSchema>;
export type DilemmaNode = z.output<typeof dilemmaNodeSchema>;
export type PledgeContent = z.output<typeof pledgeContentSchema>;
export type QuizContent = z.output<typeof quizContentSchema>;
export type LessonContent = z.output<typeof lessonContentSchema>;

/**
 * Structural problems of a scenario: duplicate ids, choices pointing nowhere, nodes that cannot be
 * reached, or a start from which no ending can be reached (a learner could never finish).
 */
export function dilemmaProblems(content: { startNodeId: string; nodes: DilemmaNode[] }): string[] {
  const problems: string[] = [];
  const byId = new Map<string, DilemmaNode>();
  for (const node of content.nodes) {
    if (byId.has(node.id)) problems.push(`node id "${node.id}" is used twice`);
    byId.set(node.id, node);
    const choiceIds = new Set<string>();
    for (const choice of node.choices) {
      if (choiceIds.has(choice.id))
        problems.push(`choice id "${choice.id}" is used twice in node "${node.id}"`);
      choiceIds.add(choice.id);
      if (choice.next !== null && !content.nodes.some((n) => n.id === choice.next)) {
        problems.push(`choice "${choice.id}" of node "${node.id}" leads to missing node "${choice.next}"`);
      }
    }
  }
  if (!byId.has(content.startNodeId))
    return [...problems, `start node "${content.startNodeId}" does not exist`];
  const reachable = new Set<string>();
  const queue = [content.startNodeId];
  let endingReachable = false;
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    const node = byId.get(id);
    if (!node) continue;
    if (node.choices.length === 0) endingReachable = true;
    for (const choice of node.choices) {
      if (choice.next === null) endingReachable = true;
      else queue.push(choice.next);
    }
  }
  for (const node of content.nodes) {
    if (!reachable.has(node.id)) problems.push(`node "${node.id}" cannot be reached from the start`);
  }
  if (!endingReachable) problems.push('no ending can be reached from the start');
  return problems;
}

/**
 * Checks a learner's path through a scenario (the choice ids taken, in order) and returns the
 * node ids visited, or null when the path is not a complete walk from the start to an ending.
 */
export function walkDilemma(
  content: { startNodeId: string; nodes: DilemmaNode[] },
  choiceIds: readonly string[],
): string[] | null {
  const byId = new Map(content.nodes.map((n) => [n.id, n]));
  let node = byId.get(content.startNodeId);
  const visited: string[] = [];
  for (const [index, choiceId] of choiceIds.entries()) {
    if (!node) return null;
    visited.push(node.id);
    const choice = node.choices.find((c) => c.id === choiceId);
    if (!choice) return null;
    // A choice without a next node ends the scenario: it must be the last one taken.
    if (choice.next === null) return index === choiceIds.length - 1 ? visited : null;
    node = byId.get(choice.next);
  }
  // Otherwise the walk must stop on an ending node (one without choices).
  return node && node.choices.length === 0 ? [...visited, node.id] : null;
}

export const courseDetailsSchema = z.object({
  titleKo: text(CourseLimits.titleMax),
  titleEn: text(CourseLimits.titleMax),
  descriptionKo: optionalText(CourseLimits.descriptionMax),
  descriptionEn: optionalText(CourseLimits.descriptionMax),
  category: z.enum([
    'INTEGRITY_LAW',
    'PERSONNEL',
    'CONTRACTS_CONSTRUCTION',
    'PERMITS_LICENCES',
    'FINANCE_TAX',
    'GRANTS_OUTSOURCING',
  ]),
  creditMinutes: z.number().int().min(1).max(CourseLimits.creditMinutesMax),
  estimatedMinutes: z.number().int().min(1).max(CourseLimits.creditMinutesMax),
  coverImageUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish(),
  tags: z
    .array(z.string().trim().min(1).max(CourseLimits.tagMax))
    .max(CourseLimits.tagsMax)
    .transform((tags) => [...new Set(tags)]),
  sequential: z.boolean(),
});
export type CourseDetails = z.output<typeof courseDetailsSchema>;

export const sectionTitleSchema = z.object({
  titleKo: text(CourseLimits.titleMax),
  titleEn: text(CourseLimits.titleMax),
});
