import { describe, expect, it } from 'vitest';
import { moveItem, popBalloon, toggleChoice, typedAnswer } from './live-answer';

describe('typedAnswer', () => {
  it('sends trimmed text for a short answer', () => {
    expect(typedAnswer('SHORT_ANSWER', '  청탁금지법 ')).toEqual({
      ok: true,
      answer: { text: '청탁금지법' },
    });
    expect(typedAnswer('SHORT_ANSWER', '   ')).toEqual({ ok: false, problem: 'EMPTY' });
    expect(typedAnswer('SHORT_ANSWER', 'x'.repeat(201))).toEqual({ ok: false, problem: 'TOO_LONG' });
  });

  it('reads numbers as people type them', () => {
    expect(typedAnswer('NUMERIC', '1,000')).toEqual({ ok: true, answer: { numberValue: 1000 } });
    expect(typedAnswer('NUMERIC', '－３')).toEqual({ ok: true, answer: { numberValue: -3 } });
    expect(typedAnswer('NUMERIC', '3.5')).toEqual({ ok: true, answer: { numberValue: 3.5 } });
    expect(typedAnswer('NUMERIC', '삼')).toEqual({ ok: false, problem: 'NOT_A_NUMBER' });
  });
});

describe('choices and order', () => {
  it('toggles a choice and keeps the display order', () => {
    const order = ['a', 'b', 'c'];
    expect(toggleChoice([], 'c', order)).toEqual(['c']);
    expect(toggleChoice(['c'], 'a', order)).toEqual(['a', 'c']);
    expect(toggleChoice(['a', 'c'], 'a', order)).toEqual(['c']);
  });

  it('moves an item up or down, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('pops a balloon once', () => {
    expect(popBalloon(popBalloon([], 'gift'), 'gift')).toEqual(['gift']);
    expect(popBalloon(['gift'], 'golf')).toEqual(['gift', 'golf']);
  });
});
