import { describe, expect, it } from 'vitest';
import { emptyQuestionForm, type QuestionForm } from './question-bank-form';
import {
  matchIdOf,
  optionIdOf,
  presentForm,
  promptIdOf,
  reviewForm,
  shuffledForPreview,
  testShortAnswer,
} from './question-bank-preview';

function form(type: QuestionForm['type']): QuestionForm {
  const f = emptyQuestionForm('cat', type);
  f.promptKo = '문제';
  f.promptEn = 'Question';
  f.points = 4;
  f.explanationKo = '해설';
  f.explanationEn = 'Why';
  return f;
}

describe('presentForm', () => {
  it('shows choice options in the author’s order, with saved ids or row keys', () => {
    const f = form('SINGLE_CHOICE');
    f.options[0].id = 'saved1';
    const shown = presentForm(f, 1);
    expect(shown.options.map((o) => o.id)).toEqual([
      'saved1',
      f.options[1].key,
      f.options[2].key,
      f.options[3].key,
    ]);
    expect(shown).toMatchObject({ type: 'SINGLE_CHOICE', promptKo: '문제', points: 4, imageUrl: null });
    expect(shown.orderingItems).toEqual([]);
    expect(shown.matchPrompts).toEqual([]);
  });

  it('never shows ordering items in the order of the key', () => {
    const f = form('ORDERING');
    f.orderingItems.forEach((item, i) => (item.textKo = `단계 ${i + 1}`));
    for (let seed = 0; seed < 50; seed++) {
      const ids = presentForm(f, seed).orderingItems.map((i) => i.id);
      expect(ids).not.toEqual(f.orderingItems.map(optionIdOf));
      expect([...ids].sort()).toEqual(f.orderingItems.map(optionIdOf).sort());
    }
  });

  it('keeps matching prompts in order and shuffles their answers away from them', () => {
    const f = form('MATCHING');
    const shown = presentForm(f, 7);
    expect(shown.matchPrompts.map((p) => p.id)).toEqual(f.matchingPairs.map(promptIdOf));
    expect(shown.matchChoices.map((c) => c.id)).not.toEqual(f.matchingPairs.map(matchIdOf));
    expect(new Set(shown.matchChoices.map((c) => c.id))).toEqual(new Set(f.matchingPairs.map(matchIdOf)));
  });

  it('gives the same order for the same seed while the author types', () => {
    const f = form('ORDERING');
    const before = presentForm(f, 3).orderingItems.map((i) => i.id);
    f.orderingItems[1].textKo = '바뀐 글';
    expect(presentForm(f, 3).orderingItems.map((i) => i.id)).toEqual(before);
  });
});

describe('shuffledForPreview', () => {
  it('leaves one item alone and moves two', () => {
    expect(shuffledForPreview(['a'], 1)).toEqual(['a']);
    expect(shuffledForPreview(['a', 'b'], 1)).toEqual(['b', 'a']);
  });
});

describe('reviewForm', () => {
  it('marks the key, grades the answer and carries option feedback', () => {
    const f = form('MULTIPLE_CHOICE');
    f.multipleScoring = 'PARTIAL';
    f.options[0].correct = true;
    f.options[1].correct = true;
    f.options[2].feedbackKo = '아닙니다';
    const [a, b] = f.options.map(optionIdOf);
    const review = reviewForm(f, { optionIds: [a] });
    expect(review.correctOptionIds).toEqual([a, b]);
    expect(review).toMatchObject({ correct: false, fraction: 0.5, score: 2, explanationKo: '해설' });
    expect(review.optionFeedback).toEqual([
      { optionId: optionIdOf(f.options[2]), feedbackKo: '아닙니다', feedbackEn: '' },
    ]);
    expect(reviewForm(f, { optionIds: [a, b] })).toMatchObject({ correct: true, score: 4 });
  });

  it('grades nothing while the key is unfinished', () => {
    const single = form('SINGLE_CHOICE');
    expect(reviewForm(single, { optionIds: [optionIdOf(single.options[0])] })).toMatchObject({
      correct: false,
      score: 0,
      correctOptionIds: [],
    });
    const tf = form('TRUE_FALSE');
    expect(reviewForm(tf, { booleanValue: null })).toMatchObject({ correct: false, correctBoolean: null });
    tf.trueFalseAnswer = true;
    expect(reviewForm(tf, { booleanValue: true })).toMatchObject({ correct: true, correctBoolean: true });
  });

  it('gives the key of ordering and matching in the preview’s ids', () => {
    const ordering = form('ORDERING');
    expect(reviewForm(ordering, null).correctItemIds).toEqual(ordering.orderingItems.map(optionIdOf));
    const matching = form('MATCHING');
    const review = reviewForm(matching, {
      matches: matching.matchingPairs.map((p) => ({ promptId: promptIdOf(p), matchId: matchIdOf(p) })),
    });
    expect(review.correct).toBe(true);
    expect(review.correctMatches).toHaveLength(3);
  });

  it('shows plain accepted answers and numbers, never the patterns', () => {
    const short = form('SHORT_ANSWER');
    short.acceptedAnswers[0].value = '청탁금지법';
    short.acceptedPatterns = [{ key: 'p', value: '김영란\\s*법' }];
    const review = reviewForm(short, { text: '김영란 법' });
    expect(review).toMatchObject({ correct: true, acceptedAnswers: ['청탁금지법'] });
    const numeric = form('NUMERIC');
    numeric.numericAnswers = [{ key: 'n', value: '2', tolerance: '0.5' }];
    expect(reviewForm(numeric, { numberValue: 2.4 })).toMatchObject({ correct: true, acceptedNumbers: [2] });
    expect(reviewForm(numeric, { numberValue: 2.6 }).correct).toBe(false);
  });
});

describe('testShortAnswer', () => {
  const f = form('SHORT_ANSWER');
  f.acceptedAnswers = [
    { key: 'a', value: '' },
    { key: 'b', value: '청탁금지법' },
  ];
  f.acceptedPatterns = [{ key: 'p', value: '김영란\\s*법' }];

  it('accepts by answer regardless of spacing, case and outer punctuation', () => {
    expect(testShortAnswer(f, ' 청탁 금지법. ')).toEqual({
      accepted: true,
      normalised: '청탁금지법',
      by: 'answer',
      index: 1,
    });
  });

  it('accepts by pattern and says which one', () => {
    expect(testShortAnswer(f, '김영란법')).toMatchObject({ accepted: true, by: 'pattern', index: 0 });
  });

  it('refuses anything else, and an empty answer', () => {
    expect(testShortAnswer(f, '부정청탁법')).toEqual({ accepted: false, normalised: '부정청탁법' });
    expect(testShortAnswer(f, '   ').accepted).toBe(false);
  });
});
