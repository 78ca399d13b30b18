import { describe, expect, it } from 'vitest';
import {
  addDrawSlot,
  addFixedSlot,
  drawOverlap,
  drawShortfall,
  fixedQuestionIds,
  moveSlot,
  questionTotal,
  rekeySlots,
  removeSlot,
  sameSlots,
  scoreSummary,
  slotsFromSaved,
  toSlotInputs,
  type SavedSlot,
  type SlotQuestion,
} from './quiz-builder-slots';

const question = (id: string, points = 1): SlotQuestion => ({
  id,
  promptKo: `문항 ${id}`,
  promptEn: `Question ${id}`,
  type: 'SINGLE_CHOICE',
  difficulty: 'MEDIUM',
  points,
  categoryId: 'cat-law',
});

const saved: SavedSlot[] = [
  {
    id: 'slot-1',
    questionId: 'q1',
    question: question('q1', 2),
    categoryId: null,
    drawCount: 1,
    difficulty: null,
    includeSubcategories: true,
    availableCount: 1,
  },
  {
    id: 'slot-2',
    questionId: null,
    question: null,
    categoryId: 'cat-gifts',
    drawCount: 3,
    difficulty: 'HARD',
    includeSubcategories: false,
    availableCount: 2,
  },
];

describe('quiz slots', () => {
  it('sends fixed questions by id and draws with their options, in order', () => {
    expect(toSlotInputs(slotsFromSaved(saved))).toEqual([
      { questionId: 'q1' },
      { categoryId: 'cat-gifts', drawCount: 3, difficulty: 'HARD', includeSubcategories: false },
    ]);
  });

  it('adds a question once, and draws as often as wanted', () => {
    let slots = slotsFromSaved(saved);
    slots = addFixedSlot(slots, question('q2'));
    slots = addFixedSlot(slots, question('q1'));
    slots = addDrawSlot(slots, {
      categoryId: 'cat-gifts',
      drawCount: 1,
      difficulty: null,
      includeSubcategories: true,
      availableCount: 12,
    });
    expect(toSlotInputs(slots).map((s) => s.questionId ?? s.categoryId)).toEqual([
      'q1',
      'cat-gifts',
      'q2',
      'cat-gifts',
    ]);
    expect(new Set(slots.map((s) => s.key)).size).toBe(4);
    expect([...fixedQuestionIds(slots)]).toEqual(['q1', 'q2']);
  });

  it('moves a slot up and down, and not past either end', () => {
    const slots = addFixedSlot(slotsFromSaved(saved), question('q3'));
    const ids = (list: typeof slots) => list.map((s) => (s.kind === 'fixed' ? s.questionId : s.categoryId));
    expect(ids(moveSlot(slots, slots[2].key, -1))).toEqual(['q1', 'q3', 'cat-gifts']);
    expect(ids(moveSlot(slots, slots[0].key, 1))).toEqual(['cat-gifts', 'q1', 'q3']);
    expect(sameSlots(moveSlot(slots, slots[0].key, -1), slots)).toBe(true);
    expect(sameSlots(moveSlot(slots, slots[2].key, 1), slots)).toBe(true);
    expect(sameSlots(moveSlot(slots, 'nope', 1), slots)).toBe(true);
  });

  it('removes one slot by its key', () => {
    const slots = slotsFromSaved(saved);
    expect(toSlotInputs(removeSlot(slots, 'slot-1'))).toEqual([toSlotInputs(slots)[1]]);
  });

  it('counts questions per attempt and the points it knows', () => {
    const slots = addFixedSlot(slotsFromSaved(saved), question('q4', 5));
    expect(questionTotal(slots)).toBe(5);
    expect(scoreSummary(slots)).toEqual({ fixedPoints: 7, drawnQuestions: 3 });
    expect(questionTotal([])).toBe(0);
  });

  it('tells how many questions a draw lacks, counting the fixed ones it cannot draw again', () => {
    const [fixed, draw] = slotsFromSaved(saved);
    if (draw.kind !== 'draw') throw new Error('the second slot is a draw');
    expect(drawShortfall(draw)).toBe(1);
    expect(drawShortfall(draw, 2)).toBe(3);
    expect(drawShortfall({ ...draw, availableCount: 10 }, 2)).toBe(0);
    expect(drawShortfall(fixed)).toBe(0);
    expect(drawShortfall({ ...draw, availableCount: null })).toBe(0);
  });

  it('finds the fixed questions a draw could also pick, by category tree and difficulty', () => {
    const tree: Record<string, string[]> = {
      'cat-law': ['cat-law'],
      'cat-gifts': ['cat-law', 'cat-gifts'],
      'cat-conduct': ['cat-conduct'],
    };
    const ancestorsOf = (id: string) => tree[id] ?? [];
    let slots = addFixedSlot([], { ...question('a'), categoryId: 'cat-gifts', difficulty: 'HARD' });
    slots = addFixedSlot(slots, { ...question('b'), categoryId: 'cat-law' });
    slots = addFixedSlot(slots, { ...question('c'), categoryId: 'cat-conduct' });
    slots = addFixedSlot(slots, { ...question('d'), categoryId: 'cat-law', archived: true });
    const scope = { categoryId: 'cat-law', difficulty: null, includeSubcategories: true };
    expect(drawOverlap(slots, scope, ancestorsOf)).toBe(2);
    expect(drawOverlap(slots, { ...scope, includeSubcategories: false }, ancestorsOf)).toBe(1);
    expect(drawOverlap(slots, { ...scope, difficulty: 'HARD' }, ancestorsOf)).toBe(1);
    expect(drawOverlap(slots, { ...scope, categoryId: 'cat-gifts' }, ancestorsOf)).toBe(1);
  });

  it('keeps the rows’ keys over a save that gave the slots new ids', () => {
    const sent = addFixedSlot(slotsFromSaved(saved), question('q5'));
    const back = slotsFromSaved([
      ...saved.map((s) => ({ ...s, id: `${s.id}-v2` })),
      { ...saved[0], id: 'slot-3', questionId: 'q5', question: question('q5') },
    ]);
    expect(rekeySlots(back, sent).map((s) => s.key)).toEqual(sent.map((s) => s.key));
    expect(rekeySlots(back.slice(1), sent).map((s) => s.key)).toEqual(['slot-2-v2', 'slot-3']);
  });
});
