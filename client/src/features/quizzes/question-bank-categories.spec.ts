import { describe, expect, it } from 'vitest';
import { categoryRows, indentedName, subtreeIds, type BankCategory } from './question-bank-categories';

const c = (id: string, nameKo: string, parentId: string | null, questionCount = 0): BankCategory => ({
  id,
  nameKo,
  nameEn: `${nameKo}-en`,
  parentId,
  questionCount,
});

const bank = [
  c('law', '청탁금지법', null, 2),
  c('gifts', '금품 수수', 'law', 5),
  c('meals', '음식물', 'gifts', 1),
  c('code', '행동강령', null, 3),
  c('apps', '외부강의', 'law', 0),
];

describe('categoryRows', () => {
  it('lists the tree depth first, siblings by name, with counts of the whole subtree', () => {
    const rows = categoryRows(bank, 'ko');
    expect(rows.map((r) => [r.category.id, r.depth, r.totalCount])).toEqual([
      ['law', 0, 8],
      ['gifts', 1, 6],
      ['meals', 2, 1],
      ['apps', 1, 0],
      ['code', 0, 3],
    ]);
    expect(rows[2].path).toEqual(['청탁금지법', '금품 수수', '음식물']);
    expect(rows.find((r) => r.category.id === 'gifts')?.hasChildren).toBe(true);
  });

  it('uses English names for English readers', () => {
    expect(categoryRows(bank, 'en')[0].name).toBe('청탁금지법-en');
  });

  it('shows a category whose parent is gone at the top', () => {
    const rows = categoryRows([c('orphan', '고아', 'missing')], 'ko');
    expect(rows.map((r) => [r.category.id, r.depth])).toEqual([['orphan', 0]]);
  });
});

describe('subtreeIds', () => {
  it('is the category and everything under it', () => {
    expect(subtreeIds(bank, 'law')).toEqual(new Set(['law', 'gifts', 'meals', 'apps']));
    expect(subtreeIds(bank, 'code')).toEqual(new Set(['code']));
  });
});

describe('indentedName', () => {
  it('indents with no-break spaces, which a select keeps', () => {
    expect(indentedName({ depth: 2, name: '음식물' })).toBe('\u00a0'.repeat(6) + '음식물');
  });
});
