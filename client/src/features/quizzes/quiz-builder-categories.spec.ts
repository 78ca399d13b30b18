import { describe, expect, it } from 'vitest';
import { categoryChoices } from './quiz-builder-categories';

describe('category choices', () => {
  it('lists parents before children, sorted, with totals that include subcategories', () => {
    const choices = categoryChoices(
      [
        { id: 'gifts', nameKo: '금품 수수', nameEn: 'Gifts', parentId: 'law', questionCount: 4 },
        { id: 'law', nameKo: '청탁금지법', nameEn: 'Anti-graft act', parentId: null, questionCount: 2 },
        {
          id: 'conduct',
          nameKo: '공무원 행동강령',
          nameEn: 'Code of conduct',
          parentId: null,
          questionCount: 1,
        },
        { id: 'meals', nameKo: '식사', nameEn: 'Meals', parentId: 'gifts', questionCount: 3 },
        { id: 'orphan', nameKo: '고아', nameEn: 'Orphan', parentId: 'gone', questionCount: 0 },
      ],
      'ko',
    );
    expect(choices.map((c) => [c.id, c.depth, c.totalCount])).toEqual([
      ['orphan', 0, 0],
      ['conduct', 0, 1],
      ['law', 0, 9],
      ['gifts', 1, 7],
      ['meals', 2, 3],
    ]);
    const meals = choices.find((c) => c.id === 'meals');
    expect(meals?.path).toBe('청탁금지법 › 금품 수수 › 식사');
    expect(meals?.ancestorIds).toEqual(['law', 'gifts', 'meals']);
  });
});
