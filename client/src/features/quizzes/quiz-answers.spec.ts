import { describe, expect, it } from 'vitest';
import {
  answerFields,
  answerFromStored,
  formatRemaining,
  isAnswered,
  parseTypedNumber,
} from './quiz-answers';

const stored = {
  optionIds: null,
  booleanValue: null,
  itemIds: null,
  matches: null,
  text: null,
  numberValue: null,
};

describe('quiz answers', () => {
  it('reads back only the field of the question’s type', () => {
    expect(answerFromStored('TRUE_FALSE', { ...stored, booleanValue: false })).toEqual({
      booleanValue: false,
    });
    expect(answerFromStored('NUMERIC', { ...stored, numberValue: 0 })).toEqual({ numberValue: 0 });
    expect(answerFromStored('SHORT_ANSWER', { ...stored, optionIds: ['a'] })).toBeNull();
    expect(answerFromStored('MATCHING', null)).toBeNull();
  });

  it('counts an empty choice or blank text as no answer, false and 0 as answers', () => {
    expect(isAnswered('MULTIPLE_CHOICE', { optionIds: [] })).toBe(false);
    expect(isAnswered('SHORT_ANSWER', { text: '   ' })).toBe(false);
    expect(isAnswered('TRUE_FALSE', { booleanValue: false })).toBe(true);
    expect(isAnswered('NUMERIC', { numberValue: 0 })).toBe(true);
    expect(isAnswered('ORDERING', null)).toBe(false);
  });

  it('sends the type’s own field, or every field null to clear the answer', () => {
    expect(answerFields('NUMERIC', { numberValue: 3, text: 'x' })).toEqual({ ...stored, numberValue: 3 });
    expect(answerFields('MULTIPLE_CHOICE', { optionIds: [] })).toEqual(stored);
    expect(answerFields('SHORT_ANSWER', null)).toEqual(stored);
  });

  it('reads numbers typed on Korean keyboards, with separators or a Unicode minus', () => {
    expect(parseTypedNumber('30')).toBe(30);
    expect(parseTypedNumber('１２．５')).toBe(12.5);
    expect(parseTypedNumber('1,000,000')).toBe(1_000_000);
    expect(parseTypedNumber('\u22123.5')).toBe(-3.5);
    expect(parseTypedNumber('.5')).toBe(0.5);
    expect(parseTypedNumber('')).toBeNull();
    expect(parseTypedNumber('3만')).toBeNull();
    expect(parseTypedNumber('-')).toBeNull();
  });

  it('shows the time left as a clock, rounding up to the second', () => {
    expect(formatRemaining(600_000)).toBe('10:00');
    expect(formatRemaining(64_001)).toBe('1:05');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(formatRemaining(-5)).toBe('0:00');
  });
});
