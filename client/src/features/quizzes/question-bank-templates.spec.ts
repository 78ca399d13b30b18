import { parseGift } from '@palma/shared';
import { describe, expect, it } from 'vitest';
import { GIFT_EXAMPLE, QUESTION_CSV_COLUMNS, questionCsvTemplate } from './question-bank-templates';

describe('the import help', () => {
  it('shows a GIFT example that imports without a problem', () => {
    const parsed = parseGift(GIFT_EXAMPLE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions.map((q) => q.draft.type)).toEqual([
      'SINGLE_CHOICE',
      'TRUE_FALSE',
      'SHORT_ANSWER',
      'MATCHING',
    ]);
    expect(parsed.questions[0].categoryPath).toEqual(['행동강령', '기본']);
  });

  it('offers a CSV template with a BOM and the columns the importer reads', () => {
    const template = questionCsvTemplate();
    expect(template.startsWith('\uFEFF')).toBe(true);
    expect(template.slice(1).trim().split(',')).toEqual([...QUESTION_CSV_COLUMNS]);
  });
});
