import type { QuestionDifficulty, QuestionType } from '@palma/shared';
import type { QuizSlotInput } from '@/api/graphql';

/** What the builder shows of a fixed question. */
export interface SlotQuestion {
  id: string;
  promptKo: string;
  promptEn: string;
  type: QuestionType;
  difficulty: QuestionDifficulty;
  points: number;
  categoryId: string;
  archived?: boolean;
}

/**
 * One place of a quiz, as the builder lists it: a fixed question, or a number of questions drawn at
 * random from a category when an attempt starts. `key` tells rows apart while the list changes
 * (two draws from the same category are allowed).
 */
export type SlotDraft =
  | { key: string; kind: 'fixed'; questionId: string; question: SlotQuestion | null }
  | {
      key: string;
      kind: 'draw';
      categoryId: string;
      drawCount: number;
      difficulty: QuestionDifficulty | null;
      includeSubcategories: boolean;
      /** Active questions the draw can choose from; null while unknown. */
      availableCount: number | null;
    };

export type DrawSlotDraft = Extract<SlotDraft, { kind: 'draw' }>;

/** A slot as the server returns it. */
export interface SavedSlot {
  id: string;
  questionId: string | null;
  question: SlotQuestion | null;
  categoryId: string | null;
  drawCount: number;
  difficulty: QuestionDifficulty | null;
  includeSubcategories: boolean;
  availableCount: number;
}

let keyCounter = 0;
function newKey(): string {
  keyCounter += 1;
  return `new-${keyCounter}`;
}

export function slotsFromSaved(slots: readonly SavedSlot[]): SlotDraft[] {
  return slots.map((s) =>
    s.questionId
      ? { key: s.id, kind: 'fixed', questionId: s.questionId, question: s.question }
      : {
          key: s.id,
          kind: 'draw',
          categoryId: s.categoryId ?? '',
          drawCount: s.drawCount,
          difficulty: s.difficulty,
          includeSubcategories: s.includeSubcategories,
          availableCount: s.availableCount,
        },
  );
}

/** What setQuizSlots takes: the whole list, in order. */
export function toSlotInputs(slots: readonly SlotDraft[]): QuizSlotInput[] {
  return slots.map((s) =>
    s.kind === 'fixed'
      ? { questionId: s.questionId }
      : {
          categoryId: s.categoryId,
          drawCount: s.drawCount,
          difficulty: s.difficulty,
          includeSubcategories: s.includeSubcategories,
        },
  );
}

export function hasQuestion(slots: readonly SlotDraft[], questionId: string): boolean {
  return slots.some((s) => s.kind === 'fixed' && s.questionId === questionId);
}

/** Adds a fixed question at the end; a question already in the quiz is not added twice. */
export function addFixedSlot(slots: readonly SlotDraft[], question: SlotQuestion): SlotDraft[] {
  if (hasQuestion(slots, question.id)) return [...slots];
  return [...slots, { key: newKey(), kind: 'fixed', questionId: question.id, question }];
}

export function addDrawSlot(
  slots: readonly SlotDraft[],
  draw: Omit<DrawSlotDraft, 'key' | 'kind'>,
): SlotDraft[] {
  return [...slots, { key: newKey(), kind: 'draw', ...draw }];
}

/** Moves a slot one place up (-1) or down (+1); unchanged at the edge or for an unknown key. */
export function moveSlot(slots: readonly SlotDraft[], key: string, delta: -1 | 1): SlotDraft[] {
  const from = slots.findIndex((s) => s.key === key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= slots.length) return [...slots];
  const next = [...slots];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

export function removeSlot(slots: readonly SlotDraft[], key: string): SlotDraft[] {
  return slots.filter((s) => s.key !== key);
}

/** Whether two lists would send the same slots (rows' keys do not matter). */
export function sameSlots(a: readonly SlotDraft[], b: readonly SlotDraft[]): boolean {
  return JSON.stringify(toSlotInputs(a)) === JSON.stringify(toSlotInputs(b));
}

/** Questions one attempt shows. */
export function questionTotal(slots: readonly SlotDraft[]): number {
  return slots.reduce((sum, s) => sum + (s.kind === 'fixed' ? 1 : s.drawCount), 0);
}

/**
 * The highest score an attempt can reach, as far as the builder knows: fixed questions count their
 * points; drawn questions are only known once drawn, so they are counted apart.
 */
export function scoreSummary(slots: readonly SlotDraft[]): { fixedPoints: number; drawnQuestions: number } {
  let fixedPoints = 0;
  let drawnQuestions = 0;
  for (const s of slots) {
    if (s.kind === 'fixed') fixedPoints += s.question?.points ?? 0;
    else drawnQuestions += s.drawCount;
  }
  return { fixedPoints, drawnQuestions };
}

/** What decides which questions a draw may pick. */
export interface DrawScope {
  categoryId: string;
  difficulty: QuestionDifficulty | null;
  includeSubcategories: boolean;
}

/** The categories from the top of the tree down to a category (itself included); [] when unknown. */
export type AncestorsOf = (categoryId: string) => readonly string[];

/**
 * Fixed questions of the quiz that a draw could also pick. An attempt never shows a question twice,
 * so these do not count toward what the draw can choose from.
 */
export function drawOverlap(slots: readonly SlotDraft[], draw: DrawScope, ancestorsOf: AncestorsOf): number {
  return slots.filter((s) => {
    if (s.kind !== 'fixed' || !s.question || s.question.archived) return false;
    const q = s.question;
    if (draw.difficulty && q.difficulty !== draw.difficulty) return false;
    return draw.includeSubcategories
      ? ancestorsOf(q.categoryId).includes(draw.categoryId)
      : q.categoryId === draw.categoryId;
  }).length;
}

/**
 * How many questions a draw lacks: it asks for more than its category holds once the quiz's own
 * fixed questions (`overlap`) are left out. Attempts would then fail to start.
 */
export function drawShortfall(slot: SlotDraft, overlap = 0): number {
  if (slot.kind !== 'draw' || slot.availableCount === null) return 0;
  return Math.max(0, slot.drawCount - Math.max(0, slot.availableCount - overlap));
}

/** The questions already in the quiz as fixed slots (the search marks them "added"). */
export function fixedQuestionIds(slots: readonly SlotDraft[]): Set<string> {
  return new Set(slots.flatMap((s) => (s.kind === 'fixed' ? [s.questionId] : [])));
}

/**
 * Saved slots (new ids from the server) with the row keys of the list that was sent, so that rows
 * keep their identity (and the keyboard its place) across a save. The server keeps the order.
 */
export function rekeySlots(saved: readonly SlotDraft[], sent: readonly SlotDraft[]): SlotDraft[] {
  if (saved.length !== sent.length) return [...saved];
  return saved.map((s, i) => ({ ...s, key: sent[i].key }));
}
